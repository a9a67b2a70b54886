package reverie.engine.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;

/**
 * Use counts from the grammar's summaries reproduce DreamCoder's log-priors and the grammar's own.
 */
class UseCounterTest {
  private final OutputLayout layout = new OutputLayout(TestLibrary.GRAMMAR);
  private final UseCounter counter =
      new UseCounter(
          layout, reverie.dsl.grammar.ContextualGrammar.fromGrammar(TestLibrary.GRAMMAR));

  private double uniformLogPrior(String program, String request) {
    return counter
        .count(TestLibrary.parse(program), Type.parse(request))
        .logPrior(new double[layout.outputSize()]);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        // 11 candidates for list(int) with $0 in scope: the REFERENCES figures.
        "(lambda $0); list(int) -> list(int); 11",
        "(lambda empty); list(int) -> list(int); 11",
        "(lambda (cdr $0)); list(int) -> list(int); 121",
      })
  void knownCosts(String program, String request, double inverseProbability) {
    assertEquals(-Math.log(inverseProbability), uniformLogPrior(program, request), 1e-9);
  }

  @Test
  void variablesShareOneWeight() {
    // Two int variables in scope: the hole for (+ ...)'s first argument offers int productions and
    // the
    // variables as one choice; picking $0 costs an extra log 2.
    double withTwo = uniformLogPrior("(lambda (lambda (+ $0 1)))", "int -> int -> int");
    double withOne = uniformLogPrior("(lambda (+ $0 1))", "int -> int");
    assertEquals(withOne - Math.log(2), withTwo, 1e-9);
  }

  @Test
  void contextsFollowParentAndArgument() {
    UseCounts c =
        counter.count(
            TestLibrary.parse("(lambda (map (lambda (+ $0 1)) $0))"), TestLibrary.LIST_TO_LIST);
    int map = layout.indexOf(TestLibrary.parse("map"));
    int plus = layout.indexOf(TestLibrary.parse("+"));
    int width = layout.width();
    int[] slots = c.useSlot.clone();
    Arrays.sort(slots);
    int[] expected = {
      OutputLayout.ROOT * width + map,
      layout.context(map, 0) * width + plus,
      layout.context(map, 1) * width + layout.variableSlot(),
      layout.context(plus, 0) * width + layout.variableSlot(),
      layout.context(plus, 1) * width + layout.indexOf(TestLibrary.parse("1")),
    };
    Arrays.sort(expected);
    assertEquals(Arrays.toString(expected), Arrays.toString(slots));
  }

  @Test
  void lossAgreesWithTheGrammarsLogPriorUnderAnyWeights() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    double[] w = new double[layout.outputSize()];
    for (int i = 0; i < w.length; i++) {
      w[i] = 2 * r.nextDouble() - 1;
    }
    reverie.dsl.grammar.ContextualGrammar g = layout.toGrammar(w);
    for (String[] pt :
        new String[][] {
          {"(lambda (map (lambda (+ $0 1)) $0))", "list(int) -> list(int)"},
          {"(lambda (lambda (+ $0 $1)))", "int -> int -> int"},
          {"(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))", "list(int) -> int"},
          {
            "(lambda (unfold $0 (lambda (empty? $0)) (lambda (car $0)) (lambda (cdr $0))))",
            "list(int) -> list(int)"
          }
        }) {
      var program = TestLibrary.parse(pt[0]);
      Type request = Type.parse(pt[1]);
      assertEquals(
          g.logPrior(program, request), counter.count(program, request).logPrior(w), 1e-9, pt[0]);
    }
  }

  @Test
  void rejectsProgramsOutsideTheLibrary() {
    var other = new reverie.dsl.program.Primitive("reverse", Type.parse("list(t0) -> list(t0)"));
    var program =
        reverie.dsl.program.Program.lambdas(
            1, reverie.dsl.program.Program.apply(other, new reverie.dsl.program.Index(0)));
    assertThrows(InputException.class, () -> counter.count(program, TestLibrary.LIST_TO_LIST));
  }
}

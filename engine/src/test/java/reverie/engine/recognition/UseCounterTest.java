package reverie.engine.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;

/** The use-count walk reproduces DreamCoder's log-priors under the uniform list grammar. */
class UseCounterTest {
  private final OutputLayout layout = new OutputLayout(TestLibrary.GRAMMAR);
  private final UseCounter counter = new UseCounter(layout);

  private double uniformLogPrior(String program, String request) {
    return counter.count(TestLibrary.parse(program), Type.parse(request)).logPrior(new double[layout.outputSize()]);
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
    // Two int variables in scope: the hole for (+ ...)'s first argument offers int productions and the
    // variables as one choice; picking $0 costs an extra log 2.
    double withTwo = uniformLogPrior("(lambda (lambda (+ $0 1)))", "int -> int -> int");
    double withOne = uniformLogPrior("(lambda (+ $0 1))", "int -> int");
    assertEquals(withOne - Math.log(2), withTwo, 1e-9);
  }

  @Test
  void contextsFollowParentAndArgument() {
    UseCounts c = counter.count(TestLibrary.parse("(lambda (map (lambda (+ $0 1)) $0))"), TestLibrary.LIST_TO_LIST);
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
  void rejectsProgramsOutsideTheLibrary() {
    var other = new reverie.dsl.program.Primitive("reverse", Type.parse("list(t0) -> list(t0)"));
    var program = reverie.dsl.program.Program.lambdas(1, reverie.dsl.program.Program.apply(other, new reverie.dsl.program.Index(0)));
    assertThrows(InputException.class, () -> counter.count(program, TestLibrary.LIST_TO_LIST));
  }
}

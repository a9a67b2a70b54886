package reverie.dsl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.InputException;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

class GrammarTest {
  static final Type LIST_TO_LIST = Type.parse("list(int) -> list(int)");
  static final double LN11 = Math.log(11);

  static double logPrior(String program, String request) {
    return ListPrimitives.UNIFORM.logPrior(ListPrimitives.parse(program), Type.parse(request));
  }

  @Test
  void cheapestListProgramsCostLn11() {
    assertEquals(-LN11, logPrior("(lambda $0)", "list(int) -> list(int)"), 1e-12);
    assertEquals(-LN11, logPrior("(lambda empty)", "list(int) -> list(int)"), 1e-12);
    assertEquals(-2 * LN11, logPrior("(lambda (cdr $0))", "list(int) -> list(int)"), 1e-12);
  }

  @Test
  void handComputedPriorOfMapWithLambda() {
    // Root list(int): 10 productions fit (map unfold range index fold if empty cons car cdr) plus
    // $0: 1/11.
    // map then needs t0 -> int and list(t0). The lambda pushes $0 : t0; at the int hole 11
    // productions fit
    // (index fold length if + - car 0 1 * mod) and $0 (still t0) does: 1/12 for +, 1/12 for $0
    // (which binds
    // t0 to int), 1/12 for 1. The list(int) argument of map: 1/11 for $1 (now $0 again).
    Program p = ListPrimitives.parse("(lambda (map (lambda (+ $0 1)) $0))");
    double expected = -2 * LN11 - 3 * Math.log(12);
    assertEquals(expected, ListPrimitives.UNIFORM.logPrior(p, LIST_TO_LIST), 1e-12);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cdr | list(int) -> list(int)", // not eta-long at the root
        "(lambda (map (+ 1) $0)) | list(int) -> list(int)", // partial application as an argument
        "(lambda (length $0)) | list(int) -> list(int)", // ill-typed
        "(lambda (cdr $1)) | list(int) -> list(int)", // free variable
        "(lambda ((lambda $0) $0)) | list(int) -> list(int)", // not beta-normal
        "(lambda (lambda $0)) | list(int) -> list(int)", // lambda at a non-arrow hole
        "(lambda (cdr $0 $0)) | list(int) -> list(int)", // too many arguments
      })
  void programsOutsideTheLanguageHaveNoProbability(String program, String request) {
    assertEquals(Double.NEGATIVE_INFINITY, logPrior(program, request));
    assertThrows(
        InputException.class,
        () -> ListPrimitives.UNIFORM.summarize(ListPrimitives.parse(program), Type.parse(request)));
  }

  @Test
  void unknownProductionHasNoProbability() {
    Grammar small = Grammar.uniform(ListPrimitives.ALL.subList(0, 10));
    assertEquals(
        Double.NEGATIVE_INFINITY,
        small.logPrior(ListPrimitives.parse("(lambda (cdr $0))"), LIST_TO_LIST));
  }

  @Test
  void variablesShareTheVariableWeight() {
    // Two list(int) variables in scope: each gets half of the variable weight.
    Type request = Type.parse("list(int) -> list(int) -> list(int)");
    double p0 = logPrior("(lambda (lambda $0))", request.toString());
    double p1 = logPrior("(lambda (lambda $1))", request.toString());
    assertEquals(p0, p1, 1e-12);
    assertEquals(-LN11 - Math.log(2), p0, 1e-12);
  }

  @Test
  void weightsChangeTheDistribution() {
    Grammar g =
        ListPrimitives.UNIFORM.withLogWeights(Math.log(2), ListPrimitives.UNIFORM.logWeights());
    Program identity = ListPrimitives.parse("(lambda $0)");
    assertEquals(Math.log(2) - Math.log(12), g.logPrior(identity, LIST_TO_LIST), 1e-12);
  }

  @Test
  void polymorphicRequest() {
    // A request with its own type variable: the variables of the request stay unifiable.
    assertTrue(Double.isFinite(logPrior("(lambda (car $0))", "list(t0) -> t0")));
    assertTrue(Double.isFinite(logPrior("(lambda (length $0))", "list(t0) -> int")));
  }

  @Test
  void summaryMatchesLogPrior() {
    for (String s :
        List.of(
            "(lambda (map (lambda (+ $0 1)) $0))",
            "(lambda $0)",
            "(lambda (fold $0 empty (lambda (lambda (cons $1 $0)))))")) {
      Program p = ListPrimitives.parse(s);
      LikelihoodSummary summary = ListPrimitives.UNIFORM.summarize(p, LIST_TO_LIST);
      assertEquals(
          ListPrimitives.UNIFORM.logPrior(p, LIST_TO_LIST),
          summary.logLikelihood(ListPrimitives.UNIFORM),
          1e-9,
          s);
    }
  }
}

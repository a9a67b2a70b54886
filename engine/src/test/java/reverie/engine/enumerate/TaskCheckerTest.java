package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Example;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * The wake's fast check gives the verdict a fresh evaluation budget would give, whatever ran before
 * it, and turns every failure of a candidate into "does not pass".
 */
class TaskCheckerTest {
  private static final Domain LISTS = Domains.installed().byName("lists");
  private static final Type REQUEST = Type.parse("list(int) -> int");
  private static final Scorer SCORER = Scorer.of(LISTS);
  private static final CodeBuilder CODES =
      new CodeBuilder(
          new ProgramEnumeration(Grammar.uniform(LISTS.primitives()), REQUEST).grammar(),
          SCORER.table());

  private static Code code(String program) {
    return CODES.compile(Program.parse(program, LISTS.resolver()));
  }

  private static Task task(List<Long> input, long output) {
    return new Task(
        "t", REQUEST, ImmutableList.of(Example.of(List.of(input), output)), LISTS.name());
  }

  /**
   * About 30,000 steps a run, against a budget of 100,000 that the checker's runs share: the fourth
   * run would exceed what is left, so it is run again on a fresh budget and still passes.
   */
  @Test
  void aProgramNearTheBudgetPassesEveryTime() {
    Code nested =
        code(
            "(lambda (fold (range 99) 0 (lambda (lambda (fold (range 99) $0"
                + " (lambda (lambda (+ 1 $0))))))))");
    Task task = task(List.of(), 99 * 99);
    Code zero = code("(lambda 0)");
    TaskChecker checker = new TaskChecker(SCORER);
    for (int i = 0; i < 8; i++) {
      assertTrue(checker.passes(nested, task), "run " + i);
      // Another program in between, so that the checker's memo of its last run does not answer.
      assertFalse(checker.passes(zero, task));
    }
  }

  @Test
  void failuresDoNotPassAndLeaveTheNextCheckAlone() {
    TaskChecker checker = new TaskChecker(SCORER);
    Task onEmpty = task(List.of(), 0);
    Code car = code("(lambda (car $0))");
    Code never =
        code("(lambda (length (unfold 0 (lambda (eq? $0 1000)) (lambda $0) (lambda $0))))");
    Code zero = code("(lambda 0)");
    assertFalse(checker.passes(car, onEmpty));
    assertFalse(checker.passes(car, onEmpty)); // remembered, same verdict
    assertFalse(checker.passes(never, onEmpty));
    assertTrue(checker.passes(zero, onEmpty));
    assertTrue(checker.passes(car, task(List.of(0L, 5L), 0)));
  }

  /** The failure a run reports is the primitive's own, wherever in the program it happened. */
  @Test
  void runReportsThePrimitivesFailure() {
    Code folded = code("(lambda (fold $0 0 (lambda (lambda (+ $0 (car (cdr (range $1))))))))");
    EvaluationException e =
        assertThrows(
            EvaluationException.class,
            () -> Code.run(folded, List.of(List.of(3L, 1L)), SCORER.meter()));
    assertEquals("car of an empty list", e.getMessage());
    assertEquals(2L, Code.run(folded, List.of(List.of(3L, 2L)), SCORER.meter()));
  }
}

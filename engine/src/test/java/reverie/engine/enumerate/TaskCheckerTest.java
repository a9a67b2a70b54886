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

  /**
   * An example whose input is long costs more to reject a candidate on than one whose input is
   * short: once the checker has measured them, it tries the short one first.
   */
  @Test
  void theExampleThatRejectsCheaplyIsTriedFirst() {
    List<Long> longInput = new java.util.ArrayList<>();
    for (long i = 0; i < 300; i++) {
      longInput.add(i);
    }
    Task task =
        new Task(
            "t",
            REQUEST,
            ImmutableList.of(
                Example.of(List.of(longInput), -1L),
                Example.of(List.of(List.of(4L, 2L)), -1L),
                Example.of(List.of(List.of(3L)), -1L)),
            LISTS.name());
    TaskChecker checker = new TaskChecker(SCORER);
    assertEquals(0, checker.order(task)[0]);
    List<Code> candidates =
        List.of(
            code("(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))"),
            code("(lambda (length (map (lambda (+ $0 1)) $0)))"),
            code("(lambda (fold $0 1 (lambda (lambda (* $0 1)))))"));
    for (int i = 0; i < TaskChecker.ExampleOrder.PROBES; i++) {
      assertFalse(checker.passes(candidates.get(i % candidates.size()), task));
    }
    assertEquals(2, checker.order(task)[0]);
    assertEquals(0, checker.order(task)[2]);
  }

  /**
   * The order changes how much a check costs, never its verdict: over the first thousands of
   * programs of the grammar (past several reorderings), the fast check passes exactly the programs
   * whose official likelihood is finite.
   */
  @Test
  void reorderingTheExamplesNeverChangesAVerdict() {
    Type request = Type.parse("list(int) -> list(int)");
    Task task =
        new Task(
            "drop the first",
            request,
            ImmutableList.of(
                Example.of(List.of(List.of(1L, 2L, 3L)), List.of(2L, 3L)),
                Example.of(List.of(List.of(4L)), List.of()),
                Example.of(List.of(List.of(7L, 7L)), List.of(7L)),
                Example.of(List.of(List.of(5L, 0L, 9L, 9L, 1L)), List.of(0L, 9L, 9L, 1L))),
            LISTS.name());
    ProgramEnumeration enumeration =
        new ProgramEnumeration(Grammar.uniform(LISTS.primitives()), request);
    CodeBuilder codes = new CodeBuilder(enumeration.grammar(), SCORER.table());
    List<Program> programs = new java.util.ArrayList<>();
    enumeration.run(1, 17.5, w -> (p, lp) -> programs.add(p), () -> false);
    assertTrue(programs.size() > 5 * 4_096, "programs: " + programs.size());
    TaskChecker checker = new TaskChecker(SCORER);
    reverie.dsl.eval.Budget budget = SCORER.meter();
    int passed = 0;
    for (Program p : programs) {
      boolean official =
          SCORER.logLikelihood(task, SCORER.compile(p), budget) > Double.NEGATIVE_INFINITY;
      assertEquals(official, checker.passes(codes.compile(p), task), p.toString());
      passed += official ? 1 : 0;
    }
    assertTrue(passed > 0);
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

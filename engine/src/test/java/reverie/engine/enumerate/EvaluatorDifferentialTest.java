package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationBudget;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Index;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Example;
import reverie.tasks.Task;

/**
 * The enumerator's fast evaluator ({@link Code}, built by {@link CodeBuilder}) and the official one
 * ({@link Evaluator}) agree: over 100,000 programs sampled from the list and text grammars, run on
 * the inputs of the built-in tasks of their request types, each gives the same value or the same
 * kind of failure (a primitive's failure, or an exhausted budget: steps, cells or stack). Half the
 * programs run under a tight budget, so that many runs end by exhausting it, at the same step; a
 * set of deeply nested programs runs on a small stack, so that both overflow it.
 */
class EvaluatorDifferentialTest {
  private static final int PROGRAMS = 100_000;
  // Time never decides here: only steps, cells and the stack, which both count the same way.
  private static final EvaluationBudget TIGHT = new EvaluationBudget(40, 60_000_000_000L, 12);
  private static final EvaluationBudget GENEROUS =
      new EvaluationBudget(
          EvaluationBudget.DEFAULT.steps(), 60_000_000_000L, EvaluationBudget.DEFAULT.cells());

  /** The outcome of one run: a value, or the failure's kind. */
  private record Outcome(Object value, String failure) {
    static Outcome of(java.util.function.Supplier<Object> run) {
      try {
        return new Outcome(run.get(), null);
      } catch (EvaluationException e) {
        return new Outcome(null, e.budgetExceeded() ? "budget" : "primitive: " + e.getMessage());
      }
    }
  }

  private final int[] kinds = new int[3]; // values, primitive failures, budget failures

  @Test
  void bothEvaluatorsAgreeOnSampledPrograms() {
    int done = 0;
    for (String name : List.of("lists", "text")) {
      Domain domain = Domains.installed().byName(name);
      List<Task> tasks = domain.suites().get(0).suite(name).tasks();
      Grammar grammar = Grammar.uniform(domain.primitives());
      Evaluator official = new Evaluator(domain.primitiveTable());
      Random random = new Random(name.hashCode());
      int perDomain = PROGRAMS / 2;
      for (int i = 0; i < perDomain; i++) {
        Task task = tasks.get(random.nextInt(tasks.size()));
        Optional<Program> sampled = grammar.sample(task.request(), random, 8);
        if (sampled.isEmpty()) {
          i--;
          continue;
        }
        EvaluationBudget budget = i % 2 == 0 ? TIGHT : GENEROUS;
        compare(domain, official, sampled.get(), task, budget);
        done++;
      }
    }
    assertEquals(PROGRAMS, done);
    // The comparison covered every kind of outcome, many times.
    assertTrue(kinds[0] > 10_000 && kinds[1] > 1_000 && kinds[2] > 1_000, () -> kindsText());
  }

  @Test
  void bothEvaluatorsOverflowTheStackTheSameWay() throws InterruptedException {
    Domain lists = Domains.installed().byName("lists");
    Evaluator official = new Evaluator(lists.primitiveTable());
    Task task = lists.suites().get(0).suite("lists").tasks().get(0);
    Type request = task.request();
    int overflows = 0;
    for (int depth : new int[] {10, 4_000}) {
      // (lambda (cdr (cons 1 (cdr (cons 1 ... $0))))): a shallow program gives a value, a deep one
      // overflows a small stack while running (both compile on this thread's large one). The two
      // evaluators use different amounts of stack per level (the fast path's generic applications
      // take more frames than the official direct calls), so near the limit one may overflow
      // where the other does not; both then report the same kind of failure, a budget one, and a
      // solution the fast path misses is only a missed candidate, never a wrong answer.
      // Built by code: the parser refuses text nested this deep.
      Program cdr = lists.resolver().resolve("cdr").orElseThrow();
      Program cons = lists.resolver().resolve("cons").orElseThrow();
      Program one = lists.resolver().resolve("1").orElseThrow();
      Program body = new Index(0);
      for (int i = 0; i < depth; i++) {
        body = Program.apply(cdr, Program.apply(cons, one, body));
      }
      Program p = new Abstraction(body);
      assertEquals(request.toString(), "list(int) -> list(int)");
      CompiledProgram slow = official.compile(p);
      ProgramEnumeration enumeration =
          new ProgramEnumeration(Grammar.uniform(lists.primitives()), request);
      Code fast = new CodeBuilder(enumeration.grammar(), lists.primitiveTable()).compile(p);
      List<Object> input = task.examples().get(0).inputs();
      AtomicReference<Outcome[]> outcomes = new AtomicReference<>();
      Thread small =
          new Thread(
              null,
              () ->
                  outcomes.set(
                      new Outcome[] {
                        Outcome.of(() -> slow.run(input, GENEROUS.meter())),
                        Outcome.of(() -> Code.run(fast, input, GENEROUS.meter()))
                      }),
              "small-stack",
              128 * 1024);
      small.start();
      small.join();
      assertEquals(outcomes.get()[0], outcomes.get()[1], "depth " + depth);
      if ("budget".equals(outcomes.get()[0].failure())) {
        overflows++;
      }
    }
    assertTrue(overflows >= 1, "no depth overflowed the small stack");
  }

  private void compare(
      Domain domain, Evaluator official, Program program, Task task, EvaluationBudget budget) {
    CompiledProgram slow = official.compile(program);
    Code fast = builder(domain, task.request()).compile(program);
    Budget slowMeter = budget.meter();
    for (Example e : task.examples()) {
      Outcome a = Outcome.of(() -> slow.run(e.inputs(), slowMeter));
      Outcome b = Outcome.of(() -> Code.run(fast, e.inputs(), budget.meter()));
      assertEquals(a, b, () -> program + " on " + e.inputs() + " (" + budget + ")");
      kinds[a.failure() == null ? 0 : a.failure().equals("budget") ? 2 : 1]++;
    }
  }

  private final List<Object[]> builders = new ArrayList<>();

  /**
   * One code builder per domain: whole programs compile the same whatever the request its grammar
   * was made for (the grammar only precompiles the productions' heads).
   */
  private CodeBuilder builder(Domain domain, Type request) {
    for (Object[] b : builders) {
      if (b[0] == domain) {
        return (CodeBuilder) b[1];
      }
    }
    ProgramEnumeration enumeration =
        new ProgramEnumeration(Grammar.uniform(domain.primitives()), request);
    CodeBuilder b = new CodeBuilder(enumeration.grammar(), domain.primitiveTable());
    builders.add(new Object[] {domain, b});
    return b;
  }

  private String kindsText() {
    return kinds[0] + " values, " + kinds[1] + " primitive failures, " + kinds[2] + " budget";
  }
}

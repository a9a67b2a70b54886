package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * A program budget is counted exactly and makes frontiers independent of threads and of how tasks
 * are grouped into jobs.
 */
class ProgramBudgetTest {
  private static final Domain LISTS = Domains.installed().byName("lists");
  private static final Scorer SCORER = Scorer.of(LISTS);
  private static final ContextualGrammar UNIFORM =
      ContextualGrammar.fromGrammar(Grammar.uniform(LISTS.primitives()));
  private static final long BUDGET = 3_000;

  /** Every third task of the built-in lists suite: several request types, some solved. */
  private static List<Task> tasks() {
    List<Task> all = Domains.installed().suite("lists").tasks();
    List<Task> some = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 3) {
      some.add(all.get(i));
    }
    return some;
  }

  private static SolveResult solve(int threads) {
    SolveConfig config = SolveConfig.defaults().withThreads(threads).withMaxPrograms(BUDGET);
    return Solver.solve(tasks(), UNIFORM, config, SCORER);
  }

  @Test
  void everyTaskNotFullBeforeItsBudgetIsCheckedAgainstExactlyThatManyPrograms() {
    SolveResult r = solve(1);
    int full = 0;
    for (TaskResult t : r.tasks()) {
      if (t.frontier().entries().size() == SolveConfig.DEFAULT_TOP_K) {
        full++;
        assertTrue(t.programsTried() <= BUDGET, t.task().name() + ": " + t.programsTried());
      } else {
        assertEquals(BUDGET, t.programsTried(), t.task().name());
      }
    }
    assertTrue(r.solved() > 0 && r.solved() < r.tasks().size(), r.solved() + " solved");
    assertTrue(full < r.tasks().size(), "some task must search its whole budget");
  }

  @Test
  void theSameFrontiersOnOneTwoAndThreeThreads() {
    SolveResult one = solve(1);
    for (int threads : new int[] {2, 3}) {
      SolveResult many = solve(threads);
      for (int i = 0; i < one.tasks().size(); i++) {
        TaskResult a = one.tasks().get(i);
        TaskResult b = many.tasks().get(i);
        assertEquals(a.frontier(), b.frontier(), a.task().name() + " on " + threads + " threads");
        assertEquals(a.programsTried(), b.programsTried(), a.task().name());
      }
    }
  }

  @Test
  void piecesCoverEveryTaskOnceLargestFirstAndFindWhatTheWholeJobsFind() {
    SearchPlan plan =
        SearchPlan.of(
            tasks(),
            t -> UNIFORM,
            "lists",
            SolveConfig.defaults().withMaxPrograms(BUDGET).budget(SCORER.budget()));
    BalancedPlan balanced = BalancedPlan.of(plan, 4);
    int cap = (plan.taskCount() + 3) / 4;
    Set<String> seen = new HashSet<>();
    int previous = Integer.MAX_VALUE;
    for (SearchJob piece : balanced.pieces().jobs()) {
      assertTrue(piece.tasks().size() <= cap, piece.tasks().size() + " > " + cap);
      assertTrue(piece.tasks().size() <= previous, "pieces must come largest first");
      previous = piece.tasks().size();
      SearchJob whole = plan.jobs().get(balanced.jobOf(piece.id()));
      assertEquals(whole.grammar(), piece.grammar());
      assertEquals(whole.request(), piece.request());
      for (Task t : piece.tasks()) {
        assertTrue(seen.add(t.name()), t.name() + " in two pieces");
        assertTrue(whole.tasks().contains(t), t.name());
      }
    }
    assertEquals(plan.taskCount(), seen.size());
    assertTrue(balanced.pieces().jobs().size() > plan.jobs().size(), "some job must be cut");

    List<JobResult> pieces = new ArrayList<>();
    for (SearchJob piece : balanced.pieces().jobs()) {
      pieces.add(JobExecution.run(piece, SCORER, 1));
    }
    ImmutableList<JobResult> merged = balanced.merge(pieces);
    for (SearchJob job : plan.jobs()) {
      JobResult whole = JobExecution.run(job, SCORER, 1);
      JobResult fromPieces = merged.get(job.id());
      assertEquals(job.id(), fromPieces.job());
      for (int i = 0; i < job.tasks().size(); i++) {
        TaskOutcome a = whole.tasks().get(i);
        TaskOutcome b = fromPieces.tasks().get(i);
        assertEquals(a.task(), b.task());
        assertEquals(a.frontier(), b.frontier(), a.task());
        assertEquals(a.programsTried(), b.programsTried(), a.task());
      }
    }
  }

  @Test
  void aJobWithAProgramBudgetAndNoTimeoutSurvivesItsSerialisedForm() {
    SearchPlan plan =
        SearchPlan.of(
            tasks().subList(0, 3),
            t -> UNIFORM,
            "lists",
            SolveConfig.defaults().withMaxPrograms(BUDGET).budget(SCORER.budget()));
    for (SearchJob job : plan.jobs()) {
      assertEquals(Double.POSITIVE_INFINITY, job.budget().timeoutSeconds());
      String text = JobCodec.write(job, LISTS);
      assertTrue(text.contains("\"max_programs\":3000"), text);
      assertTrue(!text.contains("timeout_seconds"), text);
      assertEquals(job, JobCodec.readJob(text, LISTS));
    }
  }
}

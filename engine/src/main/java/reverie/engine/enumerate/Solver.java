package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * The wake phase in one call: plans the search ({@link SearchPlan}), runs it on local threads
 * ({@link LocalRunner}) or with another {@link JobRunner}, and returns each task's best programs
 * with the totals.
 */
public final class Solver {
  private Solver() {}

  /** Solves with one unigram grammar for every task. */
  public static SolveResult solve(
      List<Task> tasks, Grammar grammar, SolveConfig config, Scorer scorer) {
    ContextualGrammar g = contextual(grammar);
    return solve(tasks, t -> g, config, scorer);
  }

  /** Solves with one contextual grammar for every task. */
  public static SolveResult solve(
      List<Task> tasks, ContextualGrammar grammar, SolveConfig config, Scorer scorer) {
    return solve(tasks, t -> grammar, config, scorer);
  }

  /**
   * Solves with a grammar per task (for example from a recognition model); tasks whose grammars are
   * equal and whose requests are equal share one enumeration. Every task must be of the scorer's
   * domain.
   */
  public static SolveResult solve(
      List<Task> tasks,
      Function<? super Task, ContextualGrammar> grammarOf,
      SolveConfig config,
      Scorer scorer) {
    return solve(
        tasks, grammarOf, config, scorer, new LocalRunner(scorer.domain(), config.threads()));
  }

  /**
   * Solves with a grammar per task as {@link #solve(List, Function, SolveConfig, Scorer)} does, the
   * jobs run by {@code runner} (whose executors score with the scorer's domain and budget).
   */
  public static SolveResult solve(
      List<Task> tasks,
      Function<? super Task, ContextualGrammar> grammarOf,
      SolveConfig config,
      Scorer scorer,
      JobRunner runner) {
    String domain = scorer.domain().name();
    for (Task t : tasks) {
      checkArgument(
          t.domain().equals(domain),
          "task %s is of domain %s, not %s",
          t.name(),
          t.domain(),
          domain);
    }
    SearchPlan plan = SearchPlan.of(tasks, grammarOf, domain, config.budget(scorer.budget()));
    SolveListener listener = config.listener();
    JobRunner.Outcome outcome =
        runner.run(
            plan,
            new SearchListener() {
              @Override
              public void progress(SolveListener.SolveProgress p) {
                listener.progress(p);
              }
            });
    return result(tasks, outcome);
  }

  /** The outcome of a run as one result per task, in the order of {@code tasks}. */
  public static SolveResult result(List<Task> tasks, JobRunner.Outcome outcome) {
    Map<String, TaskOutcome> byName = new HashMap<>();
    for (JobResult r : outcome.results()) {
      for (TaskOutcome o : r.tasks()) {
        byName.put(o.task(), o);
      }
    }
    ImmutableList.Builder<TaskResult> results = ImmutableList.builder();
    for (Task t : tasks) {
      TaskOutcome o = byName.get(t.name());
      checkArgument(o != null, "no outcome for task %s", t.name());
      results.add(new TaskResult(t, o.frontier(), o.cpuSeconds(), o.programsTried()));
    }
    return new SolveResult(
        results.build(),
        outcome.cpuSeconds(),
        outcome.wallSeconds(),
        outcome.programs(),
        outcome.failures());
  }

  /** The contextual grammar that uses {@code g} in every context. */
  public static ContextualGrammar contextual(Grammar g) {
    return CompiledGrammar.contextual(g);
  }
}

package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.engine.enumerate.JobRunner;
import reverie.engine.enumerate.SolveConfig;
import reverie.engine.enumerate.SolveListener;
import reverie.engine.enumerate.SolveResult;
import reverie.engine.enumerate.Solver;
import reverie.engine.enumerate.TaskResult;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * A search of tasks under the library's contextual prior and, when a recognition model predicts a
 * grammar per task, under that grammar too: each with its share of every task's time (or program
 * budget), the frontiers merged. The wake-sleep loop's wake and test phases and {@code reverie
 * solve --checkpoint} search so.
 *
 * <p>Why both: the model sharpens the search for tasks like those it trained on but misreads tasks
 * unlike them (a filter on DreamCoder's list tasks: about 20 nats under the prior, 35-46 under the
 * model), and under the prior the tasks of one type share a single enumeration, so each gets the
 * time of all.
 */
public final class SplitSearch {
  private SplitSearch() {}

  /**
   * One search of the batch under {@code grammarOf} ({@code name} says which, for progress), with
   * {@code share} of every task's time and {@code programs} of its program budget.
   */
  public record Pass(
      String name,
      Function<? super Task, ContextualGrammar> grammarOf,
      double share,
      OptionalLong programs) {}

  /**
   * The passes for a budget of {@code config}: the prior's alone without a model; with one, the
   * prior's {@code priorShare} and the model's the rest (a pass with no share is left out). A
   * program budget splits into whole programs that add up to it, each pass checking at least one.
   */
  public static ImmutableList<Pass> passes(
      ContextualGrammar prior,
      Optional<Function<? super Task, ContextualGrammar>> model,
      double priorShare,
      SolveConfig config) {
    double share = model.isPresent() ? priorShare : 1.0;
    OptionalLong budget = config.maxPrograms();
    OptionalLong priorPrograms =
        budget.isEmpty() || share == 1.0
            ? budget
            : OptionalLong.of(Math.max(1, (long) Math.floor(budget.getAsLong() * share)));
    OptionalLong modelPrograms =
        budget.isEmpty() || share == 0.0
            ? budget
            : OptionalLong.of(Math.max(1, budget.getAsLong() - priorPrograms.getAsLong()));
    ImmutableList.Builder<Pass> passes = ImmutableList.builder();
    if (share > 0) {
      passes.add(new Pass("prior", t -> prior, share, priorPrograms));
    }
    if (share < 1) {
      passes.add(new Pass("model", model.orElseThrow(), 1 - share, modelPrograms));
    }
    return passes.build();
  }

  /** Each program of a frontier scored under {@code grammar}. */
  public static Frontier scoredUnder(Grammar grammar, Frontier f) {
    ImmutableList.Builder<FrontierEntry> b = ImmutableList.builder();
    for (FrontierEntry e : f.entries()) {
      b.add(
          new FrontierEntry(
              e.program(), grammar.logPrior(e.program(), f.request()), e.logLikelihood()));
    }
    return new Frontier(f.task(), f.request(), b.build());
  }

  /**
   * Runs the passes one after the other, pass {@code i} reporting to {@code listenerOf.apply(i)},
   * and merges their results. Each pass scores its programs under the grammar it searched, so every
   * frontier is first put on one scale by {@code scoring}; then each task keeps the best {@code
   * config.topK()} programs of both passes, its time and programs add up, as do the totals, and the
   * failures of either pass are kept.
   */
  public static SolveResult solve(
      List<Task> tasks,
      List<Pass> passes,
      SolveConfig config,
      Scorer scorer,
      Optional<JobRunner> runner,
      IntFunction<SolveListener> listenerOf,
      UnaryOperator<Frontier> scoring) {
    TaskResult[] merged = new TaskResult[tasks.size()];
    double cpu = 0;
    double wall = 0;
    long programs = 0;
    List<JobRunner.Failure> failures = new ArrayList<>();
    for (int i = 0; i < passes.size(); i++) {
      Pass pass = passes.get(i);
      SolveConfig c =
          config
              .withTimeout(config.timeoutSeconds() * pass.share())
              .withMaxPrograms(pass.programs())
              .withListener(listenerOf.apply(i));
      SolveResult r =
          runner.isPresent()
              ? Solver.solve(tasks, pass.grammarOf()::apply, c, scorer, runner.get())
              : Solver.solve(tasks, pass.grammarOf()::apply, c, scorer);
      // One result per task, in the order of tasks.
      for (int j = 0; j < merged.length; j++) {
        TaskResult found = r.tasks().get(j);
        Frontier f = scoring.apply(found.frontier());
        TaskResult a = merged[j];
        merged[j] =
            a == null
                ? new TaskResult(found.task(), f, found.seconds(), found.programsTried())
                : new TaskResult(
                    a.task(),
                    a.frontier().merge(f, config.topK()),
                    a.seconds() + found.seconds(),
                    a.programsTried() + found.programsTried());
      }
      cpu += r.cpuSeconds();
      wall += r.wallSeconds();
      programs += r.programs();
      failures.addAll(r.failures());
    }
    return new SolveResult(
        ImmutableList.copyOf(merged), cpu, wall, programs, ImmutableList.copyOf(failures));
  }
}

package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.JobRunner;
import reverie.engine.enumerate.SolveConfig;
import reverie.engine.enumerate.SolveResult;
import reverie.engine.enumerate.TaskResult;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * The wake phase with Reverie's enumerator: every task searched under the library's contextual
 * prior and, once there is a recognition model, also under the contextual grammar the model
 * predicts for it, each with its share of the run's timeout (or program budget) ({@link
 * RunConfig#priorShare}), keeping the top-K of both; on local threads or with another {@link
 * JobRunner} (a cluster). A job that fails for good leaves its tasks unsolved, with a warning, and
 * the phase goes on.
 *
 * <p>Why both: see {@link SplitSearch}.
 *
 * @param <M> the recognition model type
 */
public final class EnumerationWake<M> implements WakePhase<M> {
  private final ImmutableMap<String, Task> tasks;
  private final BiFunction<M, Task, ContextualGrammar> predict;
  private final Scorer scorer;
  private final Optional<JobRunner> runner;

  /**
   * {@code predict} gives a task's grammar under a model (unused when no model is passed to solve);
   * {@code scorer} decides what solves a task. Jobs run on local threads.
   */
  public EnumerationWake(
      Map<String, Task> tasks, BiFunction<M, Task, ContextualGrammar> predict, Scorer scorer) {
    this(tasks, predict, scorer, Optional.empty());
  }

  /** As above, the jobs run by {@code runner} when present (local threads when empty). */
  public EnumerationWake(
      Map<String, Task> tasks,
      BiFunction<M, Task, ContextualGrammar> predict,
      Scorer scorer,
      Optional<JobRunner> runner) {
    this.tasks = ImmutableMap.copyOf(tasks);
    this.predict = predict;
    this.scorer = scorer;
    this.runner = runner;
  }

  @Override
  public Result solve(
      ImmutableList<String> names,
      Grammar grammar,
      ContextualGrammar prior,
      Optional<M> model,
      PhaseContext context) {
    List<Task> batch = new ArrayList<>();
    for (String n : names) {
      Task t = tasks.get(n);
      if (t == null) {
        throw new IllegalArgumentException("unknown task " + n);
      }
      batch.add(t);
    }
    RunConfig config = context.config();
    ProgressListener progress = context.progress();
    SolveConfig sc =
        SolveConfig.defaults()
            .withTimeout(config.timeoutSeconds())
            .withThreads(config.threads())
            .withTopK(config.topK())
            .withMaxPrograms(config.maxPrograms());
    Optional<Function<? super Task, ContextualGrammar>> modelGrammar =
        model.map(m -> t -> predict.apply(m, t));
    ImmutableList<SplitSearch.Pass> passes =
        SplitSearch.passes(prior, modelGrammar, config.priorShare(), sc);
    progress.start(context.phase(), (long) batch.size() * passes.size());
    SolveResult r =
        SplitSearch.solve(
            batch,
            passes,
            sc,
            scorer,
            runner,
            i ->
                p ->
                    progress.step(
                        (long) batch.size() * i + p.finished(),
                        String.format(
                            Locale.ROOT,
                            "%s%d solved, jobs %d/%d, %,d programs",
                            passes.size() > 1 ? passes.get(i).name() + " pass, " : "",
                            p.solved(),
                            p.jobsFinished(),
                            p.jobs(),
                            p.programs())),
            // Each pass scored its programs under the grammar it searched (the task's own, or the
            // prior); the loop's metrics and the compressor want them under the library's grammar.
            f -> SplitSearch.scoredUnder(grammar, f));
    r.failureLines().forEach(line -> progress.message("warning: " + line));
    Map<String, Frontier> out = new LinkedHashMap<>();
    for (TaskResult tr : r.tasks()) {
      out.put(tr.task().name(), tr.frontier());
    }
    progress.finish(
        String.format(
            Locale.ROOT,
            "%d/%d solved, %,d programs in %.1f CPU-s",
            r.solved(),
            batch.size(),
            r.programs(),
            r.cpuSeconds()));
    return new Result(ImmutableMap.copyOf(out), r.programs());
  }
}

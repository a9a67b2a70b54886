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
import reverie.engine.enumerate.FrontierEntry;
import reverie.engine.enumerate.JobRunner;
import reverie.engine.enumerate.SolveConfig;
import reverie.engine.enumerate.SolveResult;
import reverie.engine.enumerate.Solver;
import reverie.engine.enumerate.TaskResult;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * The wake phase with Reverie's enumerator: every task searched under the library's contextual
 * prior, or under the contextual grammar the recognition model predicts for it, within the run's
 * timeout (or program budget) and top-K, on local threads or with another {@link JobRunner} (a
 * cluster). A job that fails for good leaves its tasks unsolved, with a warning, and the phase goes
 * on.
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
    progress.start(context.phase(), batch.size());
    SolveConfig sc =
        SolveConfig.defaults()
            .withTimeout(config.timeoutSeconds())
            .withThreads(config.threads())
            .withTopK(config.topK())
            .withMaxPrograms(config.maxPrograms())
            .withListener(
                p ->
                    progress.step(
                        p.finished(),
                        String.format(
                            Locale.ROOT,
                            "%d solved, jobs %d/%d, %,d programs",
                            p.solved(),
                            p.jobsFinished(),
                            p.jobs(),
                            p.programs())));
    Function<Task, ContextualGrammar> grammarOf =
        model.isPresent() ? t -> predict.apply(model.get(), t) : t -> prior;
    SolveResult r =
        runner.isPresent()
            ? Solver.solve(batch, grammarOf, sc, scorer, runner.get())
            : Solver.solve(batch, grammarOf, sc, scorer);
    r.failureLines().forEach(line -> progress.message("warning: " + line));
    Map<String, Frontier> out = new LinkedHashMap<>();
    for (TaskResult tr : r.tasks()) {
      Frontier f = tr.frontier();
      ImmutableList.Builder<FrontierEntry> b = ImmutableList.builder();
      for (FrontierEntry e : f.entries()) {
        // The search scored it under the grammar it searched (the task's own, or the contextual
        // prior); the loop's metrics and the compressor want it under the library's grammar.
        b.add(
            new FrontierEntry(
                e.program(), grammar.logPrior(e.program(), f.request()), e.logLikelihood()));
      }
      out.put(tr.task().name(), new Frontier(tr.task().name(), f.request(), b.build()));
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

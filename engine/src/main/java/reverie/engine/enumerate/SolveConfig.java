package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalLong;
import reverie.dsl.eval.EvaluationBudget;

/**
 * How {@link Solver} searches: the CPU-time budget per task (shared fairly when tasks share an
 * enumeration) or instead a number of programs per task (which reproduces anywhere), threads,
 * frontier size, an optional cap on description length, and a listener for progress. The budget of
 * each run of a program on an example belongs to the {@link reverie.tasks.Scorer}, which every
 * phase shares.
 */
public record SolveConfig(
    double timeoutSeconds,
    int threads,
    int topK,
    double maxDescriptionLength,
    SolveListener listener,
    OptionalLong maxPrograms) {

  /** DreamCoder's CPU seconds per task in its list experiments. */
  public static final double DEFAULT_TIMEOUT = 10;

  /** DreamCoder's frontier size. */
  public static final int DEFAULT_TOP_K = 5;

  public SolveConfig {
    checkArgument(timeoutSeconds > 0, "timeout must be positive, not %s", timeoutSeconds);
    checkArgument(threads >= 1, "threads must be at least 1, not %s", threads);
    checkArgument(topK >= 1, "top-k must be at least 1, not %s", topK);
    checkArgument(maxDescriptionLength > 0, "max description length must be positive");
    checkArgument(
        maxPrograms.isEmpty() || maxPrograms.getAsLong() >= 1,
        "max programs must be at least 1, not %s",
        maxPrograms);
  }

  /**
   * DreamCoder's list settings: 10 CPU-seconds per task, all cores, the best 5 programs, no length
   * cap.
   */
  public static SolveConfig defaults() {
    return new SolveConfig(
        DEFAULT_TIMEOUT,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_TOP_K,
        Double.POSITIVE_INFINITY,
        SolveListener.NONE,
        OptionalLong.empty());
  }

  public SolveConfig withTimeout(double seconds) {
    return new SolveConfig(seconds, threads, topK, maxDescriptionLength, listener, maxPrograms);
  }

  public SolveConfig withThreads(int n) {
    return new SolveConfig(timeoutSeconds, n, topK, maxDescriptionLength, listener, maxPrograms);
  }

  public SolveConfig withTopK(int k) {
    return new SolveConfig(timeoutSeconds, threads, k, maxDescriptionLength, listener, maxPrograms);
  }

  /** Only programs with description length (nats) below {@code nats}. */
  public SolveConfig withMaxDescriptionLength(double nats) {
    return new SolveConfig(timeoutSeconds, threads, topK, nats, listener, maxPrograms);
  }

  public SolveConfig withListener(SolveListener l) {
    return new SolveConfig(timeoutSeconds, threads, topK, maxDescriptionLength, l, maxPrograms);
  }

  /**
   * Exactly {@code n} programs checked against each task, in place of the CPU-second budget (which
   * is then off): the same frontiers on any number of threads and machines.
   */
  public SolveConfig withMaxPrograms(long n) {
    return withMaxPrograms(OptionalLong.of(n));
  }

  /** {@link #withMaxPrograms(long)} when {@code n} is present; the CPU-second budget when empty. */
  public SolveConfig withMaxPrograms(OptionalLong n) {
    return new SolveConfig(timeoutSeconds, threads, topK, maxDescriptionLength, listener, n);
  }

  /** The budget of each search job, with {@code evaluation} per run of a program on an example. */
  public SearchBudget budget(EvaluationBudget evaluation) {
    return new SearchBudget(
        maxPrograms.isPresent() ? Double.POSITIVE_INFINITY : timeoutSeconds,
        topK,
        maxDescriptionLength,
        evaluation,
        maxPrograms);
  }
}

package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import reverie.dsl.eval.EvaluationBudget;

/**
 * How {@link Solver} searches: the CPU-time budget per task (shared fairly when tasks share an
 * enumeration), threads, frontier size, an optional cap on description length, and a listener for
 * progress. The budget of each run of a program on an example belongs to the {@link
 * reverie.tasks.Scorer}, which every phase shares.
 */
public record SolveConfig(
    double timeoutSeconds,
    int threads,
    int topK,
    double maxDescriptionLength,
    SolveListener listener) {

  /** DreamCoder's CPU seconds per task in its list experiments. */
  public static final double DEFAULT_TIMEOUT = 10;

  /** DreamCoder's frontier size. */
  public static final int DEFAULT_TOP_K = 5;

  public SolveConfig {
    checkArgument(timeoutSeconds > 0, "timeout must be positive, not %s", timeoutSeconds);
    checkArgument(threads >= 1, "threads must be at least 1, not %s", threads);
    checkArgument(topK >= 1, "top-k must be at least 1, not %s", topK);
    checkArgument(maxDescriptionLength > 0, "max description length must be positive");
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
        SolveListener.NONE);
  }

  public SolveConfig withTimeout(double seconds) {
    return new SolveConfig(seconds, threads, topK, maxDescriptionLength, listener);
  }

  public SolveConfig withThreads(int n) {
    return new SolveConfig(timeoutSeconds, n, topK, maxDescriptionLength, listener);
  }

  public SolveConfig withTopK(int k) {
    return new SolveConfig(timeoutSeconds, threads, k, maxDescriptionLength, listener);
  }

  /** Only programs with description length (nats) below {@code nats}. */
  public SolveConfig withMaxDescriptionLength(double nats) {
    return new SolveConfig(timeoutSeconds, threads, topK, nats, listener);
  }

  public SolveConfig withListener(SolveListener l) {
    return new SolveConfig(timeoutSeconds, threads, topK, maxDescriptionLength, l);
  }

  /** The budget of each search job, with {@code evaluation} per run of a program on an example. */
  public SearchBudget budget(EvaluationBudget evaluation) {
    return new SearchBudget(timeoutSeconds, topK, maxDescriptionLength, evaluation);
  }
}

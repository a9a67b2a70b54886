package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How {@link Solver} searches: the CPU-time budget per task (shared fairly when tasks share an
 * enumeration), threads, frontier size, an optional cap on description length, the evaluation
 * budget per run of a program on one example, and a listener for progress.
 */
public record SolveConfig(
    double timeoutSeconds,
    int threads,
    int topK,
    double maxDescriptionLength,
    long evaluationSteps,
    long evaluationNanos,
    long evaluationCells,
    SolveListener listener) {

  public SolveConfig {
    checkArgument(timeoutSeconds > 0, "timeout must be positive, not %s", timeoutSeconds);
    checkArgument(threads >= 1, "threads must be at least 1, not %s", threads);
    checkArgument(topK >= 1, "top-k must be at least 1, not %s", topK);
    checkArgument(maxDescriptionLength > 0, "max description length must be positive");
    checkArgument(
        evaluationSteps > 0 && evaluationNanos > 0 && evaluationCells > 0, "evaluation budget");
  }

  /**
   * DreamCoder's list settings: 10 CPU-seconds per task, all cores, the best 5 programs, no length
   * cap, and at most 0.5 ms, 100,000 steps and 100,000 list cells per run on one example.
   */
  public static SolveConfig defaults() {
    return new SolveConfig(
        10,
        Runtime.getRuntime().availableProcessors(),
        5,
        Double.POSITIVE_INFINITY,
        100_000,
        500_000,
        100_000,
        SolveListener.NONE);
  }

  public SolveConfig withTimeout(double seconds) {
    return new SolveConfig(
        seconds,
        threads,
        topK,
        maxDescriptionLength,
        evaluationSteps,
        evaluationNanos,
        evaluationCells,
        listener);
  }

  public SolveConfig withThreads(int n) {
    return new SolveConfig(
        timeoutSeconds,
        n,
        topK,
        maxDescriptionLength,
        evaluationSteps,
        evaluationNanos,
        evaluationCells,
        listener);
  }

  public SolveConfig withTopK(int k) {
    return new SolveConfig(
        timeoutSeconds,
        threads,
        k,
        maxDescriptionLength,
        evaluationSteps,
        evaluationNanos,
        evaluationCells,
        listener);
  }

  /** Only programs with description length (nats) below {@code nats}. */
  public SolveConfig withMaxDescriptionLength(double nats) {
    return new SolveConfig(
        timeoutSeconds,
        threads,
        topK,
        nats,
        evaluationSteps,
        evaluationNanos,
        evaluationCells,
        listener);
  }

  public SolveConfig withEvaluationBudget(long steps, long nanos, long cells) {
    return new SolveConfig(
        timeoutSeconds, threads, topK, maxDescriptionLength, steps, nanos, cells, listener);
  }

  public SolveConfig withListener(SolveListener l) {
    return new SolveConfig(
        timeoutSeconds,
        threads,
        topK,
        maxDescriptionLength,
        evaluationSteps,
        evaluationNanos,
        evaluationCells,
        l);
  }
}

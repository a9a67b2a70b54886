package reverie.dsl.eval;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The limits of one run of a program on one example: evaluation steps (function applications), list
 * cells allocated, and wall-clock time. Steps and cells decide a run's fate deterministically; the
 * time limit is only a safety net for primitives that work hard between steps, set high enough that
 * a run within the step and cell limits never meets it on a warm JVM.
 *
 * <p>One budget defines "solves" everywhere (the wake, test evaluation, the re-check after
 * compression, {@code reverie check}, fantasies): see {@code reverie.tasks.Scorer}.
 */
public record EvaluationBudget(long steps, long nanos, long cells) {

  /**
   * 100,000 steps and list cells, and 50 ms: DreamCoder's list programs need a few thousand steps;
   * a run that reaches the limits takes a few milliseconds when compiled.
   */
  public static final EvaluationBudget DEFAULT =
      new EvaluationBudget(100_000, 50_000_000L, 100_000);

  public EvaluationBudget {
    checkArgument(
        steps > 0 && nanos > 0 && cells > 0,
        "evaluation limits must be positive: %s steps, %s ns, %s cells",
        steps,
        nanos,
        cells);
  }

  /** A fresh meter with these limits (mutable: one per thread). */
  public Budget meter() {
    return Budget.of(steps, nanos, cells);
  }
}

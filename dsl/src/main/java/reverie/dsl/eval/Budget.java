package reverie.dsl.eval;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The resources one run of a program may use: evaluation steps (function applications), wall-clock
 * time and list cells allocated. {@link CompiledProgram#run} resets the counters and starts the
 * clock, so one budget can be reused for run after run, but it is mutable: use one per thread.
 */
public final class Budget {
  /**
   * Steps between two looks at the clock: {@link System#nanoTime} costs about as much as 20 steps.
   */
  private static final int CLOCK_INTERVAL = 1024;

  private final long stepLimit;
  private final long nanos;
  private final long cellLimit;

  private long consumed;
  private int batch;
  private int untilCheck;
  private long cells;
  private long deadline;

  private Budget(long stepLimit, long nanos, long cellLimit) {
    checkArgument(stepLimit > 0 && nanos > 0 && cellLimit > 0, "budget limits must be positive");
    this.stepLimit = stepLimit;
    this.nanos = nanos;
    this.cellLimit = cellLimit;
    start();
  }

  /**
   * At most {@code steps} applications, {@code nanos} nanoseconds and {@code cells} list cells per
   * run.
   */
  public static Budget of(long steps, long nanos, long cells) {
    return new Budget(steps, nanos, cells);
  }

  /** One million steps, 100 ms and one million list cells: generous for the list and text tasks. */
  public static Budget standard() {
    return of(1_000_000, 100_000_000L, 1_000_000);
  }

  /** Resets the counters and starts the clock; called at the start of every run. */
  void start() {
    consumed = 0;
    batch = (int) Math.min(CLOCK_INTERVAL, stepLimit);
    untilCheck = batch;
    cells = 0;
    long now = System.nanoTime();
    deadline = now + nanos < now ? Long.MAX_VALUE : now + nanos;
  }

  /** Charges one step; every {@value #CLOCK_INTERVAL} steps also looks at the clock. */
  public void step() {
    if (--untilCheck < 0) {
      nextBatch();
    }
  }

  private void nextBatch() {
    consumed += batch;
    if (consumed >= stepLimit) {
      untilCheck = 0;
      throw EvaluationException.STEPS;
    }
    if (System.nanoTime() - deadline > 0) {
      untilCheck = 0;
      throw EvaluationException.TIME;
    }
    batch = (int) Math.min(CLOCK_INTERVAL, stepLimit - consumed);
    untilCheck = batch - 1;
  }

  /** Charges {@code count} newly allocated list cells. */
  public void allocate(long count) {
    cells += count;
    if (cells > cellLimit) {
      throw EvaluationException.CELLS;
    }
  }

  /** Steps used since the run started. */
  public long steps() {
    return consumed + batch - untilCheck;
  }

  /** List cells allocated since the run started. */
  public long cells() {
    return cells;
  }

  @Override
  public String toString() {
    return "Budget[steps=" + stepLimit + ", nanos=" + nanos + ", cells=" + cellLimit + "]";
  }
}

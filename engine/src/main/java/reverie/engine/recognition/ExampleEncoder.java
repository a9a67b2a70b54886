package reverie.engine.recognition;

import java.util.List;

/**
 * A learned map from a task's token sequences to one feature vector: each example is encoded on its
 * own and the encodings are averaged, so the number of examples does not matter.
 *
 * <p>An encoder may precompute from the parameters once per training step ({@link #prepare}, shared
 * read-only by the workers) and collect gradients with respect to that precomputation in a
 * per-worker accumulator that {@link #finish} turns into parameter gradients.
 */
interface ExampleEncoder {

  /** What {@link #forward} remembers for {@link #backward}. */
  interface Trace {
    double[] output();
  }

  int outputSize();

  /** Runs independent jobs, perhaps in parallel, and returns when all are done. */
  @FunctionalInterface
  interface Parallel {
    Parallel SERIAL = jobs -> jobs.forEach(Runnable::run);

    void runAll(List<Runnable> jobs);

    /** How many jobs to split work into. */
    default int parts() {
      return 1;
    }
  }

  /**
   * State derived from {@code p} for these tasks, shared read-only by the workers until {@code p}
   * changes; computed by {@code parallel}'s jobs, each writing its own part, so the result does not
   * depend on how they are scheduled.
   */
  Object prepare(double[] p, List<EncodedTask> tasks, Parallel parallel);

  Trace forward(double[] p, Object prepared, EncodedTask task);

  /** A zeroed accumulator for one worker. */
  double[] newAccumulator();

  /** Adds the gradients for {@code dOutput} into {@code grad} or {@code accumulator}. */
  void backward(
      double[] p,
      Object prepared,
      Trace trace,
      double[] dOutput,
      double[] grad,
      double[] accumulator);

  /** Moves what {@code accumulator} holds into {@code grad} and zeroes it. */
  void finish(double[] p, Object prepared, double[] accumulator, double[] grad);
}

package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How to train: gradient steps, minibatch size, Adam's learning rate, the share of fantasies in
 * each minibatch ({@code helmholtzRatio}; all fantasies when nothing is solved), worker threads,
 * seed, and how many fantasies to draw for one training run.
 */
public record TrainingConfig(
    int steps,
    int batchSize,
    double learningRate,
    double helmholtzRatio,
    int threads,
    long seed,
    int fantasies) {

  public TrainingConfig {
    checkArgument(steps >= 0, "steps must be >= 0, got %s", steps);
    checkArgument(batchSize > 0, "batch size must be positive, got %s", batchSize);
    checkArgument(learningRate > 0, "learning rate must be positive, got %s", learningRate);
    checkArgument(
        helmholtzRatio >= 0 && helmholtzRatio <= 1,
        "helmholtz ratio must be in [0, 1], got %s",
        helmholtzRatio);
    checkArgument(threads > 0, "threads must be positive, got %s", threads);
    checkArgument(fantasies >= 0, "fantasies must be >= 0, got %s", fantasies);
  }

  /**
   * DreamCoder's settings: 5,000 steps, Adam at 1e-3, helmholtz ratio 0.5; all cores; up to 10,000
   * fantasies.
   *
   * <p>DreamCoder samples fresh fantasies for every minibatch; we draw one pool up front, and it
   * has to be large for the same effect. With a pool of 1,000 (about as many as there are fantasy
   * draws per epoch of replays) the model learned the solved families' shapes and lost held-out
   * families that the library's grammar finds (on the built-in lists test split after one cycle: 65
   * solved against the library's 64 at --timeout 1); with 4,000, 8,000 and 16,000 requested (3,251,
   * 5,079 and 7,949 distinct) it solved 70, 73 and 74. Dreaming 10,000 takes a few seconds.
   */
  public static TrainingConfig defaults() {
    return new TrainingConfig(
        5000, 8, 1e-3, 0.5, Runtime.getRuntime().availableProcessors(), 0, 10_000);
  }

  public TrainingConfig withSteps(int s) {
    return new TrainingConfig(s, batchSize, learningRate, helmholtzRatio, threads, seed, fantasies);
  }

  public TrainingConfig withBatchSize(int b) {
    return new TrainingConfig(steps, b, learningRate, helmholtzRatio, threads, seed, fantasies);
  }

  public TrainingConfig withHelmholtzRatio(double r) {
    return new TrainingConfig(steps, batchSize, learningRate, r, threads, seed, fantasies);
  }

  public TrainingConfig withThreads(int t) {
    return new TrainingConfig(steps, batchSize, learningRate, helmholtzRatio, t, seed, fantasies);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(
        steps, batchSize, learningRate, helmholtzRatio, threads, s, fantasies);
  }

  public TrainingConfig withFantasies(int f) {
    return new TrainingConfig(steps, batchSize, learningRate, helmholtzRatio, threads, seed, f);
  }
}

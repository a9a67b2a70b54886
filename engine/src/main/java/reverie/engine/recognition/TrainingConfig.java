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

  /** DreamCoder's settings: 5,000 steps, Adam at 1e-3, helmholtz ratio 0.5; all cores. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(
        5000, 8, 1e-3, 0.5, Runtime.getRuntime().availableProcessors(), 0, 1000);
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

package reverie.engine.compress;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Settings of one compression run.
 *
 * @param maxArity the most arguments an abstraction may take (0 to 3 is usual)
 * @param iterations how many abstractions to learn, one after the other
 * @param threads worker threads of the search (at least 1)
 * @param structurePenalty utility lost per unit of body cost
 * @param beam how many alternative abstraction sequences to keep (1 is Stitch's greedy choice; 0
 *     chooses by corpus size: {@link #AUTO_BEAM} below {@link #AUTO_BEAM_MAX_COST}, else 1)
 * @param costs the cost model
 * @param allowSingleTask whether abstractions matching inside one task only are allowed
 * @param typed whether only well-typed abstractions are kept (programs parsed with a typed
 *     resolver)
 */
public record CompressionConfig(
    int maxArity,
    int iterations,
    int threads,
    double structurePenalty,
    int beam,
    CostModel costs,
    boolean allowSingleTask,
    boolean typed) {

  public CompressionConfig {
    checkArgument(maxArity >= 0, "negative max arity %s", maxArity);
    checkArgument(iterations >= 0, "negative iterations %s", iterations);
    checkArgument(threads >= 1, "threads must be at least 1, not %s", threads);
    checkArgument(structurePenalty >= 0, "negative structure penalty %s", structurePenalty);
    checkArgument(beam >= 0, "beam must be at least 0 (automatic), not %s", beam);
  }

  /**
   * Stitch's defaults: arity 3, 10 iterations, all cores, penalty 1, beam {@link #DEFAULT_BEAM}.
   */
  public static CompressionConfig defaults() {
    return new CompressionConfig(
        3,
        10,
        Runtime.getRuntime().availableProcessors(),
        1.0,
        DEFAULT_BEAM,
        CostModel.STITCH,
        false,
        false);
  }

  /** The default beam width: automatic. */
  public static final int DEFAULT_BEAM = 0;

  /** Beam of the automatic setting on small corpora. */
  public static final int AUTO_BEAM = 3;

  /**
   * Corpora costing less than this get {@link #AUTO_BEAM}: the beam multiplies the search time,
   * affordable on DreamCoder frontiers (costs around 10^5) but not on the large Stitch corpora
   * (10^6 and more).
   */
  public static final long AUTO_BEAM_MAX_COST = 1_000_000;

  public CompressionConfig withMaxArity(int a) {
    return new CompressionConfig(
        a, iterations, threads, structurePenalty, beam, costs, allowSingleTask, typed);
  }

  public CompressionConfig withIterations(int n) {
    return new CompressionConfig(
        maxArity, n, threads, structurePenalty, beam, costs, allowSingleTask, typed);
  }

  public CompressionConfig withThreads(int t) {
    return new CompressionConfig(
        maxArity, iterations, t, structurePenalty, beam, costs, allowSingleTask, typed);
  }

  public CompressionConfig withStructurePenalty(double p) {
    return new CompressionConfig(
        maxArity, iterations, threads, p, beam, costs, allowSingleTask, typed);
  }

  public CompressionConfig withBeam(int b) {
    return new CompressionConfig(
        maxArity, iterations, threads, structurePenalty, b, costs, allowSingleTask, typed);
  }

  public CompressionConfig withCosts(CostModel c) {
    return new CompressionConfig(
        maxArity, iterations, threads, structurePenalty, beam, c, allowSingleTask, typed);
  }

  public CompressionConfig withAllowSingleTask(boolean allow) {
    return new CompressionConfig(
        maxArity, iterations, threads, structurePenalty, beam, costs, allow, typed);
  }

  public CompressionConfig withTyped(boolean t) {
    return new CompressionConfig(
        maxArity, iterations, threads, structurePenalty, beam, costs, allowSingleTask, t);
  }
}

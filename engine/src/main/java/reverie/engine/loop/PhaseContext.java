package reverie.engine.loop;

/**
 * What every phase receives besides its data: the run's configuration, the iteration and the name
 * of the step ({@code wake}, {@code test}, {@code abstraction}, {@code dream}) for progress, this
 * step's seed (derived from the run seed and the iteration, so a resumed run draws the same
 * numbers), progress reporting and the stop flag.
 */
public record PhaseContext(
    RunConfig config,
    int iteration,
    String phase,
    long seed,
    ProgressListener progress,
    StopSignal stop) {

  /** The same context for another step of the iteration. */
  public PhaseContext forPhase(String name) {
    return new PhaseContext(config, iteration, name, seed, progress, stop);
  }
}

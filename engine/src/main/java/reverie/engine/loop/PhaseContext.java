package reverie.engine.loop;

/**
 * What every phase receives besides its data: the run's configuration, this phase's seed (derived from the
 * run seed and the iteration, so a resumed run draws the same numbers), progress reporting and the stop flag.
 */
public record PhaseContext(RunConfig config, int iteration, long seed, ProgressListener progress, StopSignal stop) {}

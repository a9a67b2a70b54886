package reverie.engine.enumerate;

/** Hears about a {@link Solver} run while it goes: about once a second and when a task finishes. */
@FunctionalInterface
public interface SolveListener {
  SolveListener NONE = p -> {};

  /** Called from a solver thread; must be quick and thread-safe. */
  void progress(SolveProgress progress);

  /**
   * A snapshot of a run: tasks finished and solved of the total, and search jobs finished of all
   * (on a cluster, the jobs come back whole).
   */
  record SolveProgress(
      int finished,
      int solved,
      int total,
      double wallSeconds,
      long programs,
      int jobsFinished,
      int jobs) {}
}

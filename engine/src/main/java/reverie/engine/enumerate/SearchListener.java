package reverie.engine.enumerate;

/**
 * Hears about a {@link JobRunner}'s work while it goes, and may cancel it. Called from runner
 * threads: implementations must be quick and thread-safe.
 */
public interface SearchListener {
  /** Hears nothing and never cancels. */
  SearchListener NONE = new SearchListener() {};

  /** A snapshot of the whole plan's progress, about once a second and when a task finishes. */
  default void progress(SolveListener.SolveProgress progress) {}

  /** A job has finished; its result is final. */
  default void jobFinished(JobResult result) {}

  /** Whether to stop: a runner polls it often and then returns what every task has found so far. */
  default boolean cancelled() {
    return false;
  }
}

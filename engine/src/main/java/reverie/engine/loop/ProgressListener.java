package reverie.engine.loop;

/**
 * Where the loop and its phases report progress: the command line draws a live bar on a terminal
 * and plain lines elsewhere. Calls come from one thread at a time per phase; implementations need
 * not be fast.
 */
public interface ProgressListener {

  /** A phase begins; {@code total} steps are expected, or -1 when unknown. */
  void start(String phase, long total);

  /**
   * {@code done} steps of the current phase are complete; {@code detail} says what (e.g. "12
   * solved").
   */
  void step(long done, String detail);

  /** The current phase ended; {@code summary} is one line about it. */
  void finish(String summary);

  /** A free-standing line (iteration headers, warnings). */
  void message(String line);

  /** Ignores everything. */
  ProgressListener SILENT =
      new ProgressListener() {
        @Override
        public void start(String phase, long total) {}

        @Override
        public void step(long done, String detail) {}

        @Override
        public void finish(String summary) {}

        @Override
        public void message(String line) {}
      };
}

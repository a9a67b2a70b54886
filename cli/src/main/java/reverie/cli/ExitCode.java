package reverie.cli;

/** The exit codes of every {@code reverie} command, in one place (listed in {@code --help}). */
final class ExitCode {
  static final int OK = 0;

  /**
   * A check or comparison ran and did not pass (for example {@code reverie check} with a failing
   * example).
   */
  static final int FAILED = 1;

  /** An internal error: a bug in Reverie. */
  static final int INTERNAL = 1;

  /** The command line itself is wrong: an unknown option, a missing argument. */
  static final int USAGE = 2;

  /**
   * The input data is bad: a malformed program, type, task file or checkpoint, or an evaluation
   * that failed.
   */
  static final int BAD_DATA = 3;

  /** Stopped by Ctrl-C (SIGINT): 128 + 2, the shell's convention; a run can be resumed. */
  static final int STOPPED = 130;

  private ExitCode() {}
}

package reverie.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import reverie.engine.loop.ProgressListener;

/**
 * Progress of a long command on stderr: on a terminal a live bar per phase (steps done of total,
 * elapsed, ETA, and the phase's latest detail such as tasks solved or the training loss); elsewhere
 * (a pipe, a log file, CI) plain lines, at most one every few seconds, so that logs stay short and
 * readable rather than one endless line of carriage returns.
 */
final class ConsoleProgress implements ProgressListener {
  /** Without a terminal, the least time between two progress lines of a phase. */
  static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final PrintStream terminal;
  private final LongSupplier clock;
  private ProgressBar bar;
  private String phase = "";
  private long total = -1;
  private long startNanos;
  private long lastDone = -1;
  private long lastLineNanos;

  ConsoleProgress(PrintWriter err, PrintStream terminal, LongSupplier clock) {
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
  }

  /** A live bar when stderr is a terminal, plain lines on {@code err} otherwise. */
  static ConsoleProgress forCurrentProcess(PrintWriter err) {
    return new ConsoleProgress(err, stderrIsTerminal() ? System.err : null, System::nanoTime);
  }

  /** Plain lines on {@code err}, whatever the console. */
  static ConsoleProgress plain(PrintWriter err) {
    return new ConsoleProgress(err, null, System::nanoTime);
  }

  /**
   * Whether standard error is a terminal. {@link System#console()} only tells about standard input
   * and output: with {@code 2> run.log} it is still there, so where Linux shows what descriptor 2
   * is, that decides.
   */
  static boolean stderrIsTerminal() {
    if (System.console() == null) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true; // no /proc: trust the console
    }
  }

  @Override
  public synchronized void start(String phase, long total) {
    closeBar();
    this.phase = phase;
    this.total = total;
    this.startNanos = clock.getAsLong();
    this.lastDone = -1;
    this.lastLineNanos = startNanos;
    if (terminal != null) {
      err.flush();
      bar =
          new ProgressBarBuilder()
              .setTaskName(phase)
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .setConsumer(new ConsoleProgressBarConsumer(terminal))
              .build();
    } else {
      err.println(phase + ": started" + (total >= 0 ? " (" + total + " steps)" : ""));
    }
  }

  @Override
  public synchronized void step(long done, String detail) {
    if (bar != null) {
      bar.stepTo(done);
      bar.setExtraMessage(detail);
    } else if (done != lastDone && clock.getAsLong() - lastLineNanos >= LINE_INTERVAL_NANOS) {
      // At most one line every few seconds (and finish() says how the phase ended).
      lastDone = done;
      lastLineNanos = clock.getAsLong();
      err.println(
          String.format(
              Locale.ROOT,
              "%s: %d%s %s (%s)",
              phase,
              done,
              total >= 0 ? "/" + total : "",
              detail,
              elapsed()));
    }
  }

  @Override
  public synchronized void finish(String summary) {
    closeBar();
    err.println(String.format(Locale.ROOT, "%s: %s (%s)", phase, summary, elapsed()));
  }

  @Override
  public synchronized void message(String line) {
    closeBar();
    err.println(line);
  }

  private void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  private String elapsed() {
    Duration d = Duration.ofNanos(clock.getAsLong() - startNanos);
    return String.format(Locale.ROOT, "%d:%02d elapsed", d.toMinutes(), d.toSecondsPart());
  }
}

package reverie.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import reverie.engine.loop.ProgressListener;

/**
 * Progress of a long command on stderr: on a terminal a live bar per phase (steps done of total,
 * elapsed, ETA, and the phase's latest detail such as tasks solved or the training loss); elsewhere
 * (a pipe, a file, a test) one plain line per step, so logs stay readable.
 */
final class ConsoleProgress implements ProgressListener {
  /** Without a terminal, the longest silence while a step runs. */
  private static final long QUIET_NANOS = 10_000_000_000L;

  private final PrintWriter err;
  private final PrintStream terminal;
  private ProgressBar bar;
  private String phase = "";
  private long total = -1;
  private long startNanos;
  private long lastDone = -1;
  private long lastLineNanos;

  private ConsoleProgress(PrintWriter err, PrintStream terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** A live bar when the JVM runs on a terminal, plain lines on {@code err} otherwise. */
  static ConsoleProgress forCurrentProcess(PrintWriter err) {
    return new ConsoleProgress(err, System.console() != null ? System.err : null);
  }

  /** Plain lines on {@code err}, whatever the console. */
  static ConsoleProgress plain(PrintWriter err) {
    return new ConsoleProgress(err, null);
  }

  @Override
  public synchronized void start(String phase, long total) {
    closeBar();
    this.phase = phase;
    this.total = total;
    this.startNanos = System.nanoTime();
    this.lastDone = -1;
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
    } else if (done != lastDone || System.nanoTime() - lastLineNanos >= QUIET_NANOS) {
      // A line when a step completes, or now and then while one runs long, so logs stay short.
      lastDone = done;
      lastLineNanos = System.nanoTime();
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
    Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
    return String.format(Locale.ROOT, "%d:%02d elapsed", d.toMinutes(), d.toSecondsPart());
  }
}

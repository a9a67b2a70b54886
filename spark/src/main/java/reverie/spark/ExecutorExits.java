package reverie.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The executors a standalone cluster removed while the driver waits for its first task: an executor
 * whose JVM cannot start (an older Java on the worker, which fails on Spark 4's classes) exits at
 * once, the master launches another, and without this the driver sees nothing but a wait. Spark
 * tells the driver only in its log ({@code StandaloneSchedulerBackend}: "Executor app-.../3
 * removed: Command exited with code 1"), so this listens to that one logger, at INFO, without
 * passing its lines on to the console.
 */
final class ExecutorExits implements AutoCloseable {
  static final String LOGGER = "org.apache.spark.scheduler.cluster.StandaloneSchedulerBackend";
  private static final Pattern REMOVED = Pattern.compile("Executor (\\S+) removed: (.*)");

  private final LoggerContext context;
  private final Appender appender;

  private ExecutorExits(LoggerContext context, Appender appender) {
    this.context = context;
    this.appender = appender;
  }

  /** Starts listening; {@link #close} stops. */
  static ExecutorExits listen() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Appender appender = new Appender();
    appender.start();
    Configuration config = context.getConfiguration();
    config.addAppender(appender);
    LoggerConfig logger = new LoggerConfig(LOGGER, Level.INFO, false);
    logger.addAppender(appender, Level.INFO, null);
    config.addLogger(LOGGER, logger);
    context.updateLoggers();
    return new ExecutorExits(context, appender);
  }

  /** How many executors were removed so far. */
  int count() {
    return appender.count();
  }

  /** The last removal, as "app-.../3 (Command exited with code 1)"; empty before any. */
  String last() {
    return appender.last();
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    config.removeLogger(LOGGER);
    context.updateLoggers();
    appender.stop();
  }

  private static final class Appender extends AbstractAppender {
    private int count;
    private String last = "";

    Appender() {
      super("reverie-executor-exits", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      Matcher m = REMOVED.matcher(event.getMessage().getFormattedMessage());
      if (m.find()) {
        synchronized (this) {
          count++;
          last = m.group(1) + " (" + m.group(2).strip() + ")";
        }
      }
    }

    synchronized int count() {
      return count;
    }

    synchronized String last() {
      return last;
    }
  }
}

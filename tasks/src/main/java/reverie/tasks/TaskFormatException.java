package reverie.tasks;

import java.nio.file.Path;
import reverie.dsl.InputException;

/**
 * A task file or task that cannot be used: malformed JSON, an unknown type, a value that does not
 * match the request type, no examples, a duplicate name. The one-line message names the file, the
 * task and the example.
 */
public final class TaskFormatException extends InputException {

  private TaskFormatException(String message, Throwable cause) {
    super(joinLines(message), cause);
  }

  /** A problem with the file as a whole (unreadable, not JSON, an unknown layout). */
  public static TaskFormatException inFile(String file, String problem) {
    return new TaskFormatException(file + ": " + problem, null);
  }

  /** A problem with the file as a whole, caused by {@code cause}. */
  public static TaskFormatException inFile(String file, String problem, Throwable cause) {
    return new TaskFormatException(file + ": " + problem, cause);
  }

  /**
   * A problem with the task at 0-based position {@code taskIndex}, called {@code taskName} (may be
   * null).
   */
  public static TaskFormatException inTask(
      String file, int taskIndex, String taskName, String problem) {
    return new TaskFormatException(
        file + ": " + describeTask(taskIndex, taskName) + ": " + problem, null);
  }

  /** A problem with example {@code exampleIndex} (0-based) of a task. */
  public static TaskFormatException inExample(
      String file, int taskIndex, String taskName, int exampleIndex, String problem) {
    return new TaskFormatException(
        file
            + ": "
            + describeTask(taskIndex, taskName)
            + ", example "
            + exampleIndex
            + ": "
            + problem,
        null);
  }

  /** The name to use for a file in messages. */
  public static String fileName(Path file) {
    return file.toString();
  }

  private static String describeTask(int taskIndex, String taskName) {
    return taskName == null
        ? "task #" + taskIndex
        : "task #" + taskIndex + " '" + abbreviate(taskName) + "'";
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  // Messages from Jackson and from user data may contain line breaks; the command line promises one
  // line.
  private static String joinLines(String message) {
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}

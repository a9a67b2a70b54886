package reverie.dsl;

/**
 * Bad data from the user: a malformed program, type, task file, checkpoint or argument. The command
 * line prints its one-line message and exits with code 3; it is never a bug.
 */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}

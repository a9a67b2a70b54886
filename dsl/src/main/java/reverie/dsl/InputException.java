package reverie.dsl;

/**
 * Bad data from the user: a malformed program, type, task file, checkpoint or argument. The command
 * line prints its one-line message and exits with code 3; it is never a bug. The message is one
 * line by construction: text quoted from the input (a header, a name) keeps its line breaks and
 * other control characters only as escapes such as {@code \n}.
 */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(oneLine(message));
  }

  public InputException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** {@code text} with line breaks and other control characters written as Java escapes. */
  public static String oneLine(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape =
          c == '\n'
              ? "\\n"
              : c == '\r'
                  ? "\\r"
                  : c == '\t'
                      ? "\\t"
                      : Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                          ? String.format("\\u%04x", (int) c)
                          : null;
      if (escape != null && b == null) {
        b = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (b != null) {
        if (escape != null) {
          b.append(escape);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? text : b.toString();
  }
}

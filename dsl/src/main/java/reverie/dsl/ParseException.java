package reverie.dsl;

/**
 * A malformed program or type string; the message names the column (1-based) and what was expected
 * there.
 */
public final class ParseException extends InputException {
  private final String input;
  private final int column;

  private ParseException(String message, String input, int column) {
    super(message);
    this.input = input;
    this.column = column;
  }

  /**
   * An error at the 0-based {@code offset} (in chars) of {@code input}; the column counts
   * characters (code points), so an emoji is one column.
   */
  public static ParseException at(String input, int offset, String problem) {
    int column = input.codePointCount(0, Math.min(offset, input.length())) + 1;
    return new ParseException(
        "column " + column + ": " + oneLine(problem) + " in '" + abbreviate(input) + "'",
        input,
        column);
  }

  /**
   * The character (code point) at {@code offset} of {@code text}, for a message: a surrogate pair
   * as the one character it is.
   */
  public static String charAt(String text, int offset) {
    int end = offset + Character.charCount(text.codePointAt(offset));
    return text.substring(offset, Math.min(end, text.length()));
  }

  /** The text that failed to parse. */
  public String input() {
    return input;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return column;
  }

  /**
   * The input as it is quoted in a message: on one line (line breaks and other control characters
   * written as Java escapes), at most 120 characters.
   */
  static String abbreviate(String s) {
    return oneLine(s.length() <= 120 ? s : s.substring(0, 117) + "...");
  }

  /** {@code shown} with line breaks and other control characters written as Java escapes. */
  public static String oneLine(String shown) {
    return InputException.oneLine(shown);
  }
}

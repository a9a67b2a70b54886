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

  /** An error at the 0-based {@code offset} of {@code input}. */
  public static ParseException at(String input, int offset, String problem) {
    int column = offset + 1;
    return new ParseException(
        "column " + column + ": " + problem + " in '" + abbreviate(input) + "'", input, column);
  }

  /** The text that failed to parse. */
  public String input() {
    return input;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return column;
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}

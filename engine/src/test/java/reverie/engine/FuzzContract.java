package reverie.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reverie.dsl.InputException;

/**
 * The contract every fuzz target asserts of a rejected input: Reverie's own {@link InputException}
 * with a one-line message that names the place (it starts with {@code place}). Any other exception
 * escapes the target and is a finding. (Each module's tests have a copy: test classes are not
 * shared between modules.)
 */
public final class FuzzContract {
  private FuzzContract() {}

  // What a message must not show unless the input itself contains it: a Java class, Jackson's
  // advice. Each starts at a word boundary: InputException.oneLine escapes a control character as
  // a backslash, "u" and four hex digits, and quoted input right after one (0x9c then
  // "om.fasterxml.") must not read as a Java name.
  private static final Pattern FOREIGN =
      Pattern.compile(
          "\\bjava\\.[a-z]+\\.[A-Za-z]|\\b[A-Z][A-Za-z]*Exception\\b|\\bcom\\.fasterxml\\."
              + "|JsonReadFeature|StreamReadFeature|\\[Source: ");

  /**
   * Checks the message of a rejection of {@code input}: one line, starting with {@code place}, and
   * no Java class or Jackson advice that the input did not contain.
   */
  public static void rejected(InputException e, String place, String input) {
    String message = e.getMessage();
    assertTrue(message != null && !message.isBlank(), "empty message");
    assertFalse(
        message.contains("\n") || message.contains("\r"), () -> "multi-line message: " + message);
    assertTrue(
        message.startsWith(place), () -> "message does not start with '" + place + "': " + message);
    Matcher m = FOREIGN.matcher(message);
    while (m.find()) {
      String word = m.group();
      assertTrue(input.contains(word), () -> "message shows '" + word + "': " + message);
    }
  }

  /**
   * The bytes as UTF-8 text (malformed sequences become U+FFFD, as a file reader would read them).
   */
  public static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

package reverie.dsl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON that users give Reverie (task files, grammars, checkpoints, arguments) strictly
 * and with plain words: a key given twice, text after the value, {@code NaN} and numbers beyond
 * {@code double} are refused, and a problem reads as "the file ends in the middle of an object
 * (line 2, column 1)" rather than as Jackson's message.
 */
public final class JsonText {
  /**
   * Deepest nesting of arrays and objects read. The readers of what they hold recurse, so a hostile
   * file could otherwise exhaust the stack; real task values nest a few levels.
   */
  public static final int MAX_NESTING = 200;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final JsonMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  static {
    LENIENT
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
  }

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
  private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'");
  private static final Pattern CHARACTER = Pattern.compile("Unexpected character \\((.*?)\\)");
  private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '(.*?)'");

  private JsonText() {}

  /**
   * Parses {@code content} (UTF-8) as one JSON value; {@code where} (a file name, "argument 2")
   * starts the message of the {@link InputException} thrown for bad JSON.
   */
  public static JsonNode parse(byte[] content, String where) {
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      throw new InputException(where + ": " + describe(e), e);
    } catch (IOException e) {
      throw new InputException(where + ": cannot read (" + e.getMessage() + ")", e);
    }
    return checked(root, where);
  }

  /** Reads and parses a JSON file; its path starts every message. */
  public static JsonNode read(java.nio.file.Path file) {
    return parse(InputFiles.read(file), file.toString());
  }

  /**
   * Parses {@code content} as {@link #parse(byte[], String)} does, but reads {@code NaN}, {@code
   * Infinity} and {@code -Infinity} as numbers, as Python's {@code json} module writes them (for
   * DreamCoder's grammars and log-weights).
   */
  public static JsonNode parseWithNonFiniteNumbers(String content, String where) {
    try {
      JsonNode root = LENIENT.readTree(content);
      if (root == null || root.isMissingNode()) {
        throw new InputException(where + ": empty (no JSON value)");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new InputException(where + ": " + describe(e), e);
    }
  }

  /** Parses JSON text as {@link #parse(byte[], String)} does. */
  public static JsonNode parse(String content, String where) {
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      throw new InputException(where + ": " + describe(e), e);
    }
    return checked(root, where);
  }

  private static JsonNode checked(JsonNode root, String where) {
    if (root == null || root.isMissingNode()) {
      throw new InputException(where + ": empty (no JSON value)");
    }
    String path = infinite(root);
    if (path != null) {
      throw new InputException(
          where + ": number out of range" + (path.isEmpty() ? "" : " at " + path));
    }
    return root;
  }

  /**
   * The path of the first number too large for a {@code double} (Jackson reads {@code 1e400} as
   * infinity), "" for the root, or null when there is none.
   */
  private static String infinite(JsonNode root) {
    Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
    todo.push(Map.entry("", root));
    while (!todo.isEmpty()) {
      Map.Entry<String, JsonNode> e = todo.pop();
      JsonNode n = e.getValue();
      if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
        return e.getKey();
      }
      if (n.isArray()) {
        for (int i = n.size() - 1; i >= 0; i--) {
          todo.push(Map.entry(e.getKey() + "[" + i + "]", n.get(i)));
        }
      } else if (n.isObject()) {
        n.fields()
            .forEachRemaining(
                f -> todo.push(Map.entry(e.getKey() + "." + f.getKey(), f.getValue())));
      }
    }
    return null;
  }

  /** Jackson's complaint in plain words, with the line and column where it has one. */
  public static String describe(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String problem;
    Matcher m;
    if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
      String lower = original.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("object")) {
        problem = "the text ends in the middle of an object";
      } else if (lower.contains("array")) {
        problem = "the text ends in the middle of an array";
      } else if (lower.contains("string")) {
        problem = "the text ends in the middle of a string";
      } else {
        problem = "the text ends too early";
      }
    } else if ((m = NON_NUMERIC.matcher(original)).find()) {
      problem = m.group(1) + " is not a number";
    } else if ((m = DUPLICATE.matcher(original)).find()) {
      problem = "the key '" + m.group(1) + "' appears twice";
    } else if (original.startsWith("Trailing token")) {
      problem = "unexpected text after the JSON value";
    } else if ((m = TOKEN.matcher(original)).find()) {
      problem = "unexpected word '" + oneLine(m.group(1)) + "'";
    } else if (e instanceof InputCoercionException || original.contains("out of range")) {
      problem = "number out of range";
    } else if (e instanceof StreamConstraintsException && original.contains("nesting depth")) {
      problem = "arrays and objects nested more than " + MAX_NESTING + " deep";
    } else if (e instanceof StreamConstraintsException) {
      problem = "too large (" + firstSentence(original) + ")";
    } else if (original.startsWith("Illegal unquoted character")) {
      problem = "a control character inside a string (write it as an escape such as \\n)";
    } else if (original.startsWith("Unrecognized character escape")) {
      problem = "an unknown escape in a string";
    } else if (original.startsWith("Invalid UTF-8") || original.contains("Invalid UTF-8")) {
      problem = "not UTF-8 text";
    } else if ((m = CHARACTER.matcher(original)).find()) {
      problem = "unexpected character " + m.group(1).replaceFirst(" \\(code .*", "");
    } else {
      problem = firstSentence(original);
    }
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      problem += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
    return problem;
  }

  /** Jackson's message up to its advice (": was expecting ...", "enable ...") and on one line. */
  private static String firstSentence(String s) {
    String first = s;
    for (String cut : new String[] {": was expecting", "\n", ": enable", " at [Source"}) {
      int i = first.indexOf(cut);
      if (i >= 0) {
        first = first.substring(0, i);
      }
    }
    return oneLine(first.length() <= 120 ? first : first.substring(0, 117) + "...");
  }

  private static String oneLine(String s) {
    return ParseException.oneLine(s);
  }
}

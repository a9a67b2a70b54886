package reverie.engine.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import reverie.dsl.InputException;
import reverie.dsl.JsonText;

/**
 * Small helpers for reading and writing the loop's JSON files with errors that name the file and
 * key.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private Json() {}

  /** Pretty-printed JSON text with a final newline. */
  static String pretty(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new AssertionError("a tree always serialises", e);
    }
  }

  /** JSON text on one line, for JSON Lines files. */
  static String compact(JsonNode node) {
    try {
      return COMPACT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new AssertionError("a tree always serialises", e);
    }
  }

  /** Reads a JSON file; a missing or malformed file is an {@link InputException} naming it. */
  static JsonNode read(Path file) {
    if (!Files.exists(file)) {
      throw new InputException(file + ": missing");
    }
    return JsonText.read(file);
  }

  /** Parses JSON text; {@code where} names its origin in errors. */
  static JsonNode parse(String text, String where) {
    return JsonText.parse(text, where);
  }

  static JsonNode required(JsonNode o, String key, String where) {
    JsonNode v = o == null ? null : o.get(key);
    if (v == null || v.isNull()) {
      throw new InputException(where + ": missing key '" + key + "'");
    }
    return v;
  }

  static int requiredInt(JsonNode o, String key, String where) {
    JsonNode v = required(o, key, where);
    if (!v.canConvertToInt()) {
      throw new InputException(where + ": '" + key + "' must be an integer, not " + v);
    }
    return v.intValue();
  }

  static long requiredLong(JsonNode o, String key, String where) {
    JsonNode v = required(o, key, where);
    if (!v.canConvertToLong()) {
      throw new InputException(where + ": '" + key + "' must be an integer, not " + v);
    }
    return v.longValue();
  }

  static double requiredDouble(JsonNode o, String key, String where) {
    JsonNode v = required(o, key, where);
    if (!v.isNumber()) {
      throw new InputException(where + ": '" + key + "' must be a number, not " + v);
    }
    return v.doubleValue();
  }

  static boolean requiredBoolean(JsonNode o, String key, String where) {
    JsonNode v = required(o, key, where);
    if (!v.isBoolean()) {
      throw new InputException(where + ": '" + key + "' must be true or false, not " + v);
    }
    return v.booleanValue();
  }

  static String requiredText(JsonNode o, String key, String where) {
    JsonNode v = required(o, key, where);
    if (!v.isTextual()) {
      throw new InputException(where + ": '" + key + "' must be a string, not " + v);
    }
    return v.textValue();
  }
}

package reverie.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.common.collect.ImmutableList;
import java.util.List;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;

/**
 * The JSON form of task values, shared by every task file format: {@code int} is a JSON integer, {@code bool}
 * a JSON boolean, {@code char} a one-character string, {@code list(t)} an array, except {@code list(char)},
 * which is written as a string (and read from a string or an array of one-character strings).
 *
 * <p>Task values are plain data whatever the domain, so one codec serves every suite; a type outside these
 * (a function, a domain's own constructor) is rejected with an {@link InputException}.
 */
public final class TaskValues {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TaskValues() {}

  /** Whether values of {@code type} can be read and written: {@code int}, {@code bool}, {@code char}, lists. */
  public static boolean isSupported(Type type) {
    if (!(type instanceof TypeConstructor c)) {
      return false;
    }
    switch (c.name()) {
      case "int":
      case "bool":
      case "char":
        return c.arguments().isEmpty();
      case "list":
        return c.arguments().size() == 1 && isSupported(c.arguments().get(0));
      default:
        return false;
    }
  }

  /** Reads a value of {@code type}; an {@link InputException} saying what was expected otherwise. */
  public static Object fromJson(JsonNode json, Type type) {
    TypeConstructor c = supported(type);
    switch (c.name()) {
      case "int":
        if (!json.isIntegralNumber() || !json.canConvertToLong()) {
          throw mismatch(json, type);
        }
        return json.longValue();
      case "bool":
        if (!json.isBoolean()) {
          throw mismatch(json, type);
        }
        return json.booleanValue();
      case "char":
        if (!json.isTextual() || json.textValue().length() != 1) {
          throw mismatch(json, type);
        }
        return json.textValue().charAt(0);
      default:
        Type element = c.arguments().get(0);
        if (json.isTextual() && isChar(element)) {
          ImmutableList.Builder<Object> chars = ImmutableList.builder();
          for (char ch : json.textValue().toCharArray()) {
            chars.add(ch);
          }
          return chars.build();
        }
        if (!json.isArray()) {
          throw mismatch(json, type);
        }
        ImmutableList.Builder<Object> elements = ImmutableList.builderWithExpectedSize(json.size());
        for (JsonNode e : json) {
          elements.add(fromJson(e, element));
        }
        return elements.build();
    }
  }

  /** Writes a value of {@code type}; an {@link InputException} when the value does not have that type. */
  public static JsonNode toJson(Object value, Type type) {
    TypeConstructor c = supported(type);
    switch (c.name()) {
      case "int":
        if (value instanceof Long l) {
          return JSON.numberNode(l);
        }
        break;
      case "bool":
        if (value instanceof Boolean b) {
          return JSON.booleanNode(b);
        }
        break;
      case "char":
        if (value instanceof Character ch) {
          return JSON.textNode(String.valueOf(ch));
        }
        break;
      default:
        if (value instanceof List<?> list) {
          Type element = c.arguments().get(0);
          if (isChar(element)) {
            StringBuilder s = new StringBuilder(list.size());
            for (Object ch : list) {
              if (!(ch instanceof Character)) {
                throw new InputException("not a " + type + ": " + abbreviate(String.valueOf(value)));
              }
              s.append((char) (Character) ch);
            }
            return JSON.textNode(s.toString());
          }
          ArrayNode array = JSON.arrayNode(list.size());
          for (Object e : list) {
            array.add(toJson(e, element));
          }
          return array;
        }
    }
    throw new InputException("not a " + type + ": " + abbreviate(String.valueOf(value)));
  }

  /** Whether {@code value} is a run-time value of {@code type}. */
  public static boolean hasType(Object value, Type type) {
    try {
      toJson(value, type);
      return true;
    } catch (InputException e) {
      return false;
    }
  }

  /** A short readable form of a value, JSON when the type allows it. */
  public static String show(Object value, Type type) {
    try {
      return abbreviate(toJson(value, type).toString());
    } catch (InputException e) {
      return abbreviate(String.valueOf(value));
    }
  }

  private static boolean isChar(Type t) {
    return t instanceof TypeConstructor c && c.name().equals("char") && c.arguments().isEmpty();
  }

  private static TypeConstructor supported(Type type) {
    if (!isSupported(type)) {
      throw new InputException(
          "values of type " + type + " cannot be read or written (only int, bool, char and lists of them)");
    }
    return (TypeConstructor) type;
  }

  private static InputException mismatch(JsonNode json, Type type) {
    return new InputException("expected a value of type " + type + ", found " + abbreviate(json.toString()));
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}

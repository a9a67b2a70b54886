package reverie.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;

/**
 * The JSON form of task values, shared by every task file format and the same as the domains'
 * {@link JsonValues}, but strict: only ground types of plain data, and a value that does not have
 * its type is an {@link InputException} rather than a bug. The form: {@code int} is a JSON integer,
 * {@code bool} a JSON boolean, {@code char} a one-character string, {@code list(t)} an array,
 * except {@code list(char)}, which is written as a string (and read from a string or an array of
 * one-character strings).
 *
 * <p>Task values are plain data whatever the domain, so one codec serves every suite; a type
 * outside these (a function, a domain's own constructor) is rejected with an {@link
 * InputException}.
 */
public final class TaskValues {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TaskValues() {}

  /**
   * Whether values of {@code type} can be read and written: {@code int}, {@code bool}, {@code
   * char}, lists.
   */
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

  /**
   * Reads a value of {@code type} with the domains' codec {@link JsonValues}, after checking that
   * the type is one a task file may use; an {@link InputException} saying what was expected
   * otherwise.
   */
  public static Object fromJson(JsonNode json, Type type) {
    supported(type);
    return JsonValues.fromJson(json, type);
  }

  /**
   * Writes a value of {@code type}; an {@link InputException} when the value does not have that
   * type.
   */
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
                throw new InputException(
                    "not a " + type + ": " + abbreviate(String.valueOf(value)));
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
          "values of type "
              + type
              + " cannot be read or written (only int, bool, char and lists of them)");
    }
    return (TypeConstructor) type;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}

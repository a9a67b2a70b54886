package reverie.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import reverie.dsl.InputException;
import reverie.dsl.eval.ListValue;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;
import reverie.dsl.type.TypeContext;
import reverie.dsl.type.TypeVariable;

/**
 * The JSON form of run-time values: {@code int} a JSON integer, {@code bool} a JSON boolean, {@code
 * char} a one-character string, {@code list(char)} a string (an array of one-character strings is
 * read too), {@code list(t)} an array. Shared by the domains whose values are these. A character is
 * a Unicode code point, held as an {@link Integer}: "🙂" is one character, not two UTF-16 units.
 */
public final class JsonValues {
  private JsonValues() {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Type CHAR = Type.of("char");

  /**
   * Reads {@code json} as a value of {@code type}; a type variable takes whatever the JSON is.
   * Throws {@link InputException} such as {@code expected a list of int, found "abc"}.
   */
  public static Object fromJson(JsonNode json, Type type) {
    return read(json, type, "");
  }

  private static Object read(JsonNode json, Type type, String where) {
    if (type instanceof TypeVariable) {
      return read(json, inferType(json, new TypeContext()), where);
    }
    TypeConstructor c = (TypeConstructor) type;
    switch (c.name()) {
      case "int":
        if (json.isIntegralNumber() && json.canConvertToLong()) {
          return json.longValue();
        }
        break;
      case "bool":
        if (json.isBoolean()) {
          return json.booleanValue();
        }
        break;
      case "char":
        if (json.isTextual()
            && json.textValue().codePointCount(0, json.textValue().length()) == 1) {
          return json.textValue().codePointAt(0);
        }
        break;
      case "list":
        Type element = c.arguments().get(0);
        if (json.isTextual() && (element.equals(CHAR) || element instanceof TypeVariable)) {
          return ListValue.wrap(json.textValue().codePoints().boxed().toArray());
        }
        if (json.isArray()) {
          Object[] items = new Object[json.size()];
          for (int i = 0; i < items.length; i++) {
            items[i] = read(json.get(i), element, where + "[" + i + "]");
          }
          return ListValue.wrap(items);
        }
        break;
      default:
        throw new InputException("values of type " + type + " have no JSON form");
    }
    throw new InputException(
        "expected "
            + describe(type)
            + ", found "
            + abbreviate(json.toString())
            + (where.isEmpty() ? "" : " at " + where));
  }

  /**
   * Writes {@code value} of {@code type} as JSON; for a type variable the value's class decides.
   */
  public static JsonNode toJson(Object value, Type type) {
    if (type instanceof TypeConstructor c && c.name().equals("list")) {
      Type element = c.arguments().get(0);
      List<?> list = (List<?>) value;
      boolean chars =
          element.equals(CHAR)
              || element instanceof TypeVariable
                  && !list.isEmpty()
                  && list.stream().allMatch(x -> x instanceof Integer);
      if (chars) {
        StringBuilder s = new StringBuilder();
        list.forEach(ch -> s.appendCodePoint((Integer) ch));
        return NODES.textNode(s.toString());
      }
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(toJson(item, element)));
      return array;
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer codePoint) {
      return NODES.textNode(Character.toString(codePoint));
    }
    if (value instanceof List<?> list) {
      return toJson(list, Type.of("list", type));
    }
    throw new IllegalArgumentException("no JSON form for " + value + " of type " + type);
  }

  /**
   * The type of a JSON value: integers are {@code int}, booleans {@code bool}, strings {@code
   * list(char)}, arrays lists of their elements' common type (a fresh variable of {@code context}
   * when empty).
   */
  public static Type inferType(JsonNode json, TypeContext context) {
    if (json.isIntegralNumber() && json.canConvertToLong()) {
      return Type.of("int");
    }
    if (json.isBoolean()) {
      return Type.of("bool");
    }
    if (json.isTextual()) {
      return Type.of("list", Type.of("char"));
    }
    if (json.isArray()) {
      Type element = context.fresh();
      for (JsonNode item : json) {
        Type t = inferType(item, context);
        if (!context.tryUnify(element, t)) {
          throw new InputException(
              "the elements of "
                  + abbreviate(json.toString())
                  + " do not have one type ("
                  + context.resolve(element)
                  + " and "
                  + context.resolve(t)
                  + ")");
        }
      }
      return context.resolve(Type.of("list", element));
    }
    throw new InputException(
        "expected an int, a bool, a string or an array, found " + abbreviate(json.toString()));
  }

  /** "an int", "a list of int", "a string" (for {@code list(char)}). */
  static String describe(Type type) {
    if (type instanceof TypeConstructor c) {
      if (c.name().equals("list")) {
        Type element = c.arguments().get(0);
        return element.equals(CHAR) ? "a string" : "a list of " + element;
      }
      if (c.name().equals("int")) {
        return "an int";
      }
      if (c.name().equals("char")) {
        return "a char (a one-character string)";
      }
    }
    return "a " + type;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}

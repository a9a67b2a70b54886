package reverie.dsl.type;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import reverie.dsl.ParseException;

/**
 * Recursive-descent parser for DreamCoder's type syntax: arrows associate to the right, {@code tN}
 * is a variable.
 */
final class TypeParser {
  /** The deepest nesting of parentheses read, so that a hostile text cannot exhaust the stack. */
  static final int MAX_NESTING = 500;

  private final String text;
  private int pos;
  private int nesting;

  private TypeParser(String text) {
    this.text = text;
  }

  static Type parse(String text) {
    TypeParser p = new TypeParser(text);
    Type t = p.arrowType();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw ParseException.at(
          text,
          p.pos,
          "unexpected '" + ParseException.charAt(text, p.pos) + "' after a complete type");
    }
    return t;
  }

  private Type arrowType() {
    if (++nesting > MAX_NESTING) {
      throw ParseException.at(text, pos, "type nested more than " + MAX_NESTING + " deep");
    }
    Type left = atom();
    skipSpace();
    if (text.startsWith(Type.ARROW, pos)) {
      pos += 2;
      Type right = arrowType();
      nesting--;
      return Type.arrow(left, right);
    }
    nesting--;
    return left;
  }

  private Type atom() {
    skipSpace();
    if (pos >= text.length()) {
      throw ParseException.at(text, pos, "expected a type but the text ended");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      Type inner = arrowType();
      expect(')');
      return inner;
    }
    int start = pos;
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw ParseException.at(
          text, pos, "expected a type name, found '" + ParseException.charAt(text, pos) + "'");
    }
    String name = text.substring(start, pos);
    if (name.matches("t[0-9]+")) {
      try {
        return new TypeVariable(Integer.parseInt(name.substring(1)));
      } catch (NumberFormatException e) {
        throw ParseException.at(text, start, "type variable " + name + " is out of range");
      }
    }
    skipSpace();
    List<Type> arguments = new ArrayList<>();
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      arguments.add(arrowType());
      skipSpace();
      while (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
        arguments.add(arrowType());
        skipSpace();
      }
      expect(')');
    }
    return new TypeConstructor(name, ImmutableList.copyOf(arguments));
  }

  private void expect(char c) {
    skipSpace();
    if (pos >= text.length()) {
      throw ParseException.at(text, pos, "expected '" + c + "' but the text ended");
    }
    if (text.charAt(pos) != c) {
      throw ParseException.at(
          text, pos, "expected '" + c + "', found '" + ParseException.charAt(text, pos) + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '\'';
  }
}

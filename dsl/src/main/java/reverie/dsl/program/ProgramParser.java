package reverie.dsl.program;

import java.util.ArrayList;
import java.util.List;
import reverie.dsl.ParseException;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeError;
import reverie.dsl.type.TypeVariable;

/**
 * Parser for DreamCoder's program syntax: {@code $i}, {@code (lambda b)} (Stitch's {@code lam}
 * too), n-ary application {@code (f x y)}, inventions {@code #(...)}, and primitive names.
 */
final class ProgramParser {
  /**
   * The deepest nesting of parentheses read: the parser and every pass over programs recurse, so a
   * bound keeps a hostile text from exhausting the stack. Real programs nest a few dozen deep.
   */
  static final int MAX_NESTING = 1000;

  private static final java.util.regex.Pattern INTEGER =
      java.util.regex.Pattern.compile("-?[0-9]+");

  private final String text;
  private final PrimitiveResolver primitives;
  private int pos;
  private int nesting;

  private ProgramParser(String text, PrimitiveResolver primitives) {
    this.text = text;
    this.primitives = primitives;
  }

  static Program parse(String text, PrimitiveResolver primitives) {
    ProgramParser p = new ProgramParser(text, primitives);
    Program program = p.expression();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw ParseException.at(
          text,
          p.pos,
          "unexpected '" + ParseException.charAt(text, p.pos) + "' after a complete program");
    }
    return program;
  }

  private Program expression() {
    skipSpace();
    if (pos >= text.length()) {
      throw ParseException.at(text, pos, "expected a program but the text ended");
    }
    int start = pos;
    char c = text.charAt(pos);
    if (c == ')') {
      throw ParseException.at(text, pos, "unexpected ')'");
    }
    if (c == '#' && pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
      pos++;
      Program body = expression();
      if (!(body instanceof Abstraction || body instanceof Application)) {
        // #(+) would print as #+, which no parser reads back.
        throw ParseException.at(
            text, start, "an invention's body must be a lambda or an application, not " + body);
      }
      if (!body.isClosed()) {
        throw ParseException.at(
            text, start, "invention " + "#" + body + " has free variables " + body.freeIndices());
      }
      return new Invented(body, inventionType(body, start));
    }
    if (c == '(') {
      if (++nesting > MAX_NESTING) {
        throw ParseException.at(text, pos, "parentheses nested more than " + MAX_NESTING + " deep");
      }
      pos++;
      skipSpace();
      String head = peekAtom();
      if (head.equals("lambda") || head.equals("lam")) {
        pos += head.length();
        Program body = expression();
        closeParen(start);
        nesting--;
        return new Abstraction(body);
      }
      Program function = expression();
      List<Program> arguments = new ArrayList<>();
      skipSpace();
      while (pos < text.length() && text.charAt(pos) != ')') {
        arguments.add(expression());
        skipSpace();
      }
      closeParen(start);
      nesting--;
      if (head.equals("app")
          && !arguments.isEmpty()
          && function instanceof Primitive
          && !primitives.typed()) {
        // Stitch's explicit application form (app f x).
        function = arguments.remove(0);
      }
      return Program.apply(function, arguments.toArray(Program[]::new));
    }
    String atom = readAtom();
    if (atom.startsWith("$")) {
      try {
        return new Index(Integer.parseInt(atom.substring(1)));
      } catch (IllegalArgumentException e) {
        throw ParseException.at(text, start, "bad variable '" + atom + "' (expected $0, $1, ...)");
      }
    }
    if (atom.equals("lambda") || atom.equals("lam")) {
      throw ParseException.at(text, start, "'" + atom + "' must open a parenthesis: (lambda body)");
    }
    return primitives.resolve(atom).orElseThrow(() -> unknown(atom, start));
  }

  private ParseException unknown(String atom, int start) {
    if (INTEGER.matcher(atom).matches()) {
      try {
        Long.parseLong(atom);
      } catch (NumberFormatException e) {
        return ParseException.at(
            text, start, "integer literal " + atom + " is out of range (it must fit in 64 bits)");
      }
    }
    return ParseException.at(text, start, "unknown primitive '" + atom + "'");
  }

  private Type inventionType(Program body, int start) {
    if (!primitives.typed()) {
      return new TypeVariable(0);
    }
    try {
      return TypeInference.infer(body);
    } catch (TypeError e) {
      throw ParseException.at(text, start, "ill-typed invention #" + body + ": " + e.getMessage());
    }
  }

  private void closeParen(int open) {
    skipSpace();
    if (pos >= text.length()) {
      throw ParseException.at(text, open, "this '(' is never closed");
    }
    if (text.charAt(pos) != ')') {
      throw ParseException.at(
          text, pos, "expected ')', found '" + ParseException.charAt(text, pos) + "'");
    }
    pos++;
  }

  private String peekAtom() {
    int save = pos;
    String atom = pos < text.length() && isAtomChar(text.charAt(pos)) ? readAtom() : "";
    pos = save;
    return atom;
  }

  private String readAtom() {
    int start = pos;
    while (pos < text.length() && isAtomChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw ParseException.at(
          text, pos, "expected a name, found '" + ParseException.charAt(text, pos) + "'");
    }
    return text.substring(start, pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isAtomChar(char c) {
    return c != '(' && c != ')' && !Character.isWhitespace(c);
  }
}

package reverie.dsl.grammar;

import java.util.List;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * The 22 primitives of DreamCoder's list experiments with their types (the dsl module cannot see
 * the lists domain, so the tests declare them).
 */
final class ListPrimitives {
  static final List<Primitive> ALL =
      List.of(
          primitive("map", "(t0 -> t1) -> list(t0) -> list(t1)"),
          primitive("unfold", "t0 -> (t0 -> bool) -> (t0 -> t1) -> (t0 -> t0) -> list(t1)"),
          primitive("range", "int -> list(int)"),
          primitive("index", "int -> list(t0) -> t0"),
          primitive("fold", "list(t0) -> t1 -> (t0 -> t1 -> t1) -> t1"),
          primitive("length", "list(t0) -> int"),
          primitive("if", "bool -> t0 -> t0 -> t0"),
          primitive("+", "int -> int -> int"),
          primitive("-", "int -> int -> int"),
          primitive("empty", "list(t0)"),
          primitive("cons", "t0 -> list(t0) -> list(t0)"),
          primitive("car", "list(t0) -> t0"),
          primitive("cdr", "list(t0) -> list(t0)"),
          primitive("empty?", "list(t0) -> bool"),
          primitive("0", "int"),
          primitive("1", "int"),
          primitive("*", "int -> int -> int"),
          primitive("mod", "int -> int -> int"),
          primitive("gt?", "int -> int -> bool"),
          primitive("eq?", "int -> int -> bool"),
          primitive("is-prime", "int -> bool"),
          primitive("is-square", "int -> bool"));

  static final PrimitiveResolver RESOLVER = PrimitiveResolver.of(ALL);

  static final Grammar UNIFORM = Grammar.uniform(ALL);

  static Program parse(String text) {
    return Program.parse(text, RESOLVER);
  }

  private static Primitive primitive(String name, String type) {
    return new Primitive(name, Type.parse(type));
  }

  private ListPrimitives() {}
}

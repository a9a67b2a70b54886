package reverie.dsl.program;

import java.util.List;
import reverie.dsl.type.Type;

/** A few list primitives with DreamCoder's types, for tests of the language itself. */
final class TestPrimitives {
  static final List<Primitive> ALL =
      List.of(
          new Primitive("map", Type.parse("(t0 -> t1) -> list(t0) -> list(t1)")),
          new Primitive("fold", Type.parse("list(t0) -> t1 -> (t0 -> t1 -> t1) -> t1")),
          new Primitive("+", Type.parse("int -> int -> int")),
          new Primitive("cons", Type.parse("t0 -> list(t0) -> list(t0)")),
          new Primitive("car", Type.parse("list(t0) -> t0")),
          new Primitive("cdr", Type.parse("list(t0) -> list(t0)")),
          new Primitive("empty", Type.parse("list(t0)")),
          new Primitive("if", Type.parse("bool -> t0 -> t0 -> t0")),
          new Primitive("eq?", Type.parse("int -> int -> bool")),
          new Primitive("0", Type.parse("int")),
          new Primitive("1", Type.parse("int")));

  static final PrimitiveResolver RESOLVER = PrimitiveResolver.of(ALL);

  static Program parse(String text) {
    return Program.parse(text, RESOLVER);
  }

  private TestPrimitives() {}
}

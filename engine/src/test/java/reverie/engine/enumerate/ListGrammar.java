package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Primitive;
import reverie.dsl.type.Type;

/**
 * The 22 primitives of DreamCoder's list domain (names and types only), for tests independent of
 * eval.
 */
final class ListGrammar {
  private ListGrammar() {}

  static final ImmutableList<Primitive> PRIMITIVES =
      ImmutableList.of(
          p("map", "(t0 -> t1) -> list(t0) -> list(t1)"),
          p("unfold", "t0 -> (t0 -> bool) -> (t0 -> t1) -> (t0 -> t0) -> list(t1)"),
          p("range", "int -> list(int)"),
          p("index", "int -> list(t0) -> t0"),
          p("fold", "list(t0) -> t1 -> (t0 -> t1 -> t1) -> t1"),
          p("length", "list(t0) -> int"),
          p("if", "bool -> t0 -> t0 -> t0"),
          p("+", "int -> int -> int"),
          p("-", "int -> int -> int"),
          p("empty", "list(t0)"),
          p("cons", "t0 -> list(t0) -> list(t0)"),
          p("car", "list(t0) -> t0"),
          p("cdr", "list(t0) -> list(t0)"),
          p("empty?", "list(t0) -> bool"),
          p("0", "int"),
          p("1", "int"),
          p("*", "int -> int -> int"),
          p("mod", "int -> int -> int"),
          p("gt?", "int -> int -> bool"),
          p("eq?", "int -> int -> bool"),
          p("is-prime", "int -> bool"),
          p("is-square", "int -> bool"));

  static Grammar uniform() {
    return Grammar.uniform(PRIMITIVES);
  }

  private static Primitive p(String name, String type) {
    return new Primitive(name, Type.parse(type));
  }
}

package reverie.engine.recognition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Example;

/** DreamCoder's 22 list primitives (types only) and small synthetic tasks for the tests. */
final class TestLibrary {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Type LIST_TO_LIST = Type.parse("list(int) -> list(int)");
  static final Type LIST_TO_INT = Type.parse("list(int) -> int");

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
          p("*", "int -> int -> int"),
          p("mod", "int -> int -> int"),
          p("gt?", "int -> int -> bool"),
          p("eq?", "int -> int -> bool"),
          p("is-prime", "int -> bool"),
          p("is-square", "int -> bool"),
          p("empty", "list(t0)"),
          p("cons", "t0 -> list(t0) -> list(t0)"),
          p("car", "list(t0) -> t0"),
          p("cdr", "list(t0) -> list(t0)"),
          p("empty?", "list(t0) -> bool"),
          p("0", "int"),
          p("1", "int"));

  static final Grammar GRAMMAR = Grammar.uniform(PRIMITIVES);
  static final PrimitiveResolver RESOLVER = PrimitiveResolver.of(PRIMITIVES);

  private TestLibrary() {}

  private static Primitive p(String name, String type) {
    return new Primitive(name, Type.parse(type));
  }

  static Program parse(String text) {
    return Program.parse(text, RESOLVER);
  }

  /** Examples {@code {"i": input, "o": f(input)}} for random short lists. */
  static List<Example> examples(
      SplittableRandom r, java.util.function.Function<List<Long>, Object> f) {
    List<Example> examples = new ArrayList<>();
    for (int e = 0; e < 6; e++) {
      List<Long> in = new ArrayList<>();
      int n = r.nextInt(6);
      for (int i = 0; i < n; i++) {
        in.add((long) r.nextInt(10));
      }
      examples.add(Example.of(List.of(List.copyOf(in)), f.apply(in)));
    }
    return examples;
  }

  /** Two families told apart by their examples: "add one to each" and "length". */
  static List<TrainingTask> twoFamilies(int perFamily, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TrainingTask> tasks = new ArrayList<>();
    Program map = parse("(lambda (map (lambda (+ $0 1)) $0))");
    Program length = parse("(lambda (length $0))");
    for (int i = 0; i < perFamily; i++) {
      tasks.add(
          TrainingTask.of(
              "map-" + i,
              LIST_TO_LIST,
              examples(r, in -> in.stream().map(x -> x + 1).toList()),
              map));
      tasks.add(
          TrainingTask.of("length-" + i, LIST_TO_INT, examples(r, in -> (long) in.size()), length));
    }
    return tasks;
  }
}

package reverie.tasks.lists;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import reverie.dsl.type.Type;
import reverie.tasks.GeneratedTask;
import reverie.tasks.SuiteBuilder;

/**
 * The built-in {@code lists} suite: list functions of the kinds DreamCoder's list domain covers
 * (arithmetic maps, filters, folds, indexing, slicing, counting, recursion-shaped), generated from
 * seeded random inputs.
 *
 * <p>Most families take a constant {@code k}; the DSL has only {@code 0} and {@code 1}, so {@code
 * k} costs {@code k - 1} additions and larger {@code k} are harder to find by enumeration alone.
 * That is the gradient a learned library flattens: once {@code (lambda (map (lambda (+ $0 #k))
 * $0))} or a number is an invention, every member of the family is cheap.
 */
public final class ListSuite {
  private static final Type INT = Type.of("int");
  private static final Type BOOL = Type.of("bool");
  private static final Type INTS = Type.of("list", INT);
  private static final Type BOOLS = Type.of("list", BOOL);
  private static final Type LIST_TO_LIST = Type.arrow(INTS, INTS);
  private static final Type LIST_TO_INT = Type.arrow(INTS, INT);
  private static final Type LIST_TO_BOOL = Type.arrow(INTS, BOOL);
  private static final Type LIST_TO_BOOLS = Type.arrow(INTS, BOOLS);
  private static final Type INT_TO_LIST = Type.arrow(INT, INTS);
  private static final Type INT_TO_INT = Type.arrow(INT, INT);

  private ListSuite() {}

  /** The suite's tasks, 10 to 15 examples each, from {@code seed}. */
  public static ImmutableList<GeneratedTask> generate(long seed) {
    SuiteBuilder b = new SuiteBuilder("lists", seed, 10, 15);
    Function<Random, List<Object>> small = lists(0, 6, 0, 9);
    Function<Random, List<Object>> nonEmpty = lists(1, 6, 0, 9);

    // Arithmetic maps.
    for (int k = 1; k <= 6; k++) {
      final long v = k;
      mapFamily(b, "add-k", k, "(+ $0 " + num(k) + ")", small, x -> x + v);
    }
    for (int k = 1; k <= 6; k++) {
      final long v = k;
      mapFamily(b, "subtract-k", k, "(- $0 " + num(k) + ")", small, x -> x - v);
    }
    for (int k = 2; k <= 6; k++) {
      final long v = k;
      mapFamily(b, "mult-k", k, "(* $0 " + num(k) + ")", small, x -> x * v);
    }
    for (int k = 2; k <= 6; k++) {
      final long v = k;
      mapFamily(
          b,
          "modulo-k",
          k,
          "(mod $0 " + num(k) + ")",
          lists(0, 6, 0, 20),
          x -> Math.floorMod(x, v));
    }
    b.add(
        "square",
        "square",
        LIST_TO_LIST,
        "(lambda (map (lambda (* $0 $0)) $0))",
        small,
        in -> map(in, x -> x * x));
    for (int k = 1; k <= 4; k++) {
      final long v = k;
      mapFamily(b, "double-plus-k", k, "(+ (* $0 (+ 1 1)) " + num(k) + ")", small, x -> 2 * x + v);
    }
    for (int k = 2; k <= 7; k++) {
      final long v = k;
      mapFamily(
          b,
          "clamp-k",
          k,
          "(if (gt? $0 " + num(k) + ") " + num(k) + " $0)",
          lists(0, 6, 0, 12),
          x -> Math.min(x, v));
    }
    for (int k = 1; k <= 5; k++) {
      final long v = k;
      mapFamily(
          b,
          "zero-k",
          k,
          "(if (eq? $0 " + num(k) + ") 0 $0)",
          lists(0, 7, 0, 6),
          x -> x == v ? 0 : x);
    }

    // Building lists: cons at either end, slices, index.
    for (int k = 0; k <= 7; k++) {
      final long v = k;
      b.add(
          "prepend-k",
          "prepend-k with k=" + k,
          LIST_TO_LIST,
          "(lambda (cons " + num(k) + " $0))",
          small,
          in -> cons(v, xs(in)));
    }
    for (int k = 0; k <= 7; k++) {
      final long v = k;
      b.add(
          "append-k",
          "append-k with k=" + k,
          LIST_TO_LIST,
          "(lambda (fold $0 (cons " + num(k) + " empty) (lambda (lambda (cons $1 $0)))))",
          small,
          in -> append(xs(in), v));
    }
    for (int k = 1; k <= 5; k++) {
      final int n = k;
      b.add(
          "drop-k",
          "drop-k with k=" + k,
          LIST_TO_LIST,
          "(lambda " + repeat("cdr", k, "$0") + ")",
          lists(k, k + 5, 0, 9),
          in -> xs(in).subList(n, xs(in).size()));
    }
    for (int k = 1; k <= 5; k++) {
      final int n = k;
      b.add(
          "take-k",
          "take-k with k=" + k,
          LIST_TO_LIST,
          "(lambda (map (lambda (index $0 $1)) (range " + num(k) + ")))",
          lists(k, k + 4, 0, 9),
          in -> xs(in).subList(0, n));
    }
    for (int k = 1; k <= 3; k++) {
      for (int n = 1; n <= 3; n++) {
        final int from = k;
        final int len = n;
        b.add(
            "slice-k-n",
            "slice-k-n with k=" + k + " and n=" + n,
            LIST_TO_LIST,
            "(lambda (map (lambda (index (+ $0 " + num(k) + ") $1)) (range " + num(n) + ")))",
            lists(k + n, k + n + 3, 0, 9),
            in -> xs(in).subList(from, from + len));
      }
    }
    for (int k = 0; k <= 5; k++) {
      final int n = k;
      b.add(
          "index-k",
          "index-k with k=" + k,
          LIST_TO_INT,
          "(lambda (index " + num(k) + " $0))",
          lists(k + 1, k + 5, 0, 9),
          in -> xs(in).get(n));
    }
    b.add("head", "head", LIST_TO_INT, "(lambda (car $0))", nonEmpty, in -> xs(in).get(0));
    b.add(
        "second",
        "second",
        LIST_TO_INT,
        "(lambda (car (cdr $0)))",
        lists(2, 6, 0, 9),
        in -> xs(in).get(1));
    b.add(
        "last",
        "last",
        LIST_TO_INT,
        "(lambda (index (- (length $0) 1) $0))",
        nonEmpty,
        in -> xs(in).get(xs(in).size() - 1));
    b.add(
        "dup-head",
        "dup-head",
        LIST_TO_LIST,
        "(lambda (cons (car $0) $0))",
        nonEmpty,
        in -> cons(xs(in).get(0), xs(in)));
    b.add(
        "pop",
        "pop",
        LIST_TO_LIST,
        "(lambda (map (lambda (index $0 $1)) (range (- (length $0) 1))))",
        nonEmpty,
        in -> xs(in).subList(0, xs(in).size() - 1));
    b.add(
        "swap-first-two",
        "swap-first-two",
        LIST_TO_LIST,
        "(lambda (cons (car (cdr $0)) (cons (car $0) (cdr (cdr $0)))))",
        lists(2, 6, 0, 9),
        in -> {
          List<Long> x = new ArrayList<>(xs(in));
          x.set(0, xs(in).get(1));
          x.set(1, xs(in).get(0));
          return ImmutableList.copyOf(x);
        });
    b.add(
        "rotate-left",
        "rotate-left",
        LIST_TO_LIST,
        "(lambda (fold (cdr $0) (cons (car $0) empty) (lambda (lambda (cons $1 $0)))))",
        nonEmpty,
        in -> append(xs(in).subList(1, xs(in).size()), xs(in).get(0)));
    b.add(
        "reverse",
        "reverse",
        LIST_TO_LIST,
        "(lambda (map (lambda (index (- (- (length $1) 1) $0) $1)) (range (length $0))))",
        small,
        in -> ImmutableList.copyOf(xs(in)).reverse());
    b.add(
        "add-index",
        "add-index",
        LIST_TO_LIST,
        "(lambda (map (lambda (+ (index $0 $1) $0)) (range (length $0))))",
        small,
        in -> {
          ImmutableList.Builder<Object> out = ImmutableList.builder();
          for (int i = 0; i < xs(in).size(); i++) {
            out.add(xs(in).get(i) + i);
          }
          return out.build();
        });

    // Folds to a number.
    b.add(
        "length", "length", LIST_TO_INT, "(lambda (length $0))", small, in -> (long) xs(in).size());
    b.add(
        "sum",
        "sum",
        LIST_TO_INT,
        "(lambda (fold $0 0 (lambda (lambda (+ $1 $0)))))",
        small,
        in -> sum(xs(in), x -> x));
    for (int k = 1; k <= 4; k++) {
      final long v = k;
      b.add(
          "sum-plus-k",
          "sum-plus-k with k=" + k,
          LIST_TO_INT,
          "(lambda (+ (fold $0 0 (lambda (lambda (+ $1 $0)))) " + num(k) + "))",
          small,
          in -> sum(xs(in), x -> x) + v);
    }
    b.add(
        "sum-squares",
        "sum-squares",
        LIST_TO_INT,
        "(lambda (fold $0 0 (lambda (lambda (+ (* $1 $1) $0)))))",
        lists(0, 5, 0, 9),
        in -> sum(xs(in), x -> x * x));
    b.add(
        "product",
        "product",
        LIST_TO_INT,
        "(lambda (fold $0 1 (lambda (lambda (* $1 $0)))))",
        lists(0, 5, 0, 5),
        in -> xs(in).stream().reduce(1L, (a, c) -> a * c));
    b.add(
        "max",
        "max",
        LIST_TO_INT,
        "(lambda (fold (cdr $0) (car $0) (lambda (lambda (if (gt? $1 $0) $1 $0)))))",
        nonEmpty,
        in -> xs(in).stream().max(Long::compare).orElseThrow());
    b.add(
        "min",
        "min",
        LIST_TO_INT,
        "(lambda (fold (cdr $0) (car $0) (lambda (lambda (if (gt? $1 $0) $0 $1)))))",
        nonEmpty,
        in -> xs(in).stream().min(Long::compare).orElseThrow());
    for (int k = 0; k <= 6; k++) {
      final long v = k;
      b.add(
          "count-k",
          "count-k with k=" + k,
          LIST_TO_INT,
          "(lambda (fold $0 0 (lambda (lambda (if (eq? $1 " + num(k) + ") (+ $0 1) $0)))))",
          lists(0, 7, 0, 7),
          in -> count(xs(in), x -> x == v));
    }
    for (int k = 0; k <= 6; k++) {
      final long v = k;
      b.add(
          "count-gt-k",
          "count-gt-k with k=" + k,
          LIST_TO_INT,
          "(lambda (fold $0 0 (lambda (lambda (if (gt? $1 " + num(k) + ") (+ $0 1) $0)))))",
          lists(0, 7, 0, 9),
          in -> count(xs(in), x -> x > v));
    }
    b.add(
        "count-evens",
        "count-evens",
        LIST_TO_INT,
        "(lambda (fold $0 0 (lambda (lambda (if (eq? (mod $1 (+ 1 1)) 0) (+ $0 1) $0)))))",
        lists(0, 7, 0, 9),
        in -> count(xs(in), x -> x % 2 == 0));
    b.add(
        "sum-evens",
        "sum-evens",
        LIST_TO_INT,
        "(lambda (fold $0 0 (lambda (lambda (if (eq? (mod $1 (+ 1 1)) 0) (+ $1 $0) $0)))))",
        lists(0, 7, 0, 9),
        in -> sum(xs(in), x -> x % 2 == 0 ? x : 0));

    // Predicates on the whole list.
    for (int k = 0; k <= 6; k++) {
      final long v = k;
      b.add(
          "has-k",
          "has-k with k=" + k,
          LIST_TO_BOOL,
          "(lambda (gt? (fold $0 0 (lambda (lambda (if (eq? $1 " + num(k) + ") (+ $0 1) $0)))) 0))",
          lists(0, 5, 0, 9),
          in -> count(xs(in), x -> x == v) > 0);
    }
    for (int k = 0; k <= 4; k++) {
      final long v = k;
      b.add(
          "any-gt-k",
          "any-gt-k with k=" + k,
          LIST_TO_BOOL,
          "(lambda (gt? (fold $0 0 (lambda (lambda (if (gt? $1 " + num(k) + ") (+ $0 1) $0)))) 0))",
          lists(0, 4, 0, k + 3),
          in -> count(xs(in), x -> x > v) > 0);
    }
    for (int k = 0; k <= 4; k++) {
      final long v = k;
      b.add(
          "all-gt-k",
          "all-gt-k with k=" + k,
          LIST_TO_BOOL,
          "(lambda (eq? (fold $0 0 (lambda (lambda (if (gt? $1 " + num(k) + ") $0 (+ $0 1))))) 0))",
          lists(0, 4, k, k + 6),
          in -> count(xs(in), x -> x <= v) == 0);
    }
    for (int k = 0; k <= 4; k++) {
      final long v = k;
      b.add(
          "length-is-k",
          "length-is-k with k=" + k,
          LIST_TO_BOOL,
          "(lambda (eq? (length $0) " + num(k) + "))",
          lists(Math.max(0, k - 2), k + 2, 0, 9),
          in -> xs(in).size() == v);
    }
    b.add(
        "is-empty",
        "is-empty",
        LIST_TO_BOOL,
        "(lambda (empty? $0))",
        lists(0, 2, 0, 9),
        in -> xs(in).isEmpty());

    // Element-wise predicates.
    for (int k = 0; k <= 6; k++) {
      final long v = k;
      b.add(
          "map-gt-k",
          "map-gt-k with k=" + k,
          LIST_TO_BOOLS,
          "(lambda (map (lambda (gt? $0 " + num(k) + ")) $0))",
          small,
          in -> mapBool(in, x -> x > v));
    }
    for (int k = 0; k <= 6; k++) {
      final long v = k;
      b.add(
          "map-eq-k",
          "map-eq-k with k=" + k,
          LIST_TO_BOOLS,
          "(lambda (map (lambda (eq? $0 " + num(k) + ")) $0))",
          lists(0, 6, 0, 7),
          in -> mapBool(in, x -> x == v));
    }
    b.add(
        "map-is-even",
        "map-is-even",
        LIST_TO_BOOLS,
        "(lambda (map (lambda (eq? (mod $0 (+ 1 1)) 0)) $0))",
        small,
        in -> mapBool(in, x -> x % 2 == 0));
    b.add(
        "map-is-prime",
        "map-is-prime",
        LIST_TO_BOOLS,
        "(lambda (map (lambda (is-prime $0)) $0))",
        lists(0, 6, 0, 30),
        in -> mapBool(in, ListSuite::isPrime));
    b.add(
        "map-is-square",
        "map-is-square",
        LIST_TO_BOOLS,
        "(lambda (map (lambda (is-square $0)) $0))",
        lists(0, 6, 1, 30),
        in -> mapBool(in, x -> (long) Math.sqrt(x) * (long) Math.sqrt(x) == x));

    // Filters.
    for (int k = 0; k <= 7; k++) {
      final long v = k;
      filterFamily(b, "keep-gt-k", k, "(gt? $1 " + num(k) + ")", lists(0, 7, 0, 12), x -> x > v);
    }
    for (int k = 2; k <= 8; k++) {
      final long v = k;
      filterFamily(b, "keep-lt-k", k, "(gt? " + num(k) + " $1)", lists(0, 7, 0, 12), x -> x < v);
    }
    for (int k = 2; k <= 5; k++) {
      final long v = k;
      filterFamily(
          b,
          "keep-mod-k",
          k,
          "(eq? (mod $1 " + num(k) + ") 0)",
          lists(0, 7, 0, 15),
          x -> x % v == 0);
    }
    for (int k = 2; k <= 5; k++) {
      final long v = k;
      filterFamily(
          b,
          "remove-mod-k",
          k,
          "(gt? (mod $1 " + num(k) + ") 0)",
          lists(0, 7, 0, 15),
          x -> x % v != 0);
    }
    for (int k = 0; k <= 6; k++) {
      final long v = k;
      b.add(
          "remove-k",
          "remove-k with k=" + k,
          LIST_TO_LIST,
          "(lambda (fold $0 empty (lambda (lambda (if (eq? $1 " + num(k) + ") $0 (cons $1 $0))))))",
          lists(0, 7, 0, 7),
          in -> filter(xs(in), x -> x != v));
    }
    b.add(
        "square-evens",
        "square-evens",
        LIST_TO_LIST,
        "(lambda (fold $0 empty (lambda (lambda (if (eq? (mod $1 (+ 1 1)) 0) (cons (* $1 $1) $0)"
            + " $0)))))",
        small,
        in -> {
          ImmutableList.Builder<Object> out = ImmutableList.builder();
          for (long x : xs(in)) {
            if (x % 2 == 0) {
              out.add(x * x);
            }
          }
          return out.build();
        });

    // From a number.
    b.add(
        "range",
        "range",
        INT_TO_LIST,
        "(lambda (range $0))",
        integer(0, 15),
        in -> range(0, n(in)));
    b.add(
        "range-from-1",
        "range-from-1",
        INT_TO_LIST,
        "(lambda (map (lambda (+ $0 1)) (range $0)))",
        integer(0, 15),
        in -> range(1, n(in) + 1));
    b.add(
        "countdown",
        "countdown",
        INT_TO_LIST,
        "(lambda (unfold $0 (lambda (eq? $0 0)) (lambda $0) (lambda (- $0 1))))",
        integer(0, 15),
        in -> {
          ImmutableList.Builder<Object> out = ImmutableList.builder();
          for (long i = n(in); i > 0; i--) {
            out.add(i);
          }
          return out.build();
        });
    for (int k = 1; k <= 6; k++) {
      final int times = k;
      b.add(
          "repeat-k",
          "repeat-k with k=" + k,
          INT_TO_LIST,
          "(lambda (map (lambda $1) (range " + num(k) + ")))",
          integer(0, 20),
          in -> ImmutableList.copyOf(java.util.Collections.nCopies(times, (Object) n(in))));
    }
    for (int k = 1; k <= 6; k++) {
      final long v = k;
      b.add(
          "int-add-k",
          "int-add-k with k=" + k,
          INT_TO_INT,
          "(lambda (+ $0 " + num(k) + "))",
          integer(0, 30),
          in -> n(in) + v);
    }
    for (int k = 2; k <= 5; k++) {
      final long v = k;
      b.add(
          "int-mult-k",
          "int-mult-k with k=" + k,
          INT_TO_INT,
          "(lambda (* $0 " + num(k) + "))",
          integer(0, 30),
          in -> n(in) * v);
    }
    return b.build();
  }

  /** The DSL's spelling of a small natural number with only {@code 0}, {@code 1} and {@code +}. */
  public static String num(int k) {
    if (k == 0) {
      return "0";
    }
    String s = "1";
    for (int i = 1; i < k; i++) {
      s = "(+ 1 " + s + ")";
    }
    return s;
  }

  private static void mapFamily(
      SuiteBuilder b,
      String family,
      int k,
      String body,
      Function<Random, List<Object>> inputs,
      LongUnaryOperator f) {
    b.add(
        family,
        family + " with k=" + k,
        LIST_TO_LIST,
        "(lambda (map (lambda " + body + ") $0))",
        inputs,
        in -> map(in, f));
  }

  private static void filterFamily(
      SuiteBuilder b,
      String family,
      int k,
      String condition,
      Function<Random, List<Object>> inputs,
      LongPredicate keep) {
    b.add(
        family,
        family + " with k=" + k,
        LIST_TO_LIST,
        "(lambda (fold $0 empty (lambda (lambda (if " + condition + " (cons $1 $0) $0)))))",
        inputs,
        in -> filter(xs(in), keep));
  }

  private static String repeat(String function, int times, String argument) {
    String s = argument;
    for (int i = 0; i < times; i++) {
      s = "(" + function + " " + s + ")";
    }
    return s;
  }

  private static Function<Random, List<Object>> lists(
      int minLength, int maxLength, int lo, int hi) {
    return random -> {
      int length = minLength + random.nextInt(maxLength - minLength + 1);
      ImmutableList.Builder<Object> list = ImmutableList.builder();
      for (int i = 0; i < length; i++) {
        list.add((long) (lo + random.nextInt(hi - lo + 1)));
      }
      return ImmutableList.of(list.build());
    };
  }

  private static Function<Random, List<Object>> integer(int lo, int hi) {
    return random -> ImmutableList.of((long) (lo + random.nextInt(hi - lo + 1)));
  }

  @SuppressWarnings("unchecked")
  private static List<Long> xs(List<Object> inputs) {
    return (List<Long>) (List<?>) inputs.get(0);
  }

  private static long n(List<Object> inputs) {
    return (Long) inputs.get(0);
  }

  private static ImmutableList<Object> map(List<Object> inputs, LongUnaryOperator f) {
    ImmutableList.Builder<Object> out = ImmutableList.builder();
    for (long x : xs(inputs)) {
      out.add(f.applyAsLong(x));
    }
    return out.build();
  }

  private static ImmutableList<Object> mapBool(List<Object> inputs, LongPredicate p) {
    ImmutableList.Builder<Object> out = ImmutableList.builder();
    for (long x : xs(inputs)) {
      out.add(p.test(x));
    }
    return out.build();
  }

  private static ImmutableList<Object> filter(List<Long> xs, LongPredicate keep) {
    ImmutableList.Builder<Object> out = ImmutableList.builder();
    for (long x : xs) {
      if (keep.test(x)) {
        out.add(x);
      }
    }
    return out.build();
  }

  private static long count(List<Long> xs, LongPredicate p) {
    long n = 0;
    for (long x : xs) {
      if (p.test(x)) {
        n++;
      }
    }
    return n;
  }

  private static long sum(List<Long> xs, LongUnaryOperator f) {
    long s = 0;
    for (long x : xs) {
      s += f.applyAsLong(x);
    }
    return s;
  }

  private static ImmutableList<Object> cons(Object head, List<?> tail) {
    return ImmutableList.builder().add(head).addAll(tail).build();
  }

  private static ImmutableList<Object> append(List<?> list, Object last) {
    return ImmutableList.builder().addAll(list).add(last).build();
  }

  private static ImmutableList<Object> range(long from, long to) {
    ImmutableList.Builder<Object> out = ImmutableList.builder();
    for (long i = from; i < to; i++) {
      out.add(i);
    }
    return out.build();
  }

  private static boolean isPrime(long x) {
    if (x < 2) {
      return false;
    }
    for (long d = 2; d * d <= x; d++) {
      if (x % d == 0) {
        return false;
      }
    }
    return true;
  }
}

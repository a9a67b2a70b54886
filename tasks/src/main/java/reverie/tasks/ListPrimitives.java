package reverie.tasks;

import static reverie.dsl.eval.Curried.fn1;
import static reverie.dsl.eval.Curried.fn2;
import static reverie.dsl.eval.Curried.metered1;
import static reverie.dsl.eval.Curried.metered2;
import static reverie.dsl.eval.Curried.metered3;
import static reverie.dsl.eval.Curried.metered4;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.Curried;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.FunctionValue;
import reverie.dsl.eval.ListValue;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.type.Type;

/**
 * The 16 list primitives of DreamCoder's bootstrap target ({@code bootstrapTarget()} in {@code
 * dreamcoder/domains/list/listPrimitives.py}), shared by the list and text domains.
 *
 * <p>Semantics follow DreamCoder; where its Python and OCaml implementations disagree, partial
 * functions fail rather than guess: {@code car}, {@code cdr} and {@code index} fail outside the
 * list (OCaml; Python gives {@code cdr [] = []} and negative indices from the end); {@code range n}
 * fails for {@code n >= 100} (Python); {@code unfold} fails when its predicate has not stopped it
 * within 50 tests, so its lists have at most 49 elements (Python's recursion limit of 50); {@code
 * +} and {@code -} fail on 64-bit overflow (Python's integers are unbounded, OCaml's wrap around).
 */
public final class ListPrimitives {
  private ListPrimitives() {}

  public static final Type INT = Type.of("int");
  public static final Type BOOL = Type.of("bool");

  /** Largest argument of {@code range}, exclusive, as in DreamCoder's Python {@code _range}. */
  static final long RANGE_LIMIT = 100;

  /** Tests of {@code unfold}'s predicate before it fails, DreamCoder's {@code recursion_limit}. */
  static final int UNFOLD_LIMIT = 50;

  // The failures of the primitives below, returned rather than thrown (see Curried): half of the
  // programs an enumeration checks fail in one of them, mostly car, cdr, index and unfold.
  static final EvaluationException CAR_OF_EMPTY = new EvaluationException("car of an empty list");
  static final EvaluationException CDR_OF_EMPTY = new EvaluationException("cdr of an empty list");
  static final EvaluationException INDEX_OUT_OF_RANGE =
      new EvaluationException("index out of range");
  static final EvaluationException RANGE_TOO_LARGE =
      new EvaluationException("range of " + RANGE_LIMIT + " or more");
  static final EvaluationException UNFOLD_TOO_LONG =
      new EvaluationException("unfold did not stop within " + UNFOLD_LIMIT + " steps");
  static final EvaluationException OVERFLOW = new EvaluationException("integer overflow");

  private static final Pattern INTEGER_LITERAL = Pattern.compile("-?[0-9]{1,19}");

  /** {@code list(t)}. */
  public static Type list(Type element) {
    return Type.of("list", element);
  }

  /**
   * The primitives in DreamCoder's order: map unfold range index fold length if + - empty cons car
   * cdr empty? 0 1.
   */
  public static ImmutableList<Primitive> core() {
    Type t0 = Type.variable(0);
    Type t1 = Type.variable(1);
    return ImmutableList.of(
        new Primitive("map", Type.arrow(Type.arrow(t0, t1), list(t0), list(t1))),
        new Primitive(
            "unfold",
            Type.arrow(t0, Type.arrow(t0, BOOL), Type.arrow(t0, t1), Type.arrow(t0, t0), list(t1))),
        new Primitive("range", Type.arrow(INT, list(INT))),
        new Primitive("index", Type.arrow(INT, list(t0), t0)),
        new Primitive("fold", Type.arrow(list(t0), t1, Type.arrow(t0, t1, t1), t1)),
        new Primitive("length", Type.arrow(list(t0), INT)),
        new Primitive("if", Type.arrow(BOOL, t0, t0, t0)),
        new Primitive("+", Type.arrow(INT, INT, INT)),
        new Primitive("-", Type.arrow(INT, INT, INT)),
        new Primitive("empty", list(t0)),
        new Primitive("cons", Type.arrow(t0, list(t0), list(t0))),
        new Primitive("car", Type.arrow(list(t0), t0)),
        new Primitive("cdr", Type.arrow(list(t0), list(t0))),
        new Primitive("empty?", Type.arrow(list(t0), BOOL)),
        new Primitive("0", INT),
        new Primitive("1", INT));
  }

  /**
   * The symmetry rules of {@link #core()}, shared by the list and text domains: DreamCoder's
   * enumerator's ({@code violates_symmetry} in {@code solvers/enumeration.ml}) for these
   * primitives, the list, and shapes found by measuring which equivalent programs the
   * enumerator meets most. Each rewrite keeps the output wherever the left side succeeds (see
   * {@link SymmetryRule}).
   */
  public static SymmetryRules coreSymmetries() {
    return SymmetryRules.parse(
        PrimitiveResolver.of(core()),
        List.of(
            // Constructors taken apart again, and partial functions of the empty list.
            "(car (cons ?a ?b)) -> ?a",
            "(cdr (cons ?a ?b)) -> ?b",
            "(car empty)",
            "(cdr empty)",
            "(index ?i empty)",
            "(empty? empty)",
            "(empty? (cons ?a ?b))",
            "(length empty) -> 0",
            "(fold empty ?z ?f) -> ?z",
            "(map ?f empty) -> empty",
            "(range 0) -> empty",
            "(car (range ?n)) -> 0",
            "(index ?i (range ?n)) -> ?i",
            "(index 0 ?l) -> (car ?l)",
            "(index 1 (cons ?a ?b)) -> (car ?b)",
            // The same size, but one of the two ways to take the second element is enough.
            "(index 1 ?l) -> (car (cdr ?l))",
            "(fold ?l ?z (lambda (lambda $0))) -> ?z",
            "(fold ?l empty (lambda (lambda empty))) -> empty",
            "(fold ?l ?z (lambda (lambda ?c))) -> (if (empty? ?l) ?z ?c) if closed ?c",
            // Identities and neutral elements.
            "(map (lambda $0) ?l) -> ?l",
            "(length (map ?f ?l)) -> (length ?l)",
            "(empty? (map ?f ?l)) -> (empty? ?l)",
            // Taking an element of a map: the function applied to the element.
            "(car (map (lambda ?b) ?l)) -> ((lambda ?b) (car ?l)) if once ?b",
            "(index ?i (map (lambda ?b) ?l)) -> ((lambda ?b) (index ?i ?l)) if once ?b",
            "(cdr (map ?f ?l)) -> (map ?f (cdr ?l))",
            "(map (lambda ?b) (cons ?a empty)) -> (cons ((lambda ?b) ?a) empty) if once ?b",
            "(cons (car ?l) (cdr ?l)) -> ?l",
            "(map (lambda ?c) (map ?f ?l)) -> (map (lambda ?c) ?l) if closed ?c",
            // Lengths: of a cons, of a range of a length, of a tail plus one.
            "(length (cons ?a ?b)) -> (+ 1 (length ?b))",
            "(length (range (length ?l))) -> (length ?l)",
            "(empty? (range (length ?l))) -> (empty? ?l)",
            "(+ 1 (length (cdr ?l))) -> (length ?l)",
            "(+ 0 ?a) -> ?a",
            "(+ ?a 0) -> ?a",
            "(- ?a 0) -> ?a",
            "(- ?a ?a) -> 0",
            "(- 0 (- 0 ?a)) -> ?a",
            "(- (+ ?a ?b) ?a) -> ?b",
            "(- (+ ?a ?b) ?b) -> ?a",
            "(+ ?a (- ?b ?a)) -> ?b",
            "(if ?c ?a ?a) -> ?a",
            // A condition without a variable is a constant: one branch does the same.
            "(if ?c ?a ?b) if closed ?c",
            // A stop test that ignores its argument makes an empty list or never stops.
            "(unfold ?x (lambda ?p) ?h ?n) if closed ?p",
            // Sums are right-nested and ordered.
            "(+ (+ ?a ?b) ?c) -> (+ ?a (+ ?b ?c))",
            "(+ ?a ?b) -> (+ ?b ?a) if ?b < ?a",
            "(+ ?a (+ ?b ?c)) -> (+ ?b (+ ?a ?c)) if ?b < ?a"));
  }

  /**
   * Resolves the names of {@code primitives}, and decimal integer literals such as {@code 99} as
   * {@code int} constants outside the grammar (the evaluator gives them their value).
   */
  public static PrimitiveResolver withIntegerLiterals(Collection<Primitive> primitives) {
    PrimitiveResolver named = PrimitiveResolver.of(primitives);
    return name -> {
      Optional<Primitive> p = named.resolve(name);
      return p.isPresent() || !isLong(name) ? p : Optional.of(new Primitive(name, INT));
    };
  }

  /** Whether {@code name} is a decimal integer literal that fits in 64 bits. */
  private static boolean isLong(String name) {
    if (!INTEGER_LITERAL.matcher(name).matches()) {
      return false;
    }
    try {
      Long.parseLong(name);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The implementations of {@link #core()}, by name. */
  public static ImmutableMap<String, Object> coreImplementations() {
    return ImmutableMap.<String, Object>builder()
        .put("map", metered2(ListPrimitives::map))
        .put("unfold", metered4(ListPrimitives::unfold))
        .put("range", metered1(ListPrimitives::range))
        .put("index", fn2(ListPrimitives::index))
        .put("fold", metered3(ListPrimitives::fold))
        .put("length", fn1((List<?> l) -> (long) l.size()))
        .put("if", Curried.IF)
        .put("+", fn2(ListPrimitives::add))
        .put("-", fn2(ListPrimitives::subtract))
        .put("empty", ListValue.EMPTY)
        .put("cons", metered2(ListPrimitives::cons))
        .put("car", fn1(ListPrimitives::car))
        .put("cdr", fn1(ListPrimitives::cdr))
        .put("empty?", fn1((List<?> l) -> l.isEmpty()))
        .put("0", 0L)
        .put("1", 1L)
        .buildOrThrow();
  }

  // The higher-order primitives call their functions with attempt and pass a failure on as their
  // own (see Curried): a candidate's lambda fails inside map, fold or unfold about as often as car
  // fails outside one.
  private static Object map(FunctionValue f, List<?> l, Budget budget) {
    budget.allocate(l.size());
    Object[] out = new Object[l.size()];
    for (int i = 0; i < out.length; i++) {
      Object y = f.attempt(l.get(i), budget);
      if (y instanceof EvaluationException) {
        return y;
      }
      out[i] = y;
    }
    return ListValue.wrap(out);
  }

  private static Object unfold(
      Object seed, FunctionValue stop, FunctionValue head, FunctionValue next, Budget budget) {
    List<Object> out = new ArrayList<>();
    Object x = seed;
    for (int tests = 0; ; tests++) {
      if (tests == UNFOLD_LIMIT) {
        return UNFOLD_TOO_LONG;
      }
      Object stops = stop.attempt(x, budget);
      if (stops instanceof EvaluationException) {
        return stops;
      }
      if ((Boolean) stops) {
        return ListValue.wrap(out.toArray());
      }
      budget.allocate(1);
      Object y = head.attempt(x, budget);
      if (y instanceof EvaluationException) {
        return y;
      }
      out.add(y);
      Object after = next.attempt(x, budget);
      if (after instanceof EvaluationException) {
        return after;
      }
      if (after.equals(x)) {
        // A fixed point: programs are pure, so the predicate, head and step will give what they
        // gave for x again and again until the limit. Failing now gives the same verdict without
        // the remaining tests; it matters because such unfolds (a constant or identity step) are a
        // large share of what the enumerator meets, and each ran 50 tests to fail.
        return UNFOLD_TOO_LONG;
      }
      x = after;
    }
  }

  private static Object range(Long n, Budget budget) {
    if (n >= RANGE_LIMIT) {
      return RANGE_TOO_LARGE;
    }
    if (n <= 0) {
      return ListValue.EMPTY;
    }
    // Charged as if built, so that the memory bound means the same as for any other list.
    budget.allocate(n);
    return RANGES.subList(0, n.intValue());
  }

  /**
   * 0 .. RANGE_LIMIT - 1, shared by every {@code range}: lists are immutable, and learned libraries
   * call {@code range} inside their hottest inventions ({@code (map (lambda (index $0 $1)) (range
   * n))}), where building it afresh took a quarter of the wake's time.
   */
  private static final ListValue RANGES = ranges();

  private static ListValue ranges() {
    Object[] out = new Object[(int) RANGE_LIMIT];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) i;
    }
    return ListValue.wrap(out);
  }

  private static Object index(Long i, List<?> l) {
    if (i < 0 || i >= l.size()) {
      return INDEX_OUT_OF_RANGE;
    }
    return l.get(i.intValue());
  }

  /** Right fold: {@code fold [a, b] z f = f a (f b z)}. */
  private static Object fold(List<?> l, Object zero, FunctionValue f, Budget budget) {
    Object acc = zero;
    for (int i = l.size() - 1; i >= 0; i--) {
      acc = f.attempt2(l.get(i), acc, budget);
      if (acc instanceof EvaluationException) {
        return acc;
      }
    }
    return acc;
  }

  private static Object add(Long x, Long y) {
    long r = x + y;
    // Overflow iff both operands have the sign opposite to the result's.
    if (((x ^ r) & (y ^ r)) < 0) {
      return OVERFLOW;
    }
    return r;
  }

  private static Object subtract(Long x, Long y) {
    long r = x - y;
    if (((x ^ y) & (x ^ r)) < 0) {
      return OVERFLOW;
    }
    return r;
  }

  private static Object cons(Object head, List<?> tail, Budget budget) {
    budget.allocate(tail.size() + 1);
    return ListValue.cons(head, tail);
  }

  private static Object car(List<?> l) {
    if (l.isEmpty()) {
      return CAR_OF_EMPTY;
    }
    return l.get(0);
  }

  private static Object cdr(List<?> l) {
    if (l.isEmpty()) {
      return CDR_OF_EMPTY;
    }
    return l.subList(1, l.size());
  }
}

package reverie.tasks.lists;

import static reverie.dsl.eval.Curried.fn1;
import static reverie.dsl.eval.Curried.fn2;
import static reverie.tasks.ListPrimitives.BOOL;
import static reverie.tasks.ListPrimitives.INT;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.type.Type;
import reverie.tasks.BuiltInSuite;
import reverie.tasks.Domain;
import reverie.tasks.Featurizer;
import reverie.tasks.JsonValues;
import reverie.tasks.ListPrimitives;
import reverie.tasks.SequenceFeaturizer;
import reverie.tasks.SymmetryRules;

/**
 * DreamCoder's list domain: the 22 primitives of its list experiments ({@code
 * bootstrapTarget_extra()}), the 16 core list primitives of {@link ListPrimitives} plus {@code *
 * mod gt? eq? is-prime is-square}.
 *
 * <p>{@code mod} is Python's {@code %} (the result takes the divisor's sign) and fails for a zero
 * divisor; {@code *} fails on 64-bit overflow; {@code is-prime} knows the primes below 200 only, as
 * DreamCoder; {@code is-square} fails for negative numbers (Python's {@code math.sqrt} raises) and
 * is exact beyond 2^52.
 */
public final class ListDomain implements Domain {
  // Returned by the primitives below, not thrown (see Curried).
  static final EvaluationException MOD_BY_ZERO = new EvaluationException("mod by zero");
  static final EvaluationException OVERFLOW = new EvaluationException("integer overflow");
  static final EvaluationException SQUARE_OF_NEGATIVE =
      new EvaluationException("is-square of a negative number");

  private static final long MAX_ROOT = 3_037_000_499L;
  private static final ImmutableSet<Long> PRIMES_BELOW_200 = primesBelow(200);

  private final ImmutableList<Primitive> primitives =
      ImmutableList.<Primitive>builder()
          .addAll(ListPrimitives.core())
          .add(new Primitive("*", Type.arrow(INT, INT, INT)))
          .add(new Primitive("mod", Type.arrow(INT, INT, INT)))
          .add(new Primitive("gt?", Type.arrow(INT, INT, BOOL)))
          .add(new Primitive("eq?", Type.arrow(INT, INT, BOOL)))
          .add(new Primitive("is-prime", Type.arrow(INT, BOOL)))
          .add(new Primitive("is-square", Type.arrow(INT, BOOL)))
          .build();

  private final ImmutableMap<String, Object> implementations =
      ImmutableMap.<String, Object>builder()
          .putAll(ListPrimitives.coreImplementations())
          .put("*", fn2(ListDomain::multiply))
          .put("mod", fn2(ListDomain::mod))
          .put("gt?", fn2((Long x, Long y) -> x > y))
          .put("eq?", fn2((Long x, Long y) -> x.longValue() == y.longValue()))
          .put("is-prime", fn1((Long n) -> PRIMES_BELOW_200.contains(n)))
          .put("is-square", fn1(ListDomain::isSquare))
          .buildOrThrow();

  private final ImmutableList<BuiltInSuite> suites =
      ImmutableList.of(
          new BuiltInSuite(
              "lists",
              "204 list functions in 56 families of graded difficulty, with reference programs",
              () -> ListSuite.generate(BuiltInSuite.SEED)));

  private final Featurizer featurizer = SequenceFeaturizer.smallValues("lists", this::valueToJson);

  private final SymmetryRules symmetries =
      ListPrimitives.coreSymmetries()
          .plus(
              SymmetryRules.parse(
                  PrimitiveResolver.of(primitives),
                  List.of(
                      // DreamCoder's rules for * (violates_symmetry), with the order of + for its
                      // operands.
                      "(* 0 ?a) -> 0",
                      "(* ?a 0) -> 0",
                      "(* 1 ?a) -> ?a",
                      "(* ?a 1) -> ?a",
                      "(* (* ?a ?b) ?c) -> (* ?a (* ?b ?c))",
                      "(* ?a ?b) -> (* ?b ?a) if ?b < ?a",
                      "(* ?a (* ?b ?c)) -> (* ?b (* ?a ?c)) if ?b < ?a",
                      "(eq? ?a ?b) -> (eq? ?b ?a) if ?b < ?a",
                      // Comparisons of a length with 0 or 1.
                      "(eq? 0 (length ?l)) -> (empty? ?l)",
                      "(gt? 1 (length ?l)) -> (empty? ?l)",
                      "(gt? 0 (length ?l))",
                      // mod by 0 fails, by 1 (or by itself) is 0; 0 mod anything is 0.
                      "(mod ?a 0)",
                      "(mod ?a 1) -> 0",
                      "(mod 0 ?a) -> 0",
                      "(mod ?a ?a) -> 0")));

  @Override
  public String name() {
    return "lists";
  }

  @Override
  public String description() {
    return "DreamCoder's list functions: 22 primitives over int, bool and list(t)";
  }

  @Override
  public ImmutableList<Primitive> primitives() {
    return primitives;
  }

  @Override
  public ImmutableMap<String, Object> implementations() {
    return implementations;
  }

  /**
   * The core list rules ({@link ListPrimitives#coreSymmetries()}) and those of {@code * mod eq?}.
   */
  @Override
  public SymmetryRules symmetries() {
    return symmetries;
  }

  @Override
  public ImmutableList<Type> baseTypes() {
    return ImmutableList.of(INT, BOOL, ListPrimitives.list(Type.variable(0)));
  }

  /** The built-in {@code lists} suite: 204 tasks in 56 families of graded difficulty. */
  @Override
  public ImmutableList<BuiltInSuite> suites() {
    return suites;
  }

  /** Small integers as their own tokens, as for text; a checkpoint stores the name "lists". */
  @Override
  public Featurizer featurizer() {
    return featurizer;
  }

  /**
   * Resolves the primitives' names, and integer literals such as {@code 99} outside the grammar.
   */
  @Override
  public PrimitiveResolver resolver() {
    return ListPrimitives.withIntegerLiterals(primitives);
  }

  @Override
  public Object valueFromJson(JsonNode json, Type type) {
    return JsonValues.fromJson(json, type);
  }

  @Override
  public JsonNode valueToJson(Object value, Type type) {
    return JsonValues.toJson(value, type);
  }

  private static Object multiply(Long x, Long y) {
    long hi = Math.multiplyHigh(x, y);
    long lo = x * y;
    if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
      return OVERFLOW;
    }
    return lo;
  }

  private static Object mod(Long x, Long y) {
    if (y == 0) {
      return MOD_BY_ZERO;
    }
    return Math.floorMod(x.longValue(), y.longValue());
  }

  private static Object isSquare(Long n) {
    if (n < 0) {
      return SQUARE_OF_NEGATIVE;
    }
    // The double square root can be off by one beyond 2^52; step to the exact integer root, staying
    // below
    // the root of Long.MAX_VALUE so that squares do not overflow.
    long s = Math.min((long) Math.sqrt(n), MAX_ROOT);
    while (s * s > n) {
      s--;
    }
    while (s < MAX_ROOT && (s + 1) * (s + 1) <= n) {
      s++;
    }
    return s * s == n;
  }

  private static ImmutableSet<Long> primesBelow(int bound) {
    ImmutableSet.Builder<Long> primes = ImmutableSet.builder();
    for (long n = 2; n < bound; n++) {
      boolean prime = true;
      for (long d = 2; d * d <= n; d++) {
        prime &= n % d != 0;
      }
      if (prime) {
        primes.add(n);
      }
    }
    return primes.build();
  }
}

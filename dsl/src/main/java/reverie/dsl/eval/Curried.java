package reverie.dsl.eval;

/**
 * Builds the curried function values of primitives from Java lambdas of 1 to 4 arguments, for
 * domains: {@code Curried.fn2((Long x, Long y) -> x + y)}. The {@code metered} variants also
 * receive the run's {@link Budget}, to charge the list cells they allocate. A primitive fails by
 * throwing an {@link EvaluationException}, or by returning one: the enumerator's checker then sees
 * the failure without the cost of unwinding an exception (the evaluator throws it either way),
 * which pays where failing is common (the car of an empty list). A primitive never returns one as a
 * value.
 *
 * <p>Applied to all its arguments at once in a program, a primitive is called directly; only
 * partial applications build intermediate function values.
 */
public final class Curried {
  private Curried() {}

  /**
   * DreamCoder's {@code if : bool -> t0 -> t0 -> t0}, lazy in its branches when applied to all
   * three.
   */
  public static final FunctionValue IF =
      metered3(
          (Boolean condition, Object then, Object otherwise, Budget b) ->
              condition ? then : otherwise);

  /** A primitive of one argument. */
  public interface F1<A> {
    Object apply(A a);
  }

  /** A primitive of two arguments. */
  public interface F2<A, B> {
    Object apply(A a, B b);
  }

  /** A primitive of three arguments. */
  public interface F3<A, B, C> {
    Object apply(A a, B b, C c);
  }

  /** A primitive of four arguments. */
  public interface F4<A, B, C, D> {
    Object apply(A a, B b, C c, D d);
  }

  /** A primitive of one argument that uses the budget. */
  public interface M1<A> {
    Object apply(A a, Budget budget);
  }

  /** A primitive of two arguments that uses the budget. */
  public interface M2<A, B> {
    Object apply(A a, B b, Budget budget);
  }

  /** A primitive of three arguments that uses the budget. */
  public interface M3<A, B, C> {
    Object apply(A a, B b, C c, Budget budget);
  }

  /** A primitive of four arguments that uses the budget. */
  public interface M4<A, B, C, D> {
    Object apply(A a, B b, C c, D d, Budget budget);
  }

  public static <A> FunctionValue fn1(F1<A> f) {
    return metered1((A a, Budget b) -> f.apply(a));
  }

  public static <A, B> FunctionValue fn2(F2<A, B> f) {
    return metered2((A a, B b, Budget budget) -> f.apply(a, b));
  }

  public static <A, B, C> FunctionValue fn3(F3<A, B, C> f) {
    return metered3((A a, B b, C c, Budget budget) -> f.apply(a, b, c));
  }

  public static <A, B, C, D> FunctionValue fn4(F4<A, B, C, D> f) {
    return metered4((A a, B b, C c, D d, Budget budget) -> f.apply(a, b, c, d));
  }

  @SuppressWarnings("unchecked")
  public static <A> FunctionValue metered1(M1<A> f) {
    return new PrimitiveFunction.One((M1<Object>) f);
  }

  @SuppressWarnings("unchecked")
  public static <A, B> FunctionValue metered2(M2<A, B> f) {
    return new PrimitiveFunction.Two((M2<Object, Object>) f);
  }

  @SuppressWarnings("unchecked")
  public static <A, B, C> FunctionValue metered3(M3<A, B, C> f) {
    return new PrimitiveFunction.Three((M3<Object, Object, Object>) f);
  }

  @SuppressWarnings("unchecked")
  public static <A, B, C, D> FunctionValue metered4(M4<A, B, C, D> f) {
    return new PrimitiveFunction.Four((M4<Object, Object, Object, Object>) f);
  }
}

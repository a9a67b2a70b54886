package reverie.dsl.eval;

import java.util.Arrays;

/**
 * A curried primitive of known arity. Compiled programs call it directly when all its arguments are
 * present ({@link Node.Call}); otherwise {@link Partial} collects the arguments one by one.
 *
 * <p>An implementation fails by throwing an {@link EvaluationException} or by returning one (see
 * {@link Curried}); every path here but {@link #attempt} and its kin throws it.
 */
abstract class PrimitiveFunction implements FunctionValue {

  abstract int arity();

  /**
   * Calls the primitive with exactly {@link #arity()} arguments, charging one step; a failure may
   * be returned.
   */
  abstract Object attemptCall(Object[] arguments, Budget budget);

  /** Calls the primitive with exactly {@link #arity()} arguments, charging one step. */
  final Object call(Object[] arguments, Budget budget) {
    return thrown(attemptCall(arguments, budget));
  }

  /** {@code result}, unless it is a failure an implementation returned: that is thrown. */
  static Object thrown(Object result) {
    if (result instanceof EvaluationException failure) {
      throw failure;
    }
    return result;
  }

  @Override
  public Object apply(Object argument, Budget budget) {
    return new Partial(this, new Object[] {argument});
  }

  @Override
  public Object applyAll(Object[] arguments, Budget budget) {
    return arguments.length == arity()
        ? call(arguments, budget)
        : FunctionValue.super.applyAll(arguments, budget);
  }

  @Override
  public Object attemptAll(Object[] arguments, Budget budget) {
    return arguments.length == arity()
        ? attemptCall(arguments, budget)
        : FunctionValue.super.applyAll(arguments, budget);
  }

  /** A primitive applied to fewer arguments than its arity. */
  static final class Partial implements FunctionValue {
    private final PrimitiveFunction function;
    private final Object[] arguments;

    Partial(PrimitiveFunction function, Object[] arguments) {
      this.function = function;
      this.arguments = arguments;
    }

    @Override
    public Object apply(Object argument, Budget budget) {
      Object[] more = Arrays.copyOf(arguments, arguments.length + 1);
      more[arguments.length] = argument;
      return more.length == function.arity()
          ? function.call(more, budget)
          : new Partial(function, more);
    }
  }

  static final class One extends PrimitiveFunction {
    final Curried.M1<Object> f;

    One(Curried.M1<Object> f) {
      this.f = f;
    }

    @Override
    int arity() {
      return 1;
    }

    @Override
    public Object apply(Object argument, Budget budget) {
      return thrown(attempt(argument, budget));
    }

    @Override
    public Object attempt(Object argument, Budget budget) {
      budget.step();
      return f.apply(argument, budget);
    }

    @Override
    Object attemptCall(Object[] a, Budget budget) {
      return attempt(a[0], budget);
    }
  }

  static final class Two extends PrimitiveFunction {
    final Curried.M2<Object, Object> f;

    Two(Curried.M2<Object, Object> f) {
      this.f = f;
    }

    @Override
    int arity() {
      return 2;
    }

    @Override
    public Object apply2(Object first, Object second, Budget budget) {
      return thrown(attempt2(first, second, budget));
    }

    @Override
    public Object attempt2(Object first, Object second, Budget budget) {
      budget.step();
      return f.apply(first, second, budget);
    }

    @Override
    Object attemptCall(Object[] a, Budget budget) {
      return attempt2(a[0], a[1], budget);
    }
  }

  static final class Three extends PrimitiveFunction {
    final Curried.M3<Object, Object, Object> f;

    Three(Curried.M3<Object, Object, Object> f) {
      this.f = f;
    }

    @Override
    int arity() {
      return 3;
    }

    @Override
    public Object apply2(Object first, Object second, Budget budget) {
      return new Partial(this, new Object[] {first, second});
    }

    @Override
    Object attemptCall(Object[] a, Budget budget) {
      budget.step();
      return f.apply(a[0], a[1], a[2], budget);
    }
  }

  static final class Four extends PrimitiveFunction {
    final Curried.M4<Object, Object, Object, Object> f;

    Four(Curried.M4<Object, Object, Object, Object> f) {
      this.f = f;
    }

    @Override
    int arity() {
      return 4;
    }

    @Override
    public Object apply2(Object first, Object second, Budget budget) {
      return new Partial(this, new Object[] {first, second});
    }

    @Override
    Object attemptCall(Object[] a, Budget budget) {
      budget.step();
      return f.apply(a[0], a[1], a[2], a[3], budget);
    }
  }
}

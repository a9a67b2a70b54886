package reverie.dsl.eval;

/**
 * A function at run time: a closure of the program, a primitive, or a primitive partially applied.
 * Every function is curried; the budget of the current run travels with each call, so one compiled
 * program can run in several threads at once.
 */
public interface FunctionValue {

  /** Applies this function to one argument. */
  Object apply(Object argument, Budget budget);

  /**
   * Applies this function to two arguments; implementations skip the intermediate function value.
   */
  default Object apply2(Object first, Object second, Budget budget) {
    return ((FunctionValue) apply(first, budget)).apply(second, budget);
  }

  /**
   * Applies this function to all of {@code arguments} in turn (the array is the callee's to keep);
   * a primitive of that arity skips the partial applications in between.
   */
  default Object applyAll(Object[] arguments, Budget budget) {
    Object value = this;
    for (Object a : arguments) {
      value = ((FunctionValue) value).apply(a, budget);
    }
    return value;
  }

  /**
   * Like {@link #apply}, except that a failure may come back as a returned {@link
   * EvaluationException} instead of being thrown: a primitive's that it returned (see {@link
   * Curried}), or a closure's where its evaluator supports it. The caller must look; a value is
   * never an exception. A checker that runs millions of candidates, most of which fail, calls this:
   * a thrown exception costs the runtime a search for its handler in every compiled frame it
   * crosses, a returned one a type check.
   */
  default Object attempt(Object argument, Budget budget) {
    return apply(argument, budget);
  }

  /** {@link #apply2} as {@link #attempt} is to {@link #apply}. */
  default Object attempt2(Object first, Object second, Budget budget) {
    return apply2(first, second, budget);
  }

  /** {@link #applyAll} as {@link #attempt} is to {@link #apply}. */
  default Object attemptAll(Object[] arguments, Budget budget) {
    return applyAll(arguments, budget);
  }
}

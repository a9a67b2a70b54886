package reverie.dsl.eval;

/**
 * Any failure while running a program: a partial primitive applied outside its domain (car of an
 * empty list, division by zero), an exhausted budget, or recursion too deep for the stack.
 * Stackless, because the enumerator throws and catches millions of them; it is counted at the "run
 * program on example" boundary, never logged per candidate.
 */
public final class EvaluationException extends RuntimeException {
  static final EvaluationException STEPS = budget("step budget exceeded");
  static final EvaluationException TIME = budget("time budget exceeded");
  static final EvaluationException CELLS = budget("allocation budget exceeded (list cells)");
  static final EvaluationException DEEP = budget("recursion too deep for the stack");

  private final boolean budgetExceeded;

  /** A failure inside a primitive; shared instances are fine, since the exception is immutable. */
  public EvaluationException(String message) {
    this(message, false);
  }

  private EvaluationException(String message, boolean budgetExceeded) {
    super(message, null, false, false);
    this.budgetExceeded = budgetExceeded;
  }

  private static EvaluationException budget(String message) {
    return new EvaluationException(message, true);
  }

  /**
   * The failure of a run whose recursion overflowed the Java stack: a budget failure, like running
   * out of steps, whichever evaluator ran it.
   */
  public static EvaluationException tooDeep() {
    return DEEP;
  }

  /** Whether the run ran out of steps, time, cells or stack, rather than failing in a primitive. */
  public boolean budgetExceeded() {
    return budgetExceeded;
  }
}

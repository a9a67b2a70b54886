package reverie.dsl.type;

/**
 * Two types that cannot be unified, reported as a sentence: "cannot unify int -> int with
 * list(t0)".
 */
public final class TypeError extends reverie.dsl.InputException {
  private final Type left;
  private final Type right;

  public TypeError(Type left, Type right, String detail) {
    super(
        "cannot unify " + left + " with " + right + (detail.isEmpty() ? "" : " (" + detail + ")"));
    this.left = left;
    this.right = right;
  }

  private TypeError(String message, Type left, Type right) {
    super(message);
    this.left = left;
    this.right = right;
  }

  /** An error that is not a failed unification, such as a variable with no binder. */
  public static TypeError of(String message) {
    return new TypeError(message, null, null);
  }

  /** The same error with where it happened (a program, a task) in front of it. */
  public TypeError within(String where) {
    return new TypeError(where + ": " + getMessage(), left, right);
  }

  public Type left() {
    return left;
  }

  public Type right() {
    return right;
  }
}

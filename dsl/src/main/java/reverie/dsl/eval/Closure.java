package reverie.dsl.eval;

/** A lambda of the program together with the environment it was evaluated in. */
final class Closure implements FunctionValue {
  private final Node body;
  private final Env env;

  Closure(Node body, Env env) {
    this.body = body;
    this.env = env;
  }

  @Override
  public Object apply(Object argument, Budget budget) {
    budget.step();
    return body.eval(new Env(argument, env), budget);
  }

  @Override
  public Object apply2(Object first, Object second, Budget budget) {
    if (body instanceof Node.Lambda inner) {
      // (lambda (lambda b)) applied to two arguments: bind both without building the inner closure.
      budget.step();
      budget.step();
      return inner.body.eval(new Env(second, new Env(first, env)), budget);
    }
    return FunctionValue.super.apply2(first, second, budget);
  }
}

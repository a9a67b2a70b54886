package reverie.dsl.eval;

import java.util.List;

/** A program compiled by {@link Evaluator}: immutable, so it may run in several threads at once. */
public final class CompiledProgram {
  /** {@code stripped[k]} is the program under its first {@code k} lambdas. */
  private final Node[] stripped;

  CompiledProgram(Node root) {
    int lambdas = 0;
    for (Node n = root; n instanceof Node.Lambda l; n = l.body) {
      lambdas++;
    }
    stripped = new Node[lambdas + 1];
    Node n = root;
    for (int k = 0; k <= lambdas; k++) {
      stripped[k] = n;
      n = n instanceof Node.Lambda l ? l.body : null;
    }
  }

  /**
   * Applies the program to {@code inputs} (none for a constant program) within {@code budget},
   * which is reset first; returns the value or throws {@link EvaluationException}.
   */
  public Object run(List<Object> inputs, Budget budget) {
    budget.start();
    try {
      // The leading lambdas bind the inputs directly, without building closures.
      int k = Math.min(stripped.length - 1, inputs.size());
      Env env = null;
      for (int i = 0; i < k; i++) {
        env = new Env(inputs.get(i), env);
      }
      Object value = stripped[k].eval(env, budget);
      for (int i = k; i < inputs.size(); i++) {
        if (!(value instanceof FunctionValue f)) {
          throw new IllegalArgumentException(
              "the program takes fewer than " + inputs.size() + " arguments");
        }
        value = f.apply(inputs.get(i), budget);
      }
      return value;
    } catch (StackOverflowError e) {
      throw EvaluationException.DEEP;
    }
  }
}

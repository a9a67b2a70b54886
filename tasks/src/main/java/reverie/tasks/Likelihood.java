package reverie.tasks;

import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationException;

/**
 * How well a program explains a task, in nats: the hook for domains whose tasks are not judged by
 * exact output equality (noisy or graded tasks). {@link #EXACT} is the one list and text tasks use.
 */
@FunctionalInterface
public interface Likelihood {

  /**
   * DreamCoder's likelihood: 0 when the program reproduces every example exactly, minus infinity
   * otherwise. Stops at the first failing example, since the rest cannot change the answer; a run
   * that fails (an {@link EvaluationException}: a partial primitive, an exhausted budget) counts as
   * a mismatch.
   */
  Likelihood EXACT =
      (task, program, budget) -> {
        for (Example e : task.examples()) {
          Object actual;
          try {
            actual = program.run(e.inputs(), budget);
          } catch (EvaluationException failed) {
            return Double.NEGATIVE_INFINITY;
          }
          if (!e.output().equals(actual)) {
            return Double.NEGATIVE_INFINITY;
          }
        }
        return 0.0;
      };

  /**
   * The log-likelihood of {@code task}'s examples under {@code program}, each run within {@code
   * budget} (which {@link CompiledProgram#run} resets per run).
   */
  double logLikelihood(Task task, CompiledProgram program, Budget budget);
}

package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.program.Program;
import reverie.tasks.Example;
import reverie.tasks.Likelihood;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * Scores candidates on tasks for one worker thread: the fast path runs the enumerator's incremental
 * {@link Code} and applies the domain's likelihood, stopping at the first example that does not
 * match; a candidate that passes is then scored by the {@link Scorer} itself, whose verdict is the
 * one that counts. Owns mutable budgets: one checker per thread.
 */
final class TaskChecker {
  private final Scorer scorer;
  private final Likelihood likelihood;
  private final Budget official;
  private Budget shared;
  // The last fast run: its code, inputs and outcome (an output, or Code.FAILED). The enumerator
  // checks each program against every task still searching, and tasks often share their inputs
  // (every LOGO task runs on the start state): a program is then run once per distinct input, not
  // once per task. Code is immutable and runs deterministically (budget failures are re-run on a
  // fresh budget), so a remembered outcome is the one a new run would give.
  private Code lastCode;
  private java.util.List<Object> lastInputs;
  private Object lastOutput;

  TaskChecker(Scorer scorer) {
    this.scorer = scorer;
    this.likelihood = scorer.likelihood();
    this.official = scorer.meter();
    this.shared = scorer.meter();
  }

  /**
   * Whether fast-path {@code code} matches every example of {@code task} (a finite log-likelihood).
   *
   * <p>Only the evaluator can restart a {@link Budget}, and a fresh one per run costs an allocation
   * and a clock read, which adds up over millions of short runs. So runs share one budget, whose
   * counters and clock carry over, and a run that exceeds it is run again with a fresh budget: the
   * verdict is always that of a fresh budget.
   */
  boolean passes(Code code, Task task) {
    // Indexed, not for-each: an ImmutableList iterator per candidate and task shows in profiles.
    ImmutableList<Example> examples = task.examples();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      Object out = runFast(code, e);
      if (out == Code.FAILED
          || likelihood.logLikelihood(out, e.output()) == Double.NEGATIVE_INFINITY) {
        return false;
      }
    }
    return true;
  }

  /** The output of {@code code} on {@code e}'s inputs, or {@link Code#FAILED}. */
  private Object runFast(Code code, Example e) {
    if (code == lastCode && sameInputs(e.inputs(), lastInputs)) {
      return lastOutput;
    }
    lastCode = code;
    lastInputs = e.inputs();
    lastOutput = runFresh(code, e);
    return lastOutput;
  }

  /**
   * Whether two input tuples are the same values: element by element identity, which is cheap and
   * enough (tasks that share inputs share the value objects, as LOGO's start state).
   */
  private static boolean sameInputs(java.util.List<Object> a, java.util.List<Object> b) {
    if (a == b) {
      return true;
    }
    if (b == null || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  private Object runFresh(Code code, Example e) {
    Object out = Code.attempt(code, e.inputs(), shared);
    if (out == Code.FAILED && Code.pending().budgetExceeded()) {
      shared = scorer.meter();
      out = Code.attempt(code, e.inputs(), shared);
    }
    return out;
  }

  /** Compiles {@code program} with the official evaluator. */
  CompiledProgram compile(Program program) {
    return scorer.compile(program);
  }

  /** The official log-likelihood of {@code task} under {@code program}. */
  double logLikelihood(CompiledProgram program, Task task) {
    return scorer.logLikelihood(task, program, official);
  }
}

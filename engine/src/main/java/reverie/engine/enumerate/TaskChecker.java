package reverie.engine.enumerate;

import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.program.Program;
import reverie.tasks.Domains;

/**
 * Runs programs on tasks' examples with a bounded evaluation, stopping at the first failing
 * example. One checker per thread: it owns a mutable {@link Budget}.
 */
final class TaskChecker {
  private final Map<String, Evaluator> evaluators = new HashMap<>();
  private final Budget budget;
  private final long steps;
  private final long nanos;
  private final long cells;
  private Budget shared;

  TaskChecker(long steps, long nanos, long cells) {
    this.budget = Budget.of(steps, nanos, cells);
    this.steps = steps;
    this.nanos = nanos;
    this.cells = cells;
    this.shared = Budget.of(steps, nanos, cells);
  }

  /**
   * Whether fast-path {@code code} maps each input to its output.
   *
   * <p>Only the evaluator can restart a {@link Budget}, and a fresh one per run costs an allocation
   * and a clock read, which adds up over millions of short runs. So runs share one budget, whose
   * counters and clock carry over, and a run that exceeds it is run again with a fresh budget: the
   * verdict is always that of a fresh budget.
   */
  boolean passes(Code code, List<List<Object>> inputs, List<Object> outputs) {
    for (int i = 0; i < inputs.size(); i++) {
      Object out;
      try {
        out = runFast(code, inputs.get(i));
      } catch (EvaluationException failed) {
        return false;
      }
      if (!Objects.equals(outputs.get(i), out)) {
        return false;
      }
    }
    return true;
  }

  private Object runFast(Code code, List<Object> input) {
    try {
      return Code.run(code, input, shared);
    } catch (EvaluationException e) {
      if (!e.budgetExceeded()) {
        throw e;
      }
      shared = Budget.of(steps, nanos, cells);
      return Code.run(code, input, shared);
    }
  }

  /** The evaluator of a task's domain (one per domain, made on first use). */
  Evaluator evaluator(String domain) {
    Evaluator e = evaluators.get(domain);
    if (e == null) {
      e = new Evaluator(ImmutableMap.copyOf(Domains.byName(domain).implementations()));
      evaluators.put(domain, e);
    }
    return e;
  }

  CompiledProgram compile(Program p, String domain) {
    return evaluator(domain).compile(p);
  }

  /** Whether {@code program} maps each of {@code inputs} to the output at the same position. */
  boolean passes(CompiledProgram program, List<List<Object>> inputs, List<Object> outputs) {
    for (int i = 0; i < inputs.size(); i++) {
      Object out;
      try {
        out = program.run(inputs.get(i), budget);
      } catch (EvaluationException failed) {
        return false;
      }
      if (!Objects.equals(outputs.get(i), out)) {
        return false;
      }
    }
    return true;
  }
}

package reverie.tasks;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;

/**
 * The outcome of running one program on every example of a task (unlike {@link Likelihood#EXACT},
 * it does not stop at the first failure): what {@code reverie check} prints and the tests of
 * reference solutions use.
 */
public record CheckReport(Task task, Program program, ImmutableList<ExampleResult> results) {

  public CheckReport {
    results = ImmutableList.copyOf(results);
  }

  /**
   * Parses {@code programText} with the primitives of the task's domain, checks that it has the
   * task's request type, compiles it and runs it on every example with {@link Budget#standard()}.
   * Bad program text or a type mismatch is an {@link reverie.dsl.InputException}; failing examples
   * are results, not errors.
   */
  public static CheckReport check(Task task, String programText) {
    Domain domain = Domains.byName(task.domain());
    Program program = Program.parse(programText, domain.resolver());
    TypeInference.check(program, task.request());
    CompiledProgram compiled = new Evaluator(domain.implementations()).compile(program);
    return run(task, program, compiled, Budget.standard());
  }

  /** Runs an already compiled {@code program} (whose source is {@code source}) on every example. */
  public static CheckReport run(Task task, Program source, CompiledProgram program, Budget budget) {
    ImmutableList.Builder<ExampleResult> results = ImmutableList.builder();
    for (int i = 0; i < task.examples().size(); i++) {
      Example e = task.examples().get(i);
      ExampleResult result;
      try {
        result =
            new ExampleResult(i, e, Optional.of(program.run(e.inputs(), budget)), Optional.empty());
      } catch (EvaluationException failed) {
        result = new ExampleResult(i, e, Optional.empty(), Optional.of(failed.getMessage()));
      }
      results.add(result);
    }
    return new CheckReport(task, source, results.build());
  }

  /** Whether every example passed. */
  public boolean passed() {
    return passedCount() == results.size();
  }

  /** How many examples passed. */
  public int passedCount() {
    int n = 0;
    for (ExampleResult r : results) {
      if (r.passed()) {
        n++;
      }
    }
    return n;
  }

  /** The first failing example, if any. */
  public Optional<ExampleResult> firstFailure() {
    for (ExampleResult r : results) {
      if (!r.passed()) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}

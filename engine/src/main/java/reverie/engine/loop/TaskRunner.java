package reverie.engine.loop;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Example;
import reverie.tasks.Task;
import reverie.tasks.TaskValues;

/**
 * Runs programs on the examples of a run's tasks: to re-check rewritten frontier programs after
 * compression, and to show an invention applied to a real input in {@code reverie library}.
 */
public final class TaskRunner implements LibraryReport.ExampleRunner {
  private final ImmutableMap<String, Task> tasks;
  private final Evaluator evaluator;

  public TaskRunner(Map<String, Task> tasks, Domain domain) {
    this.tasks = ImmutableMap.copyOf(tasks);
    this.evaluator = new Evaluator(domain.implementations());
  }

  /**
   * Whether {@code program} gives every example's output of the task (within the standard budget).
   */
  public boolean solves(String task, Program program) {
    Task t = tasks.get(task);
    if (t == null) {
      return false;
    }
    try {
      var compiled = evaluator.compile(program);
      Budget budget = Budget.standard();
      for (Example e : t.examples()) {
        if (!e.output().equals(compiled.run(e.inputs(), budget))) {
          return false;
        }
      }
      return true;
    } catch (EvaluationException | InputException e) {
      return false;
    }
  }

  /**
   * The application evaluated on the task's first example, when it sits directly under the
   * program's own lambdas (its free variables are then the task's inputs): {@code (f0 (cdr $0)) on
   * [1, 2] = [2]}.
   */
  @Override
  public Optional<String> run(String task, Program application, int lambdas, LibraryView view) {
    Task t = tasks.get(task);
    if (t == null || lambdas != t.arity()) {
      return Optional.empty();
    }
    Program closed = Program.lambdas(lambdas, application);
    try {
      Type type = TypeInference.infer(closed);
      Type result = type;
      for (int i = 0; i < lambdas; i++) {
        result = result.resultType();
      }
      if (result.isArrow() || result.isPolymorphic()) {
        return Optional.empty();
      }
      Example e = t.examples().get(0);
      Object value = evaluator.compile(closed).run(e.inputs(), Budget.standard());
      List<Type> inputTypes = t.inputTypes();
      StringBuilder inputs = new StringBuilder();
      for (int i = 0; i < e.inputs().size(); i++) {
        inputs
            .append(i == 0 ? "" : ", ")
            .append('$')
            .append(e.inputs().size() - 1 - i)
            .append(" = ")
            .append(TaskValues.show(e.inputs().get(i), inputTypes.get(i)));
      }
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s with %s gives %s  (task %s)",
              view.readable(application),
              inputs,
              TaskValues.show(value, result),
              task));
    } catch (EvaluationException | InputException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}

package reverie.engine.loop;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Example;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * Runs programs on the examples of a run's tasks: to re-check rewritten frontier programs after
 * compression, and to show an invention applied to a real input in {@code reverie library}.
 */
public final class TaskRunner implements LibraryReport.ExampleRunner {
  private final ImmutableMap<String, Task> tasks;
  private final Scorer scorer;
  private final Domain domain;

  public TaskRunner(Map<String, Task> tasks, Scorer scorer) {
    this.tasks = ImmutableMap.copyOf(tasks);
    this.scorer = scorer;
    this.domain = scorer.domain();
  }

  /** Whether {@code program} solves the task, as the scorer of the whole run decides. */
  public boolean solves(String task, Program program) {
    Task t = tasks.get(task);
    return t != null && scorer.solves(t, program);
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
      Object value = scorer.compile(closed).run(e.inputs(), scorer.meter());
      List<Type> inputTypes = t.inputTypes();
      StringBuilder inputs = new StringBuilder();
      for (int i = 0; i < e.inputs().size(); i++) {
        inputs
            .append(i == 0 ? "" : ", ")
            .append('$')
            .append(e.inputs().size() - 1 - i)
            .append(" = ")
            .append(domain.show(e.inputs().get(i), inputTypes.get(i)));
      }
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s with %s gives %s  (task %s)",
              view.readable(application),
              inputs,
              domain.show(value, result),
              task));
    } catch (EvaluationException | InputException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}

package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
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
    return apply(task, application, lambdas, 0, view)
        .map(
            a ->
                String.format(
                    Locale.ROOT,
                    "%s with %s gives %s  (task %s)",
                    a.application(),
                    String.join(", ", a.inputs()),
                    a.output(),
                    task));
  }

  /**
   * An application of an invention evaluated on one example of a task.
   *
   * @param application the application as {@link LibraryView#readable} prints it
   * @param inputs each input as {@code $i = value}, the first input first
   * @param output the value the application gives, as the domain shows it
   * @param value the output value itself, for a caller that draws it
   * @param type the output's type
   */
  public record Applied(
      String task,
      int example,
      String application,
      ImmutableList<String> inputs,
      String output,
      Object value,
      Type type) {}

  /**
   * The application evaluated on example {@code example} of the task, when it sits directly under
   * the program's own lambdas and gives a first-order value; empty otherwise or when it fails.
   */
  public Optional<Applied> apply(
      String task, Program application, int lambdas, int example, LibraryView view) {
    Task t = tasks.get(task);
    if (t == null || lambdas != t.arity() || example < 0 || example >= t.examples().size()) {
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
      Example e = t.examples().get(example);
      Object value = scorer.compile(closed).run(e.inputs(), scorer.meter());
      List<Type> inputTypes = t.inputTypes();
      ImmutableList.Builder<String> inputs = ImmutableList.builder();
      for (int i = 0; i < e.inputs().size(); i++) {
        // The first input is bound by the outermost lambda: de Bruijn index arity - 1.
        inputs.add(
            "$"
                + (e.inputs().size() - 1 - i)
                + " = "
                + domain.show(e.inputs().get(i), inputTypes.get(i)));
      }
      return Optional.of(
          new Applied(
              task,
              example,
              view.readable(application),
              inputs.build(),
              domain.show(value, result),
              value,
              result));
    } catch (EvaluationException | InputException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}

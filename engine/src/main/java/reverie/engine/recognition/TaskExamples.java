package reverie.engine.recognition;

import com.google.common.collect.ImmutableList;
import java.util.List;
import reverie.tasks.Example;
import reverie.tasks.Task;

/** Adapters from the task model: a task's inputs for dreaming, and a task as a replay. */
public final class TaskExamples {
  private TaskExamples() {}

  /** The task's input tuples, for fantasies of its request type. */
  public static Dreamer.Inputs inputs(Task task) {
    ImmutableList.Builder<ImmutableList<Object>> tuples = ImmutableList.builder();
    for (Example e : task.examples()) {
      tuples.add(ImmutableList.copyOf(e.inputs()));
    }
    return new Dreamer.Inputs(task.name(), task.request(), tuples.build());
  }

  /** The inputs of every task, for {@link Dreamer#of}. */
  public static List<Dreamer.Inputs> inputs(List<Task> tasks) {
    return tasks.stream().map(TaskExamples::inputs).toList();
  }

  /** A replay: the task with its frontier. */
  public static TrainingTask training(Task task, List<TrainingTask.Entry> frontier) {
    return new TrainingTask(
        task.name(), task.request(), task.examples(), ImmutableList.copyOf(frontier));
  }
}

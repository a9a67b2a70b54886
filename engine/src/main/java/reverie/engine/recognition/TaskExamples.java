package reverie.engine.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import reverie.dsl.type.Type;
import reverie.tasks.Example;
import reverie.tasks.Task;
import reverie.tasks.TaskValues;

/**
 * Adapters from the task model: a task's examples as the JSON the featurizers read, and its inputs
 * for dreaming.
 */
public final class TaskExamples {
  private TaskExamples() {}

  /** The examples as {@code [{"inputs": [...], "output": ...}, ...]}. */
  public static JsonNode json(Task task) {
    List<Type> inputTypes = task.inputTypes();
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Example e : task.examples()) {
      ObjectNode o = array.addObject();
      ArrayNode in = o.putArray("inputs");
      for (int i = 0; i < e.inputs().size(); i++) {
        in.add(TaskValues.toJson(e.inputs().get(i), inputTypes.get(i)));
      }
      o.set("output", TaskValues.toJson(e.output(), task.outputType()));
    }
    return array;
  }

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
        task.name(), task.request(), json(task), ImmutableList.copyOf(frontier));
  }
}

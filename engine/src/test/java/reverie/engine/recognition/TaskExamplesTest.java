package reverie.engine.recognition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import reverie.dsl.grammar.Grammar;
import reverie.tasks.Domains;
import reverie.tasks.Suites;
import reverie.tasks.Task;

/** Built-in tasks reach the model through {@link TaskExamples}. */
class TaskExamplesTest {

  @Test
  void tasksBecomeJsonInputsAndReplays() {
    Task task = Suites.byName("lists").tasks().get(0);
    JsonNode json = TaskExamples.json(task);
    assertEquals(task.examples().size(), json.size());
    assertEquals(task.arity(), json.get(0).get("inputs").size());
    assertEquals(task.examples().size(), TaskExamples.inputs(task).tuples().size());

    Grammar grammar = Grammar.uniform(Domains.byName("lists").primitives());
    RecognitionModel model = RecognitionModel.create(grammar, "lists", 3);
    assertEquals(model.predict(task.name(), task.request(), json), model.predict(task));
    assertArrayEquals(model.embed(task.name(), task.request(), json), model.embed(task));
    assertEquals(64, model.embed(task).length);
    assertEquals(64, model.embeddingSize());

    var program =
        reverie.dsl.program.Program.parse("(lambda $0)", Domains.byName("lists").resolver());
    TrainingTask replay = TaskExamples.training(task, List.of(new TrainingTask.Entry(program, 0)));
    assertEquals(json, replay.examples());
  }
}

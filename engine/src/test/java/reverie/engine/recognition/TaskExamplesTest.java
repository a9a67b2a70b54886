package reverie.engine.recognition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import reverie.dsl.grammar.Grammar;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Suites;
import reverie.tasks.Task;

/** Built-in tasks reach the model through {@link TaskExamples}. */
class TaskExamplesTest {

  @Test
  void tasksBecomeInputsAndReplays() {
    Task task = Suites.byName("lists").tasks().get(0);
    assertEquals(task.examples().size(), TaskExamples.inputs(task).tuples().size());

    Domain lists = Domains.installed().byName("lists");
    Grammar grammar = Grammar.uniform(lists.primitives());
    RecognitionModel model = RecognitionModel.create(grammar, lists, 3);
    assertEquals(model.predict(task.request(), task.examples()), model.predict(task));
    assertArrayEquals(model.embed(task.request(), task.examples()), model.embed(task));
    assertEquals(64, model.embed(task).length);
    assertEquals(64, model.embeddingSize());

    var program = reverie.dsl.program.Program.parse("(lambda $0)", lists.resolver());
    TrainingTask replay = TaskExamples.training(task, List.of(new TrainingTask.Entry(program, 0)));
    assertEquals(task.examples(), replay.examples());
  }
}

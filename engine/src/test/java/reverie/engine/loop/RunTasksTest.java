package reverie.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.InputException;
import reverie.tasks.Domains;

/** A run's split: the suite's own marks with {@code --split dreamcoder}, or a seeded fraction. */
class RunTasksTest {
  @TempDir Path dir;

  private Path file(boolean marked) throws IOException {
    StringBuilder tasks = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      tasks
          .append(i == 0 ? "" : ",")
          .append("{\"name\": \"t")
          .append(i)
          .append("\", \"request\": \"int -> int\",")
          .append(marked && i < 2 ? " \"train\": true," : "")
          .append(" \"examples\": [{\"inputs\": [1], \"output\": ")
          .append(i)
          .append("}]}");
    }
    Path f = dir.resolve(marked ? "marked.json" : "plain.json");
    Files.writeString(f, "{\"domain\": \"lists\", \"tasks\": [" + tasks + "]}");
    return f;
  }

  private static RunConfig config(Path file, boolean own) {
    RunConfig d = RunConfig.defaults();
    return new RunConfig(
            Optional.empty(),
            Optional.of(file.toString()),
            0.5,
            1,
            1,
            d.batchSize(),
            d.topK(),
            d.maxArity(),
            d.structurePenalty(),
            d.pseudoCounts(),
            10,
            true,
            true,
            1,
            0)
        .withOwnSplit(own);
  }

  @Test
  void theOwnSplitTakesTheMarkedTasks() throws IOException {
    RunTasks tasks = RunTasks.of(config(file(true), true), Domains.installed());
    assertEquals(List.of("t0", "t1"), tasks.split().train());
    assertEquals(List.of("t2", "t3", "t4", "t5"), tasks.split().test());
    RunTasks seeded = RunTasks.of(config(file(true), false), Domains.installed());
    assertEquals(3, seeded.split().train().size());
  }

  @Test
  void withoutAGivenSplitASuiteThatMarksItsTrainingTasksIsSplitThatWay() throws IOException {
    RunTasks marked = RunTasks.withDefaultSplit(config(file(true), false), Domains.installed());
    assertTrue(marked.config().ownSplit(), "the resolved config is what config.json records");
    assertEquals(List.of("t0", "t1"), marked.split().train());
    RunTasks plain = RunTasks.withDefaultSplit(config(file(false), false), Domains.installed());
    assertFalse(plain.config().ownSplit());
    assertEquals(3, plain.split().train().size());
  }

  @Test
  void anOwnSplitOfASuiteWithoutMarksIsAnInputError() throws IOException {
    RunConfig c = config(file(false), true);
    InputException e =
        assertThrows(InputException.class, () -> RunTasks.of(c, Domains.installed()));
    assertTrue(e.getMessage().contains("marks no training tasks of its own"), e.getMessage());
  }

  @Test
  void theOwnSplitIsSavedAndOlderConfigsReadWithout() throws IOException {
    RunConfig c = config(file(true), true);
    ObjectNode json = c.toJson();
    assertTrue(json.get("own_split").booleanValue());
    assertEquals(c, RunConfig.fromJson(json, "config.json"));
    json.remove("own_split");
    assertFalse(RunConfig.fromJson(json, "config.json").ownSplit());
  }
}

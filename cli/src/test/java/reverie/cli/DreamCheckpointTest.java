package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reverie dream --checkpoint}: fantasies from a run's library on its tasks' inputs. */
class DreamCheckpointTest {
  @TempDir Path tmp;

  @Test
  void dreamsOnTheRunsTaskInputs() throws IOException {
    Path run = RunFixture.run();
    CliRun r =
        CliRun.of("dream", "--checkpoint", run.toString(), "-n", "5", "--seed", "3", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals("lists", doc.get("domain").asText());
    assertTrue(doc.get("fantasies").size() >= 1, r.out());
    Set<String> runTasks = new HashSet<>();
    new ObjectMapper()
        .readTree(RunFixture.tinySuite())
        .get("tasks")
        .forEach(t -> runTasks.add(t.get("name").asText()));
    for (JsonNode f : doc.get("fantasies")) {
      assertTrue(runTasks.contains(f.get("inputs_from").asText()), f.toString());
      assertEquals("list(int) -> list(int)", f.get("request").asText());
    }
    CliRun again =
        CliRun.of("dream", "--checkpoint", run.toString(), "-n", "5", "--seed", "3", "--json");
    assertEquals(r.out(), again.out());
  }

  @Test
  void aMissingRunIsOneLine() {
    CliRun r = CliRun.of("dream", "--checkpoint", tmp.resolve("none").toString());
    assertEquals(3, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals(2, CliRun.of("dream", "--iteration", "1").exitCode());
    assertTrue(CliRun.of("dream", "--help").out().contains("--checkpoint"));
  }
}

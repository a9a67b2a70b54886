package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reverie solve --checkpoint}: a run's library and recognition model on its own tasks. */
class SolveCheckpointTest {
  @TempDir Path tmp;

  @Test
  void solvesTheRunsTestTasksWithAndWithoutRecognition() throws IOException {
    Path run = RunFixture.run();
    CliRun r =
        CliRun.of(
            "solve",
            "--checkpoint",
            run.toString(),
            "--split",
            "test",
            "--timeout",
            "1",
            "--threads",
            "1",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("recognition model"), r.err());
    // As the run's test phase did: half of each task's budget under the prior, half under the
    // model.
    assertTrue(r.err().contains("50% of each task's budget under its library's contextual prior"));
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(3, j.get("total").intValue());
    assertTrue(j.get("solved").intValue() >= 1, r.out());

    CliRun plain =
        CliRun.of(
            "solve",
            "--checkpoint",
            run.toString(),
            "--iteration",
            "1",
            "--no-recognition",
            "--timeout",
            "1",
            "--threads",
            "1",
            "--json");
    assertEquals(0, plain.exitCode(), plain.err());
    assertTrue(plain.err().contains("contextual prior"), plain.err());
    assertEquals(6, new ObjectMapper().readTree(plain.out()).get("total").intValue());
  }

  @Test
  void comparesRecognitionWithTheLibraryGrammar() throws IOException {
    Path run = RunFixture.run();
    CliRun r =
        CliRun.of(
            "solve",
            "--checkpoint",
            run.toString(),
            "--split",
            "test",
            "--compare-recognition",
            "--timeout",
            "1",
            "--threads",
            "1",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    List<String> keys = new ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "solved_recognition",
            "solved_grammar",
            "tasks_compared",
            "mean_log_prior_recognition",
            "mean_log_prior_grammar",
            "median_programs_recognition",
            "median_programs_grammar"),
        keys);
    int compared = j.get("tasks_compared").intValue();
    assertTrue(
        compared
            <= Math.min(j.get("solved_recognition").intValue(), j.get("solved_grammar").intValue()),
        r.out());
    assertTrue(compared >= 1, r.out());
    assertTrue(j.get("mean_log_prior_grammar").doubleValue() < 0, r.out());
    assertTrue(j.get("median_programs_grammar").doubleValue() >= 1, r.out());

    CliRun text =
        CliRun.of(
            "solve",
            "--checkpoint",
            run.toString(),
            "--split",
            "test",
            "--compare-recognition",
            "--timeout",
            "1",
            "--threads",
            "1");
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("median_programs_recognition"), text.out());
  }

  @Test
  void badCheckpointsAreOneLineErrors() {
    CliRun missing = CliRun.of("solve", "--checkpoint", tmp.resolve("nope").toString());
    assertEquals(3, missing.exitCode());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    assertTrue(missing.err().contains("does not exist"), missing.err());
    CliRun notRun = CliRun.of("solve", "--checkpoint", tmp.toString());
    assertEquals(3, notRun.exitCode());
    CliRun usage = CliRun.of("solve", "--compare-recognition");
    assertEquals(2, usage.exitCode());
  }

  @Test
  void aCorruptCheckpointIsOneLine() throws IOException {
    Path copy = tmp.resolve("copy");
    try (var files = Files.walk(RunFixture.run())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = copy.resolve(RunFixture.run().relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path grammar = copy.resolve("iteration-001").resolve("grammar.json");
    Files.writeString(grammar, Files.readString(grammar).substring(0, 20));
    for (String command : new String[] {"solve", "dream"}) {
      CliRun r = CliRun.of(command, "--checkpoint", copy.toString());
      assertEquals(3, r.exitCode(), command + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
    CliRun embed = CliRun.of("embed", copy.toString(), "--out", tmp.resolve("e.npy").toString());
    assertEquals(3, embed.exitCode(), embed.err());
    CliRun compare = CliRun.of("compare", copy.toString(), "--train-sae");
    assertEquals(3, compare.exitCode(), compare.err());
  }

  @Test
  void helpExplainsTheCheckpointOptions() {
    CliRun r = CliRun.of("solve", "--help");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("--checkpoint"), r.out() + r.err());
    assertTrue(r.out().contains("--compare-recognition"), r.out());
    assertTrue(r.out().contains("--no-recognition"), r.out());
  }
}

package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.engine.enumerate.FrontierJson;
import reverie.tasks.Domains;

class SolveCommandTest {
  @Test
  void solvesNamedDreamCoderTasksAndWritesFrontiersThatCheckPasses(@TempDir Path dir)
      throws Exception {
    String file = TasksCommandTest.shared("list_tasks.json").toString();
    Path out = dir.resolve("frontiers.json");
    CliRun run =
        CliRun.of(
            "solve",
            "--file",
            file,
            "--task",
            "tail",
            "--task",
            "drop-k with k=2",
            "--timeout",
            "2",
            "--threads",
            "2",
            "--top-k",
            "2",
            "--json",
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(2, json.get("solved").asInt());
    assertEquals(2, json.get("total").asInt());
    JsonNode tail = json.get("tasks").get(0);
    assertEquals("tail", tail.get("name").asText());
    assertEquals("(lambda (cdr $0))", tail.get("program").asText());
    assertEquals(-2 * Math.log(11), tail.get("log_prior").asDouble(), 1e-9);
    assertTrue(tail.has("seconds") && tail.has("programs_tried"));
    for (JsonNode t : json.get("tasks")) {
      CliRun check =
          CliRun.of(
              "check", "--file", file, "--task", t.get("name").asText(), t.get("program").asText());
      assertEquals(0, check.exitCode(), check.out());
    }
    var frontiers = FrontierJson.read(out, Domains.installed().byName("lists").resolver());
    assertEquals(2, frontiers.frontiers().size());
    assertEquals(2, frontiers.frontiers().get(0).entries().size());
  }

  @Test
  void textOutputHasOneLinePerTaskAndASummary() {
    String file = TasksCommandTest.shared("list_tasks.json").toString();
    CliRun run =
        CliRun.of("solve", "--file", file, "--task", "tail", "--timeout", "1", "--threads", "1");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("solved    tail: (lambda (cdr $0))"), run.out());
    assertTrue(run.out().contains("solved 1 of 1 tasks"), run.out());
    // Progress in plain lines (stderr is no terminal here), never carriage returns.
    assertTrue(run.err().contains("solving: started (1 steps)"), run.err());
    assertTrue(run.err().contains("solving: 1/1 solved ("), run.err());
    assertFalse(run.err().contains("\r"), run.err());
  }

  @Test
  void unknownTaskIsBadInput() {
    CliRun run = CliRun.of("solve", "--suite", "lists", "--split", "train", "--task", "__none__");
    assertEquals(3, run.exitCode());
    assertTrue(run.err().contains("__none__"), run.err());
  }

  @Test
  void rejectsBadBudgets() {
    assertEquals(2, CliRun.of("solve", "--suite", "lists", "--timeout", "0").exitCode());
    assertEquals(2, CliRun.of("solve", "--suite", "lists", "--top-k", "0").exitCode());
    assertEquals(2, CliRun.of("solve", "--suite", "lists", "--threads", "0").exitCode());
  }

  /** The programs below 12 nats that no symmetry rule prunes (SymmetryPruningTest's count). */
  private static final long SYMMETRIC_COUNT_BELOW_12 = 96;

  @Test
  void benchCountsExactlyBelowABound() throws Exception {
    CliRun run =
        CliRun.of(
            "bench", "enumerate", "--max-nats", "12", "--threads", "2", "--json", "--no-pruning");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(672, json.get("programs").asLong());
    assertEquals(12.0, json.get("nats_reached").asDouble());
    assertEquals(2, json.get("threads").asInt());
    assertFalse(json.get("pruning").asBoolean());
    // With the domain's symmetry rules, as SymmetryPruningTest counts them.
    JsonNode pruned =
        new ObjectMapper()
            .readTree(CliRun.of("bench", "enumerate", "--max-nats", "12", "--json").out());
    assertEquals(SYMMETRIC_COUNT_BELOW_12, pruned.get("programs").asLong());
    assertTrue(pruned.get("pruning").asBoolean());
    // The refusals by rule add up to all of them; without rules there are none.
    long byRule = 0;
    for (JsonNode count : pruned.get("refused_by_rule")) {
      byRule += count.asLong();
    }
    assertTrue(byRule > 0);
    assertEquals(pruned.get("refused_by_symmetry_rules").asLong(), byRule);
    assertEquals(0, json.get("refused_by_rule").size());
    assertTrue(json.has("programs_per_second") && json.has("seconds"));
    assertEquals(
        2, CliRun.of("bench", "enumerate", "--seconds", "1", "--max-nats", "3").exitCode());
    assertEquals(
        2, CliRun.of("bench", "enumerate", "--domain", "nope", "--max-nats", "3").exitCode());
  }

  @Test
  void benchWarmsUpBeforeTheMeasuredRunWhenAsked() throws Exception {
    CliRun run = CliRun.of("bench", "enumerate", "--warmup", "0.5", "--max-nats", "12", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    // The measured run is the same exact enumeration; the warm-up is not counted in it.
    assertEquals(SYMMETRIC_COUNT_BELOW_12, json.get("programs").asLong());
    assertEquals(0.5, json.get("warmup_seconds").asDouble());
    CliRun negative = CliRun.of("bench", "enumerate", "--warmup", "-1", "--max-nats", "12");
    assertEquals(2, negative.exitCode());
    assertTrue(negative.err().contains("--warmup"), negative.err());
  }
}

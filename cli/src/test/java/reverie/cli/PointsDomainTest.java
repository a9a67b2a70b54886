package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A domain that exists only in the test sources ({@code reverie.points}: points of the plane as
 * JSON objects, a tolerance likelihood), registered by a service file in the test resources, goes
 * through every command that takes tasks: nothing outside its package knows it.
 */
class PointsDomainTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void isListedWithItsSuiteAndLikelihood() throws IOException {
    CliRun run = CliRun.of("domains", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode points = null;
    for (JsonNode d : JSON.readTree(run.out()).get("domains")) {
      if (d.get("name").asText().equals("points")) {
        points = d;
      }
    }
    assertTrue(points != null, run.out());
    assertEquals("tolerance 1.0E-6", points.get("likelihood").asText());
    assertEquals("points", points.get("suites").get(0).get("name").asText());
    assertEquals(10, points.get("suites").get(0).get("tasks").asInt());
    assertEquals("[\"point\",\"num\"]", points.get("base_types").toString());
  }

  @Test
  void taskFilesCarryItsValuesInItsOwnJson() throws IOException {
    CliRun json = CliRun.of("tasks", "--suite", "points", "--json");
    assertEquals(0, json.exitCode(), json.err());
    JsonNode suite = JSON.readTree(json.out());
    assertEquals("points", suite.get("domain").asText());
    JsonNode input = suite.get("tasks").get(0).get("examples").get(0).get("inputs").get(0);
    assertTrue(input.has("x") && input.has("y"), input.toString());
    Path file = tmp.resolve("points.json");
    Files.writeString(file, json.out());
    CliRun back = CliRun.of("tasks", "--file", file.toString());
    assertEquals(0, back.exitCode(), back.err());
    assertTrue(back.out().contains("shift right by 3 thirds"), back.out());

    Files.writeString(
        file, json.out().replaceFirst("\"x\" : [-0-9.]+", "\"x\" : \"left\"").replace("\n", "\n"));
    CliRun bad = CliRun.of("tasks", "--file", file.toString());
    assertEquals(3, bad.exitCode());
    assertTrue(
        bad.err().contains("points.json") && bad.err().contains("expected a point"), bad.err());
  }

  @Test
  void checkUsesTheToleranceOfTheDomain() {
    // Three thirds are not exactly one in floating point: only the domain's tolerance lets the
    // program match targets computed with x + 1.0.
    String thirds = "(lambda (shift-x third (shift-x third (shift-x third $0))))";
    assertTrue(0.1 + 1.0 / 3 + 1.0 / 3 + 1.0 / 3 != 0.1 + 1.0);
    CliRun ok =
        CliRun.of("check", "--suite", "points", "--task", "shift right by 3 thirds", thirds);
    assertEquals(0, ok.exitCode(), ok.out() + ok.err());
    CliRun wrong =
        CliRun.of("check", "--suite", "points", "--task", "shift right by 3 thirds", "(lambda $0)");
    assertEquals(1, wrong.exitCode(), wrong.out());
    assertTrue(wrong.out().contains("\"x\":"), wrong.out());
  }

  @Test
  void solveRunExportCompressAndDreamWork() throws IOException {
    Path frontiers = tmp.resolve("frontiers.json");
    CliRun solve =
        CliRun.of(
            "solve",
            "--suite",
            "points",
            "--timeout",
            "0.5",
            "--threads",
            "1",
            "--json",
            "--out",
            frontiers.toString());
    assertEquals(0, solve.exitCode(), solve.err());
    JsonNode result = JSON.readTree(solve.out());
    assertTrue(result.get("solved").asInt() >= 8, solve.out());
    assertTrue(Files.size(frontiers) > 0);

    Path run = tmp.resolve("run");
    CliRun learn =
        CliRun.of(
            "run",
            "--suite",
            "points",
            "--iterations",
            "1",
            "--timeout",
            "0.3",
            "--threads",
            "1",
            "--recognition-steps",
            "20",
            "--out",
            run.toString());
    assertEquals(0, learn.exitCode(), learn.err());
    assertTrue(Files.exists(run.resolve("iteration-001")), learn.out());
    assertTrue(learn.out().contains("Learning curve"), learn.out());

    Path exported = tmp.resolve("exported.json");
    CliRun export =
        CliRun.of("export", run.toString(), "--fmt", "dreamcoder", "--out", exported.toString());
    assertEquals(0, export.exitCode(), export.err());
    CliRun compress = CliRun.of("compress", exported.toString(), "-a", "2", "--json");
    assertEquals(0, compress.exitCode(), compress.err());
    assertTrue(JSON.readTree(compress.out()).has("abstractions"), compress.out());

    CliRun dream = CliRun.of("dream", "--domain", "points", "-n", "5", "--json");
    assertEquals(0, dream.exitCode(), dream.err());
    JsonNode fantasies = JSON.readTree(dream.out()).get("fantasies");
    assertFalse(fantasies.isEmpty(), dream.out());
    assertTrue(fantasies.get(0).get("example").get("output").has("x"), dream.out());

    CliRun fromCheckpoint = CliRun.of("dream", "--checkpoint", run.toString(), "-n", "3", "--json");
    assertEquals(0, fromCheckpoint.exitCode(), fromCheckpoint.err());
  }
}

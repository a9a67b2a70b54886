package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TasksCommandTest {

  /** {@code ../shared/data/dreamcoder/NAME}, found by walking up; skips the test when absent. */
  static Path shared(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("shared/data/dreamcoder").resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    assumeTrue(false, "../shared/data is absent");
    return null;
  }

  @Test
  void dreamCoderListTasksAsJson() throws Exception {
    CliRun run = CliRun.of("tasks", "--file", shared("list_tasks.json").toString(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode tasks = new ObjectMapper().readTree(run.out()).get("tasks");
    assertEquals(217, tasks.size());
    Map<String, Integer> byType = new TreeMap<>();
    for (JsonNode t : tasks) {
      byType.merge(t.get("request").textValue(), 1, Integer::sum);
      assertEquals(15, t.get("examples").size());
    }
    assertEquals(
        Map.of(
            "list(int) -> list(int)", 150,
            "list(int) -> int", 30,
            "list(int) -> list(bool)", 18,
            "list(int) -> bool", 17,
            "int -> int", 1,
            "int -> list(int)", 1),
        byType);
  }

  @Test
  void dreamCoderTextTasks() {
    CliRun run = CliRun.of("tasks", "--file", shared("text_tasks_generated.json").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(128, run.out().lines().count());
    assertTrue(run.out().lines().allMatch(l -> l.endsWith("4 examples")), run.out());
  }

  @Test
  void builtInSuites() {
    CliRun lists = CliRun.of("tasks", "--suite", "lists");
    assertEquals(0, lists.exitCode(), lists.err());
    assertTrue(lists.out().lines().count() >= 200);
    assertTrue(
        lists
            .out()
            .lines()
            .anyMatch(
                l -> l.matches("add-k with k=1 +list\\(int\\) -> list\\(int\\) +1\\d examples")),
        lists.out());
    CliRun text = CliRun.of("tasks", "--suite", "text");
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().lines().count() >= 100);
    assertEquals(lists.out(), CliRun.of("tasks").out(), "lists is the default suite");
  }

  @Test
  void jsonOutputReadsBack(@TempDir Path dir) throws Exception {
    CliRun json = CliRun.of("tasks", "--suite", "text", "--json");
    Path file = dir.resolve("text.json");
    Files.writeString(file, json.out());
    CliRun again = CliRun.of("tasks", "--file", file.toString(), "--json");
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(json.out(), again.out());
  }

  @Test
  void badFileExitsWithThreeAndOneLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        "[{\"name\": \"a\", \"type\": {\"input\": \"int\", \"output\": \"int\"}, \"examples\":"
            + " [{\"i\": 1, \"o\": \"x\"}]}]");
    CliRun run = CliRun.of("tasks", "--file", file.toString());
    assertEquals(3, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(
        run.err().contains("bad.json: task #0 'a', example 0: o: expected an int, found \"x\""),
        run.err());
  }

  @Test
  void suiteAndFileTogetherIsAUsageError() {
    CliRun run = CliRun.of("tasks", "--suite", "lists", "--file", "x.json");
    assertEquals(2, run.exitCode());
  }

  @Test
  void unknownSuiteIsAUsageError() {
    CliRun run = CliRun.of("tasks", "--suite", "nope");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown suite 'nope'"), run.err());
  }
}

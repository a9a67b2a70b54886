package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-programs} on {@code solve} and {@code run}, and {@code --master} where no cluster
 * module is on the class path.
 */
class ProgramBudgetCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode solve(String threads) throws IOException {
    CliRun r =
        CliRun.of(
            "solve",
            "--suite",
            "lists",
            "--split",
            "test",
            "--max-programs",
            "2000",
            "--threads",
            threads,
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    return JSON.readTree(r.out());
  }

  @Test
  void solveFindsTheSameProgramsAfterTheSameCountsOnOneAndTwoThreads() throws IOException {
    JsonNode one = solve("1");
    JsonNode two = solve("2");
    assertTrue(one.get("solved").asInt() > 0, one.toString());
    assertEquals(one.get("tasks").size(), two.get("tasks").size());
    for (int i = 0; i < one.get("tasks").size(); i++) {
      JsonNode a = one.get("tasks").get(i);
      JsonNode b = two.get("tasks").get(i);
      assertEquals(a.get("name"), b.get("name"));
      assertEquals(a.get("program"), b.get("program"), a.get("name").asText());
      assertEquals(a.get("programs_tried"), b.get("programs_tried"), a.get("name").asText());
      assertTrue(a.get("programs_tried").asLong() <= 2000, a.toString());
    }
  }

  @Test
  void badProgramBudgetsAreUsageErrors() {
    CliRun zero = CliRun.of("solve", "--suite", "lists", "--max-programs", "0");
    assertEquals(2, zero.exitCode(), zero.err());
    assertTrue(zero.err().contains("--max-programs must be at least 1"), zero.err());
    CliRun both = CliRun.of("solve", "--suite", "lists", "--max-programs", "10", "--timeout", "1");
    assertEquals(2, both.exitCode(), both.err());
    assertTrue(both.err().contains("not both"), both.err());
  }

  @Test
  void aRunKeepsItsProgramBudgetAndRefusesAnotherOnResume(@TempDir Path tmp) throws IOException {
    Path suite = tmp.resolve("tiny.json");
    Files.writeString(suite, RunFixture.tinySuite());
    Path out = tmp.resolve("run");
    CliRun r =
        CliRun.of(
            "run",
            "--file",
            suite.toString(),
            "--iterations",
            "0",
            "--max-programs",
            "500",
            "--threads",
            "1",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        500, JSON.readTree(out.resolve("config.json").toFile()).get("max_programs").asLong());
    CliRun again = CliRun.of("run", "--resume", out.toString(), "--max-programs", "9");
    assertEquals(2, again.exitCode(), again.err());
    assertTrue(
        again.err().contains("--max-programs cannot be combined with --resume"), again.err());
  }

  @Test
  void aMasterWithoutTheSparkModuleIsOneUsageLine() {
    // The cli module's tests run without Reverie's Spark module on the class path.
    CliRun r = CliRun.of("solve", "--suite", "lists", "--master", "local[2]");
    assertEquals(2, r.exitCode(), r.err());
    String first = r.err().lines().findFirst().orElseThrow();
    assertTrue(first.contains("--master needs Reverie's Spark module"), r.err());
  }
}

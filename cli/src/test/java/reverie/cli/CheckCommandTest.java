package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CheckCommandTest {

  @Test
  void passingProgramExitsWithZero() {
    CliRun run =
        CliRun.of(
            "check",
            "--suite",
            "lists",
            "--task",
            "add-k with k=2",
            "(lambda (map (lambda (+ $0 (+ 1 1))) $0))");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().lines().filter(l -> l.startsWith("pass  example ")).count() >= 10, run.out());
    assertTrue(run.out().contains("PASS: "), run.out());
  }

  @Test
  void failingProgramExitsWithOneAndShowsExpectedAndActual() {
    CliRun run =
        CliRun.of(
            "check",
            "--file",
            TasksCommandTest.shared("list_tasks.json").toString(),
            "--task",
            "sum",
            "(lambda (fold $0 1 (lambda (lambda (+ $1 $0)))))");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().contains("FAIL  example 0: [1,2,3] -> expected 6, actual 7"), run.out());
    assertTrue(run.out().contains("FAIL: 0/15 examples pass for sum"), run.out());
  }

  @Test
  void evaluationErrorsAreReportedPerExample() {
    CliRun run = CliRun.of("check", "--suite", "lists", "--task", "length", "(lambda (car $0))");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().contains(", failed: "), run.out());
  }

  @Test
  void textTasksTakeStrings() {
    CliRun run =
        CliRun.of("check", "--suite", "text", "--task", "prepend '-'", "(lambda (cons '-' $0))");
    assertEquals(0, run.exitCode(), run.out() + run.err());
  }

  @Test
  void badProgramOrTypeOrTaskIsBadData() {
    assertEquals(3, CliRun.of("check", "--task", "head", "(lambda (car $0").exitCode());
    CliRun wrongType = CliRun.of("check", "--task", "head", "(lambda (cdr $0))");
    assertEquals(3, wrongType.exitCode());
    assertEquals(1, wrongType.err().lines().count(), wrongType.err());
    CliRun noTask = CliRun.of("check", "--task", "no such task", "(lambda $0)");
    assertEquals(3, noTask.exitCode());
    assertTrue(noTask.err().contains("no task 'no such task' in suite 'lists'"), noTask.err());
  }

  @Test
  void jsonReport() throws Exception {
    CliRun run =
        CliRun.of(
            "check", "--suite", "lists", "--task", "head", "--json", "(lambda (car (cdr $0)))");
    assertEquals(1, run.exitCode(), run.err());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals("head", report.get("task").textValue());
    assertEquals("list(int) -> int", report.get("request").textValue());
    assertEquals(false, report.get("passed").booleanValue());
    int passed = 0;
    for (JsonNode r : report.get("results")) {
      assertTrue(r.has("actual") != r.has("error"), r.toString());
      if (r.get("passed").booleanValue()) {
        passed++;
        assertEquals(r.get("expected"), r.get("actual"));
      }
    }
    assertEquals(passed, report.get("passed_examples").intValue());
    assertEquals(report.get("examples").intValue(), report.get("results").size());
  }

  @Test
  void taskIsRequired() {
    assertEquals(2, CliRun.of("check", "(lambda $0)").exitCode());
  }
}

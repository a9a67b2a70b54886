package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The towers domain through the command line: eval, check, tasks and their errors. */
class TowersCommandTest {

  @Test
  void evalPrintsThePlan() {
    CliRun run =
        CliRun.of(
            "eval",
            "--domain",
            "towers",
            "(lambda (tower_loopM 3 (lambda (lambda (1x3 (moveHand 4 $0)))) $0))",
            "[]");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("[[0,2,6],[4,2,6],[8,2,6]]", run.out().strip());
    CliRun old = CliRun.of("eval", "--domain", "towers-old", "(lambda (left 2 (3x1 $0)))", "[]");
    assertEquals("[[-2,6,2]]", old.out().strip());
  }

  @Test
  void checkComparesWorlds() {
    CliRun pass =
        CliRun.of(
            "check",
            "--suite",
            "towers",
            "--task",
            "h-stack with 2 blocks",
            "(lambda (3x1 (3x1 $0)))");
    assertEquals(0, pass.exitCode(), pass.out() + pass.err());
    assertTrue(pass.out().contains("expected [[0,1,6,2],[0,3,6,2]], actual [[0,1,6,2],[0,3,6,2]]"));
    CliRun fail =
        CliRun.of(
            "check", "--suite", "towers", "--task", "h-stack with 2 blocks", "(lambda (3x1 $0))");
    assertEquals(1, fail.exitCode(), fail.out() + fail.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
"""
(lambda (3x1 $0))   | [[0,5,2]]  | reverie: argument 1: block 0: width 5 is not a positive even number
(lambda (3x1 $0))   | [[0,6,2,1,1]] | reverie: argument 1: block 0: expected [x, w, h] (a plan) or
(lambda (3x1 $0))   | 3          | reverie: argument 1: expected a tower
(lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8 (lambda (lambda (3x1 $0))) $0))) $0))) $0)) | [] | reverie: evaluation failed: a tower of more than 100 blocks
(lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8 (lambda (lambda (moveHand 8 $0))) (1x3 $0)))) $0)) | [] | reverie: evaluation failed: a tower whose blocks span more than 360 units
""")
  void badInputAndRunawayProgramsAreOneLineWithExitThree(
      String program, String argument, String message) {
    CliRun run = CliRun.of("eval", "--domain", "towers", program, argument);
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().startsWith(message), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  @Test
  void aProgramOfTheWrongTypeIsBadInput() {
    CliRun run =
        CliRun.of("check", "--suite", "towers", "--task", "h-stack with 2 blocks", "(lambda 3)");
    assertEquals(3, run.exitCode());
    assertTrue(run.err().contains("is not of type tower -> tower"), run.err());
  }

  @Test
  void aMalformedTaskFileIsBadInput(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.json");
    Files.writeString(
        file, "[{\"name\": \"a\", \"plan\": [[0,6,2]]}, {\"name\": \"b\", \"plan\": [[0,6]]}]");
    CliRun run = CliRun.of("tasks", "--file", file.toString());
    assertEquals(3, run.exitCode());
    assertEquals(
        "reverie: "
            + file
            + ": task #1 'b': 'plan': block 0: expected [x, w, h] (a plan) or [x, y,"
            + " w, h] (a world), found [0,6]",
        run.err().strip());
  }

  @Test
  void dreamCodersTowerTasksAreListedAndChecked() {
    Path file = TasksCommandTest.shared("tower_tasks.json");
    CliRun tasks = CliRun.of("tasks", "--file", file.toString());
    assertEquals(0, tasks.exitCode(), tasks.err());
    assertTrue(
        (tasks.out() + tasks.err()).contains("107 tasks in suite 'tower_tasks' (domain towers)"));
    CliRun check =
        CliRun.of(
            "check",
            "--file",
            file.toString(),
            "--task",
            "arch leg 1",
            "(lambda (tower_loopM 1 (lambda (lambda (1x3 $0))) (right 4 (tower_loopM 1 (lambda"
                + " (lambda (1x3 $0))) (left 2 (3x1 $0))))))");
    assertEquals(0, check.exitCode(), check.out() + check.err());
  }

  @Test
  void benchEnumerateTakesTheDomainsOwnRequestAndTask() {
    CliRun run = CliRun.of("bench", "enumerate", "--domain", "towers", "--max-nats", "8");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("programs of tower -> tower"), run.out());
  }
}

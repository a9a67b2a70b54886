package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsTheExitCodes() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertTrue(run.out().contains("bad input data"), run.out());
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.of("no-such-command");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("reverie: "), run.err());
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("reverie "), run.out());
  }

  @Test
  void verboseIsAcceptedByEveryCommand() {
    CliRun run = CliRun.of("type", "-v", "(lambda (car $0)");
    assertEquals(3, run.exitCode());
    assertTrue(run.err().contains("ParseException"), run.err());
    CliRun quiet = CliRun.of("type", "(lambda (car $0)");
    assertEquals(3, quiet.exitCode());
    assertEquals(1, quiet.err().lines().count(), quiet.err());
  }
}

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
}

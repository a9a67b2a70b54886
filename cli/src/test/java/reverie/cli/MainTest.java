package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

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

  @Test
  void everyCommandHasWorkingHelpWithReadableOptionLabels() {
    // picocli's fallback label is the Java field name (<bitsPerValue>): it reads as a bug in
    // --help.
    List<String> problems = new ArrayList<>();
    Deque<CommandLine> todo = new ArrayDeque<>(List.of(Main.commandLine()));
    while (!todo.isEmpty()) {
      CommandLine c = todo.poll();
      todo.addAll(c.getSubcommands().values());
      String name = c.getCommandSpec().qualifiedName();
      // "reverie sae train" -> ["sae", "train", "--help"]
      List<String> args = new ArrayList<>(List.of(name.split(" ")));
      args.set(0, "--help");
      Collections.rotate(args, -1);
      CliRun help = CliRun.of(args.toArray(String[]::new));
      if (help.exitCode() != 0 || !help.out().contains("Usage:")) {
        problems.add(name + " --help exits " + help.exitCode() + ": " + help.err());
      }
      if (c.getCommandSpec().usageMessage().header().length == 0) {
        problems.add(name + " has no header");
      }
      for (OptionSpec o : c.getCommandSpec().options()) {
        if (o.arity().max() > 0 && o.paramLabel().startsWith("<")) {
          problems.add(name + " " + o.longestName() + " shows " + o.paramLabel());
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}

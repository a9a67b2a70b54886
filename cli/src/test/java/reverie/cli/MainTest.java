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

  @Test
  void everyCommandHasWorkingHelpWithReadableOptionLabels() {
    // picocli's fallback label is the Java field name (<bitsPerValue>): it reads as a bug in
    // --help.
    java.util.List<String> problems = new java.util.ArrayList<>();
    java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
    todo.add(Main.commandLine());
    while (!todo.isEmpty()) {
      picocli.CommandLine c = todo.poll();
      todo.addAll(c.getSubcommands().values());
      String name = c.getCommandSpec().qualifiedName();
      java.util.List<String> args =
          new java.util.ArrayList<>(
              java.util.List.of(name.split(" ")).subList(1, name.split(" ").length));
      args.add("--help");
      CliRun help = CliRun.of(args.toArray(String[]::new));
      if (help.exitCode() != 0 || !help.out().contains("Usage:")) {
        problems.add(name + " --help exits " + help.exitCode() + ": " + help.err());
      }
      if (c.getCommandSpec().usageMessage().header().length == 0) {
        problems.add(name + " has no header");
      }
      for (picocli.CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
        if (o.arity().max() > 0 && o.paramLabel().startsWith("<")) {
          problems.add(name + " " + o.longestName() + " shows " + o.paramLabel());
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}

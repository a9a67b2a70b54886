package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import reverie.engine.enumerate.SolveConfig;
import reverie.engine.loop.RunConfig;

class MainTest {

  @Test
  void helpListsTheExitCodes() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertTrue(run.out().contains("bad input data"), run.out());
    assertTrue(run.out().contains("130   stopped by Ctrl-C"), run.out());
  }

  @Test
  void everyConfigDefaultNamesARealOption() {
    CommandLine root = Main.commandLine();
    for (String key : ConfigDefaults.keys()) {
      String[] parts = key.split(" ");
      CommandLine c = root;
      for (int i = 0; i < parts.length - 1 && c != null; i++) {
        c = c.getSubcommands().get(parts[i]);
      }
      assertNotNull(c, key);
      assertNotNull(c.getCommandSpec().findOption(parts[parts.length - 1]), key);
    }
  }

  @Test
  void helpShowsTheDefaultsTheCommandsReceive() {
    CommandLine root = Main.commandLine();
    root.parseArgs("run");
    RunCommand run = root.getSubcommands().get("run").getCommand();
    RunConfig d = RunConfig.defaults();
    assertEquals(d.timeoutSeconds(), run.timeout.timeout);
    assertEquals(d.iterations(), run.iterations);
    assertEquals(String.valueOf(d.split()), run.split);
    assertEquals(d.recognitionSteps(), run.recognitionSteps);
    assertEquals(d.threads(), run.threads.threads);
    assertEquals(d.seed(), run.seed.seed);
    String help = CliRun.of("run", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("(default: " + d.timeoutSeconds() + ")"), help);
    assertTrue(help.contains("(default: " + d.recognitionSteps() + ")"), help);

    root = Main.commandLine();
    root.parseArgs("solve");
    SolveCommand solve = root.getSubcommands().get("solve").getCommand();
    assertEquals(SolveConfig.defaults().timeoutSeconds(), solve.timeout.timeout);
    assertEquals(SolveConfig.defaults().topK(), solve.topK);
    help = CliRun.of("solve", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("(default: " + SolveConfig.defaults().timeoutSeconds() + ")"), help);
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.of("no-such-command");
    assertEquals(2, run.exitCode());
    assertTrue(
        run.err().startsWith("reverie: unknown command 'no-such-command' (commands: type, eval,"),
        run.err());
    assertFalse(run.err().contains("Unmatched argument"), run.err());
    CliRun sub = CliRun.of("bench", "nope");
    assertEquals(2, sub.exitCode());
    assertTrue(sub.err().startsWith("reverie: unknown command 'nope' (commands: "), sub.err());
  }

  @Test
  void anEmptyPathIsAUsageError() {
    CliRun run = CliRun.of("solve", "--grammar", "", "--task", "x");
    assertEquals(2, run.exitCode());
    assertTrue(
        run.err().startsWith("reverie: Invalid value for option '--grammar': an empty path"),
        run.err());
  }

  @Test
  void everyCommandPrintsTheVersion() {
    List<String> problems = new ArrayList<>();
    forEachCommand(
        (c, args) -> {
          args.set(args.size() - 1, "-V");
          CliRun run = CliRun.of(args.toArray(String[]::new));
          if (run.exitCode() != 0 || !run.out().startsWith("reverie ")) {
            problems.add(c.getCommandSpec().qualifiedName() + " -V: " + run.out() + run.err());
          }
        });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void helpBreaksLinesBetweenWordsOnly() {
    // A hard-wrapped description that picocli wraps again leaves a short line mid-sentence, and
    // picocli's line breaking splits "EMB.npy" after the dot.
    List<String> problems = new ArrayList<>();
    forEachCommand(
        (c, args) -> {
          List<String> lines = CliRun.of(args.toArray(String[]::new)).out().lines().toList();
          for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            String next = lines.get(i + 1).strip();
            if (line.matches(".*\\w\\.")
                && next.matches("(npy|csv|txt|json|jsonl|safetensors|png|svg|md)\\b.*")) {
              problems.add(c.getCommandSpec().qualifiedName() + ": '" + line + "' / '" + next);
            }
            if (!line.isBlank()
                && line.length() < 40
                && !line.startsWith(" ")
                && !line.endsWith(":")
                && !line.endsWith(".")
                && next.matches("[a-z(].*")
                && !lines.get(i + 1).startsWith(" ")) {
              problems.add(c.getCommandSpec().qualifiedName() + ": short line '" + line + "'");
            }
          }
        });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void eachSplitOptionSaysWhatTheOtherMeans() {
    // run --split is a fraction, solve --split a part of a split (#18 item 16).
    String run = CliRun.of("run", "--help").out().replaceAll("\\s+", " ");
    String solve = CliRun.of("solve", "--help").out().replaceAll("\\s+", " ");
    assertTrue(run.contains("('solve --split' instead"), run);
    assertTrue(solve.contains("('run --split' instead"), solve);
  }

  /** Calls {@code check} with every command and its argument list ending in "--help". */
  private static void forEachCommand(
      java.util.function.BiConsumer<CommandLine, List<String>> check) {
    Deque<CommandLine> todo = new ArrayDeque<>(List.of(Main.commandLine()));
    while (!todo.isEmpty()) {
      CommandLine c = todo.poll();
      todo.addAll(c.getSubcommands().values());
      if (c.getCommandSpec().name().equals("help")) {
        continue;
      }
      List<String> args = new ArrayList<>(List.of(c.getCommandSpec().qualifiedName().split(" ")));
      args.set(0, "--help");
      Collections.rotate(args, -1);
      check.accept(c, args);
    }
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

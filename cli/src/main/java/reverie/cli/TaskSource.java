package reverie.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.tasks.Domains;
import reverie.tasks.Suite;
import reverie.tasks.Suites;

/**
 * The options that say which tasks a command works on: a built-in suite by name or a task file; a
 * mixin shared by every command that takes tasks ({@code tasks}, {@code check}, {@code solve},
 * {@code run}).
 */
public final class TaskSource {
  /** The suite used when neither option is given. */
  public static final String DEFAULT_SUITE = "lists";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--suite",
      paramLabel = "NAME",
      completionCandidates = SuiteNames.class,
      description =
          "A built-in suite of an installed domain: ${COMPLETION-CANDIDATES} (default: "
              + DEFAULT_SUITE
              + ").")
  String suite;

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description =
          "A task file: DreamCoder list tasks, DreamCoder-style tasks with a request, or a Reverie"
              + " suite; the layout is recognised from the content (docs/suite-format.md).")
  Path file;

  /**
   * The suite the options name; a usage error when both are given, a bad-data error for a bad file.
   */
  public Suite load() {
    if (suite != null && file != null) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(), "give --suite or --file, not both");
    }
    if (file != null) {
      return Suites.load(file);
    }
    String name = suite != null ? suite : DEFAULT_SUITE;
    if (!Domains.installed().suiteNames().contains(name)) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(),
          "unknown suite '"
              + name
              + "' (built-in: "
              + String.join(", ", Domains.installed().suiteNames())
              + "; 'reverie domains' lists them)");
    }
    return Domains.installed().suite(name);
  }

  /** The installed built-in suites' names, for help. */
  static final class SuiteNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Domains.installed().suiteNames().iterator();
    }
  }

  /** What the options name, for messages: {@code suite 'lists'} or {@code file 'x.json'}. */
  public String describe() {
    return file != null
        ? "file '" + file + "'"
        : "suite '" + (suite != null ? suite : DEFAULT_SUITE) + "'";
  }
}

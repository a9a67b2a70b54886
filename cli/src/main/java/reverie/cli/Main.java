package reverie.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import reverie.dsl.InputException;
import reverie.dsl.InputFiles;

/**
 * The {@code reverie} command: wires the subcommands and maps errors to one-line messages and exit
 * codes.
 */
@Command(
    name = "reverie",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    header = "Wake-sleep program induction: learn a library of functions by solving tasks.",
    description = {
      "Reverie solves input/output tasks by enumerating typed programs in order of probability, compresses"
          + " the solutions into a library of reusable functions, and trains a recognition model on dreams.",
      "",
      "Add -v to any command to see stack traces of internal errors."
    },
    subcommands = {CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a check did not pass, or an internal error",
      "2:bad command line (usage)",
      "3:bad input data (program, type, task file, checkpoint) or a failed evaluation",
      ExitCode.STOPPED + ":stopped by Ctrl-C (a run keeps its last complete checkpoint)"
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is needed; see 'reverie --help'");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(commandLine(), args, out, err);
  }

  /**
   * Runs one command line with {@code cli}, a {@link #commandLine()} that may be reused (picocli
   * resets every option before parsing): for tests that run thousands of command lines.
   */
  static int run(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
    boolean verbose =
        Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          Throwable cause = e;
          if (cause instanceof UncheckedIOException io && io.getCause() != null) {
            // "cannot write X" and why, in plain words: never a Java exception's name.
            cause = new InputException(ioMessage(io), io.getCause());
          }
          if (cause instanceof InputException) {
            err.println("reverie: " + cause.getMessage());
            if (verbose) {
              cause.printStackTrace(err);
            }
            return ExitCode.BAD_DATA;
          }
          if (cause instanceof IOException io) {
            err.println("reverie: " + ioMessage(io));
            if (verbose) {
              cause.printStackTrace(err);
            }
            return ExitCode.BAD_DATA;
          }
          if (cause instanceof OutOfMemoryError) {
            err.println(
                "reverie: out of memory; raise the heap with JAVA_OPTS=-Xmx8g or lower the budget");
            return ExitCode.INTERNAL;
          }
          err.println(
              "reverie: internal error: "
                  + cause
                  + (verbose ? "" : " (run with -v for the stack trace)"));
          if (verbose) {
            cause.printStackTrace(err);
          }
          return ExitCode.INTERNAL;
        });
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("reverie: " + usageMessage(e));
          CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
          err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.USAGE;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    // No "@FILE" argument files: an argument that starts with '@' is itself (picocli would print a
    // stack trace for one it cannot read; found by fuzzing eval with "@/").
    cli.setExpandAtFiles(false);
    for (Object sub : Commands.all()) {
      cli.addSubcommand(sub);
    }
    // Subcommands do not inherit the root's version provider: without this, "reverie eval -V"
    // would print nothing.
    Version version = new Version();
    for (CommandLine sub : cli.getSubcommands().values()) {
      setVersion(sub, version);
    }
    // An empty path ("--out ''") would otherwise mean the current directory.
    cli.registerConverter(
        java.nio.file.Path.class,
        s -> {
          if (s.isBlank()) {
            throw new CommandLine.TypeConversionException("an empty path");
          }
          return java.nio.file.Path.of(s);
        });
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setDefaultValueProvider(new ConfigDefaults());
    return cli;
  }

  /** An I/O failure in plain words: "cannot write X: permission denied". */
  static String ioMessage(Exception e) {
    IOException io = e instanceof IOException direct ? direct : (IOException) e.getCause();
    String reason = InputFiles.reason(io);
    String path =
        io instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
            ? fs.getFile()
            : null;
    if (e instanceof UncheckedIOException u
        && u.getMessage() != null
        && !u.getMessage().equals(io.toString())) {
      return u.getMessage()
          + (path == null || u.getMessage().contains(path) ? "" : " (" + path + ")")
          + ": "
          + reason;
    }
    return path == null ? reason : path + ": " + reason;
  }

  private static void setVersion(CommandLine command, Version version) {
    command.getCommandSpec().versionProvider(version);
    for (CommandLine sub : command.getSubcommands().values()) {
      setVersion(sub, version);
    }
  }

  /**
   * The message of a usage error; an unknown command is named as such (picocli calls it an
   * "unmatched argument at index 0").
   */
  static String usageMessage(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u
        && !u.getUnmatched().isEmpty()
        && !u.getCommandLine().getSubcommands().isEmpty()
        && u.getCommandLine().getCommandSpec().positionalParameters().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      CommandLine c = u.getCommandLine();
      return "unknown command '"
          + u.getUnmatched().get(0)
          + "' (commands: "
          + String.join(
              ", ", c.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList())
          + ")";
    }
    return e.getMessage();
  }

  /** Reads the version that Maven writes into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/reverie-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"reverie " + p.getProperty("version", "unknown")};
    }
  }
}

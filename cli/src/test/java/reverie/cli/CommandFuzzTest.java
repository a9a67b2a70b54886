package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of two commands end to end, in-process: {@code compress} on any input
 * file, and {@code eval} on any arguments. Each run succeeds (exit 0) or is refused as bad input
 * (exit 3) with one line on stderr that names the file or the argument; never an internal error
 * (exit 1), a stack trace or a hang.
 */
class CommandFuzzTest {
  /** Programs whose arguments the eval target fuzzes, of both domains and polymorphic ones. */
  static final List<List<String>> PROGRAMS =
      List.of(
          List.of("--domain", "lists", "(lambda (map (lambda (+ $0 1)) $0))"),
          List.of("--domain", "lists", "(lambda (lambda (cons $1 $0)))"),
          List.of("--domain", "lists", "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))"),
          List.of("--domain", "lists", "(lambda (lambda (index $0 $1)))"),
          List.of("--domain", "lists", "(lambda (length $0))"),
          List.of("--domain", "lists", "(lambda (lambda (eq? $0 $1)))"),
          List.of("--domain", "text", "(lambda (cdr $0))"),
          List.of("--domain", "text", "(lambda (lambda (char-eq? (car $0) $1)))"),
          List.of("--domain", "text", "(lambda (length $0))"));

  private static Path dir;

  // Built once: making the command line (every command's model) costs more than most runs.
  private static final picocli.CommandLine CLI = Main.commandLine();

  private static CliRun run(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(CLI, args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  private static synchronized Path scratch() throws IOException {
    if (dir == null) {
      Path shm = Path.of("/dev/shm");
      dir =
          Files.createTempDirectory(
              Files.isDirectory(shm) && Files.isWritable(shm)
                  ? shm
                  : Path.of(System.getProperty("java.io.tmpdir")),
              "command-fuzz");
      dir.toFile().deleteOnExit();
    }
    return dir;
  }

  /** The compress input file's content is the fuzzer's input. */
  @FuzzTest(maxDuration = "10m")
  void compress(byte[] input) throws IOException {
    Path file = scratch().resolve("corpus.json");
    Files.write(file, input);
    CliRun run = run("compress", file.toString(), "-i", "2", "-a", "2", "--json");
    assertBadInputOrSuccess(run, "reverie: " + file);
  }

  /**
   * The first byte picks a program of {@link #PROGRAMS}; the rest, split at zero bytes, are its
   * arguments.
   */
  @FuzzTest(maxDuration = "10m")
  void eval(byte[] input) {
    List<String> args = new ArrayList<>(List.of("eval"));
    args.addAll(
        PROGRAMS.get(input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]) % PROGRAMS.size()));
    String rest =
        new String(
            input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length),
            StandardCharsets.UTF_8);
    if (!rest.isEmpty()) {
      args.addAll(Arrays.asList(rest.split("\0", -1)));
    }
    CliRun run = run(args.toArray(String[]::new));
    if (args.contains("-v") || args.contains("--verbose")) {
      // -v asks for the stack trace under the message: only the first line is the contract.
      if (run.exitCode() != ExitCode.OK && run.exitCode() != ExitCode.USAGE) {
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run::err);
        assertTrue(run.err().startsWith("reverie: "), run::err);
      }
      return;
    }
    if (run.exitCode() == ExitCode.USAGE) {
      // An argument such as "-1" or "--x" reads as an unknown option.
      assertTrue(run.err().startsWith("reverie: "), run::err);
      return;
    }
    assertBadInputOrSuccess(run, "reverie: ");
  }

  private static void assertBadInputOrSuccess(CliRun run, String prefix) {
    if (run.exitCode() == ExitCode.OK) {
      return;
    }
    assertEquals(ExitCode.BAD_DATA, run.exitCode(), run::err);
    String err = run.err().strip();
    assertFalse(err.contains("\n") || err.contains("\r"), () -> "more than one line: " + err);
    assertTrue(err.startsWith(prefix), () -> "does not start with '" + prefix + "': " + err);
  }
}

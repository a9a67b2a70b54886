package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression tests of bad inputs a new user met (#18 items 4, 6, 11): one line naming the place.
 */
class BadInputTest {
  @TempDir Path tmp;

  @Test
  void aSuiteNamingAnUnknownDomainIsRefusedByEveryCommandNamingTheFile() throws IOException {
    Path file = tmp.resolve("nosuch.json");
    Files.writeString(
        file,
        "{\"domain\": \"nosuch\", \"tasks\": [{\"name\": \"a\", \"request\": \"int -> int\","
            + " \"examples\": [{\"inputs\": [1], \"output\": 2}]}]}");
    String expected = "reverie: " + file + ": unknown domain 'nosuch' (installed: ";
    for (String[] command :
        new String[][] {
          {"tasks", "--file", file.toString()},
          {"check", "--file", file.toString(), "--task", "a", "(lambda $0)"},
          {"solve", "--file", file.toString(), "--timeout", "0.1"},
          {"run", "--file", file.toString(), "--out", tmp.resolve("run").toString()}
        }) {
      CliRun r = CliRun.of(command);
      assertEquals(3, r.exitCode(), command[0] + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertEquals(true, r.err().startsWith(expected), command[0] + ": " + r.err());
    }
  }

  @Test
  void anArgumentStartingWithAnAtSignIsAnArgumentNotAFileOfArguments() {
    // picocli would read "@FILE" as a file of arguments, and print a stack trace for "@/" (a
    // directory; found by fuzzing eval).
    for (String bad : new String[] {"@/", "@" + tmp.resolve("missing-args.txt")}) {
      CliRun r = CliRun.of("eval", "--domain", "lists", "(lambda $0)", bad);
      assertEquals(3, r.exitCode(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertEquals(true, r.err().startsWith("reverie: argument 1: "), r.err());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"list(integer) -> integer", "lst(int)", "foo -> bar"})
  void sampleRefusesUnknownTypeConstructors(String type) {
    CliRun r = CliRun.of("sample", "--type", type, "-n", "2");
    assertEquals(3, r.exitCode(), r.out() + r.err());
    assertEquals("", r.out());
    assertEquals(true, r.err().startsWith("reverie: unknown type '"), r.err());
  }

  @Test
  void aBadGrammarFileIsNamedInTheMessage() throws IOException {
    Path tasks = tmp.resolve("tasks.json");
    Files.writeString(tasks, RunFixture.tinySuite());
    Path empty = tmp.resolve("empty.json");
    Files.writeString(empty, "");
    String[][] cases = {
      {tasks.toString(), "reverie: " + tasks + ": grammar: missing field 'logVariable'"},
      {empty.toString(), "reverie: " + empty + ": empty (no JSON value)"},
      {tmp.toString(), "reverie: " + tmp + ": is a directory, not a file"},
      {
        tmp.resolve("nope.json").toString(),
        "reverie: " + tmp.resolve("nope.json") + ": no such file"
      }
    };
    for (String[] c : cases) {
      CliRun r = CliRun.of("solve", "--suite", "lists", "--timeout", "0.1", "--grammar", c[0]);
      assertEquals(3, r.exitCode(), r.err());
      assertEquals(c[1], r.err().strip());
    }
    CliRun blank = CliRun.of("solve", "--suite", "lists", "--grammar", "");
    assertEquals(2, blank.exitCode(), blank.err());
  }

  @Test
  void aProgramTooDeepForTheCompressorIsRefusedNamingTheFile() throws IOException {
    // Found by CommandFuzzTest#compress: the message did not name the file.
    Path file = tmp.resolve("deep.json");
    Files.writeString(file, "[\"(lam (f $82))\", \"(lam (f $1))\"]");
    CliRun r = CliRun.of("compress", file.toString());
    assertEquals(3, r.exitCode(), r.err());
    assertEquals(
        "reverie: " + file + ": variable $82 is too deep for the compressor (at most $62)",
        r.err().strip());
  }
}

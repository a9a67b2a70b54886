package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output path of every command is checked before any work (#18 item 5): a directory where a
 * file goes, a file where a directory goes, or a parent that is a file is refused at once with one
 * plain line naming the path; a missing parent is created.
 */
class OutputPathTest {
  @TempDir Path tmp;
  private Path programs;
  private Path aFile;

  @BeforeEach
  void files() throws IOException {
    programs = tmp.resolve("programs.json");
    Files.writeString(programs, "[\"(lam (+ 1 (* $0 2)))\", \"(lam (+ 1 (* $0 3)))\"]");
    aFile = tmp.resolve("a-file");
    Files.writeString(aFile, "x");
  }

  /** Each command that writes, as a function of its output path. */
  private List<Function<Path, String[]>> commands() {
    String run = RunFixture.run().toString();
    return List.of(
        out ->
            new String[] {"solve", "--suite", "lists", "--timeout", "30", "--out", out.toString()},
        out -> new String[] {"compress", programs.toString(), "--out", out.toString()},
        out -> new String[] {"export", run, "--fmt", "stitch", "--out", out.toString()},
        out -> new String[] {"embed", run, "--out", out.toString()},
        out -> new String[] {"sae", "train", run, "--epochs", "1", "--out", out.toString()},
        out ->
            new String[] {"compare", run, "--train-sae", "--epochs", "1", "--out", out.toString()});
  }

  private static boolean writesAFile(String[] command) {
    return !List.of("sae", "compare").contains(command[0]);
  }

  @Test
  void aBadOutputPathIsRefusedAtOnceWithOnePlainLine() {
    List<String> problems = new ArrayList<>();
    for (Function<Path, String[]> command : commands()) {
      String[] probe = command.apply(tmp);
      List<Path> bad = new ArrayList<>(List.of(aFile.resolve("below-a-file")));
      bad.add(writesAFile(probe) ? tmp : aFile);
      for (Path out : bad) {
        String[] args = command.apply(out);
        long start = System.nanoTime();
        CliRun r = CliRun.of(args);
        double seconds = (System.nanoTime() - start) / 1e9;
        String err = r.err().strip();
        String what = String.join(" ", args) + ": ";
        if (r.exitCode() != 3) {
          problems.add(what + "exit " + r.exitCode() + " " + err);
        } else if (err.lines().count() != 1
            || !err.startsWith("reverie: " + out)
            || err.contains("Exception")
            || err.contains("java.")) {
          problems.add(what + err);
        } else if (seconds > 20) {
          // solve's search alone would take 30 s per task
          problems.add(what + "refused only after " + seconds + " s");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void aMissingParentIsCreated() {
    Path out = tmp.resolve("new").resolve("deeper").resolve("frontiers.txt");
    CliRun r =
        CliRun.of(
            "export", RunFixture.run().toString(), "--fmt", "stitch", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(out));
    Path dir = tmp.resolve("new2").resolve("sae");
    CliRun sae =
        CliRun.of(
            "sae", "train", RunFixture.run().toString(), "--epochs", "1", "--out", dir.toString());
    assertEquals(0, sae.exitCode(), sae.err());
    assertTrue(Files.isRegularFile(dir.resolve("cfg.json")));
    assertFalse(sae.err().contains("Exception"), sae.err());
  }
}

package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code reverie run} on a tiny suite, then {@code library}, {@code export} and resume.
 */
class RunCommandTest {

  @TempDir Path tmp;

  /** The shared tiny suite of add-k tasks (see {@link RunFixture#tinySuite}), written to a file. */
  private Path tinySuite() throws IOException {
    Path file = tmp.resolve("tiny.json");
    Files.writeString(file, RunFixture.tinySuite());
    return file;
  }

  @Test
  void runsTwoIterationsThenShowsAndExportsTheLibrary() throws IOException {
    Path out = tmp.resolve("run");
    // Compression is left out until the enumerator checks programs with inventions (see the loop's
    // report).
    CliRun r =
        CliRun.of(
            "run",
            "--file",
            tinySuite().toString(),
            "--iterations",
            "2",
            "--timeout",
            "0.3",
            "--threads",
            "1",
            "--recognition-steps",
            "20",
            "--no-compression",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Library at iteration 2"), r.out());
    assertTrue(r.out().contains("train solved"), r.out());
    List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
    assertEquals(3, lines.size());
    JsonNode last = new ObjectMapper().readTree(lines.get(2));
    assertEquals(2, last.get("iteration").intValue());
    assertEquals(3, last.get("train_total").intValue());
    assertEquals(3, last.get("test_total").intValue());
    assertTrue(Files.exists(out.resolve("learning-curve.svg")));
    assertTrue(Files.isDirectory(out.resolve("iteration-002").resolve("recognition")));

    CliRun lib = CliRun.of("library", out.toString(), "--json");
    assertEquals(0, lib.exitCode(), lib.err());
    assertEquals(2, new ObjectMapper().readTree(lib.out()).get("iteration").intValue());
    CliRun dot = CliRun.of("library", out.toString(), "--dot");
    assertTrue(dot.out().startsWith("digraph library {"), dot.out());
    CliRun export = CliRun.of("export", out.toString(), "--fmt", "stitch");
    assertEquals(0, export.exitCode(), export.err());

    // A finished run resumes to the same place without searching again.
    CliRun again = CliRun.of("run", "--resume", out.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(3, Files.readAllLines(out.resolve("metrics.jsonl")).size());

    // The same directory without --resume is refused, and left alone.
    CliRun refused = CliRun.of("run", "--file", tinySuite().toString(), "--out", out.toString());
    assertEquals(3, refused.exitCode());
    assertTrue(refused.err().contains("not empty"), refused.err());
    assertEquals(1, refused.err().strip().lines().count(), refused.err());
  }

  @Test
  void resumeRefusesChangedSettings() {
    CliRun r = CliRun.of("run", "--resume", tmp.toString(), "--timeout", "3");
    assertEquals(2, r.exitCode(), r.err());
  }
}

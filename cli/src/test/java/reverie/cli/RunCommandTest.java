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

  /** Text tasks in DreamCoder's layout: {@code name: input -> output, ...}. */
  private Path textTasks(String file, String... tasks) throws IOException {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < tasks.length; i++) {
      String[] parts = tasks[i].split(": ");
      b.append(i == 0 ? "" : ",")
          .append("{\"name\": \"")
          .append(parts[0])
          .append("\", \"request\": \"list(char) -> list(char)\", \"examples\": [");
      String[] examples = parts[1].split(", ");
      for (int j = 0; j < examples.length; j++) {
        String[] io = examples[j].split(" -> ");
        b.append(j == 0 ? "" : ",")
            .append("{\"inputs\": [\"")
            .append(io[0])
            .append("\"], \"output\": \"")
            .append(io[1])
            .append("\"}");
      }
      b.append("]}");
    }
    Path path = tmp.resolve(file);
    Files.writeString(path, b.append("]").toString());
    return path;
  }

  @Test
  void trainsOnOneFileAndTestsOnAnother() throws IOException {
    Path train =
        textTasks(
            "train.json",
            "drop one: abc -> bc, hello -> ello, xy -> y",
            "drop two: abcd -> cd, hello -> llo, xyz -> z",
            "same: abc -> abc, q -> q, hello -> hello");
    Path test =
        textTasks(
            "held-out.json",
            "drop three: abcd -> d, hello -> lo",
            "first: abc -> a, hello -> h, zz -> z");
    Path out = tmp.resolve("run");
    CliRun r =
        CliRun.of(
            "run",
            "--file",
            train.toString(),
            "--test-file",
            test.toString(),
            "--iterations",
            "1",
            "--timeout",
            "0.5",
            "--threads",
            "1",
            "--recognition-steps",
            "20",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertEquals(3, first.get("train_total").intValue());
    assertEquals(2, first.get("test_total").intValue());
    assertTrue(first.get("test_solved").intValue() >= 1, lines.get(0));
    JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
    assertEquals(test.toAbsolutePath().normalize().toString(), config.get("test_file").asText());

    // The run keeps its own copy of the test file too: it answers after the original is gone.
    JsonNode source = new ObjectMapper().readTree(out.resolve("source.json").toFile());
    assertTrue(
        Files.isRegularFile(out.resolve(source.get("test_copy").asText())), source.toString());
    Files.delete(test);

    // The checkpoint knows its test split: solve it again, and resume the finished run.
    CliRun solve =
        CliRun.of(
            "solve",
            "--checkpoint",
            out.toString(),
            "--split",
            "test",
            "--timeout",
            "0.5",
            "--json");
    assertEquals(0, solve.exitCode(), solve.err());
    assertEquals(2, new ObjectMapper().readTree(solve.out()).get("total").intValue());
    CliRun again = CliRun.of("run", "--resume", out.toString());
    assertTrue(again.err().contains("is gone; using the run's copy"), again.err());
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(2, Files.readAllLines(out.resolve("metrics.jsonl")).size());
  }

  @Test
  void aTestSourceMustBeOfTheSameDomainWithOtherNamesAndWithoutSplit() throws IOException {
    Path train = textTasks("train.json", "same: abc -> abc, q -> q");
    Path clash = textTasks("clash.json", "same: x -> x");
    CliRun dup =
        CliRun.of(
            "run",
            "--file",
            train.toString(),
            "--test-file",
            clash.toString(),
            "--out",
            tmp.resolve("a").toString());
    assertEquals(3, dup.exitCode(), dup.err());
    assertTrue(dup.err().contains("'same' is also a training task"), dup.err());
    assertEquals(1, dup.err().strip().lines().count(), dup.err());
    CliRun domain =
        CliRun.of(
            "run",
            "--file",
            train.toString(),
            "--test-file",
            tinySuite().toString(),
            "--out",
            tmp.resolve("b").toString());
    assertEquals(3, domain.exitCode(), domain.err());
    assertTrue(domain.err().contains("of domain lists"), domain.err());
    CliRun split =
        CliRun.of(
            "run", "--file", train.toString(), "--test-file", clash.toString(), "--split", "0.5");
    assertEquals(2, split.exitCode(), split.err());
  }

  @Test
  void resumeRefusesChangedSettings() {
    CliRun r = CliRun.of("run", "--resume", tmp.toString(), "--timeout", "3");
    assertEquals(2, r.exitCode(), r.err());
  }

  @Test
  void aFileThatMarksItsTrainingTasksIsSplitThatWayByDefault() throws IOException {
    // The tiny suite with its first two tasks marked for training.
    Path file = tmp.resolve("marked.json");
    Files.writeString(
        file,
        RunFixture.tinySuite()
            .replace("\"name\": \"add 1 #1\",", "\"name\": \"add 1 #1\", \"train\": true,")
            .replace("\"name\": \"add 1 #2\",", "\"name\": \"add 1 #2\", \"train\": true,"));
    String[] common = {
      "run", "--file", file.toString(), "--iterations", "0", "--timeout", "0.1", "--threads", "1"
    };
    CliRun own = CliRun.of(concat(common, "--out", tmp.resolve("own").toString()));
    assertEquals(0, own.exitCode(), own.err());
    JsonNode first =
        new ObjectMapper()
            .readTree(Files.readAllLines(tmp.resolve("own").resolve("metrics.jsonl")).get(0));
    assertEquals(2, first.get("train_total").intValue());
    assertEquals(4, first.get("test_total").intValue());
    CliRun fraction =
        CliRun.of(concat(common, "--split", "0.5", "--out", tmp.resolve("half").toString()));
    assertEquals(0, fraction.exitCode(), fraction.err());
    JsonNode half =
        new ObjectMapper()
            .readTree(Files.readAllLines(tmp.resolve("half").resolve("metrics.jsonl")).get(0));
    assertEquals(3, half.get("train_total").intValue());

    CliRun bad = CliRun.of(concat(common, "--split", "half", "--out", tmp.resolve("x").toString()));
    assertEquals(2, bad.exitCode(), bad.err());
    assertTrue(bad.err().contains("--split takes a fraction"), bad.err());
    CliRun unmarked =
        CliRun.of(
            "run",
            "--file",
            tinySuite().toString(),
            "--split",
            "dreamcoder",
            "--iterations",
            "0",
            "--out",
            tmp.resolve("y").toString());
    assertEquals(3, unmarked.exitCode(), unmarked.err());
    assertTrue(unmarked.err().contains("marks no training tasks of its own"), unmarked.err());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

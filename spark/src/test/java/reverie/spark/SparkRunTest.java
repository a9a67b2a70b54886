package reverie.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.cli.Main;

/**
 * {@code reverie run --master local[2]} with a program budget finds exactly what the local runner
 * finds: the same programs in the same order in every frontier and the same library.
 */
class SparkRunTest {

  /** One in-process command line: its exit code and what it printed on stderr. */
  record Cli(int code, String out, String err) {
    static Cli of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
      return new Cli(code, out.toString(), err.toString());
    }
  }

  private static Cli run(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--suite",
                "lists",
                "--iterations",
                "1",
                "--max-programs",
                "1500",
                "--batch-size",
                "20",
                "--recognition-steps",
                "30",
                "--threads",
                "2",
                "--seed",
                "3",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    Cli r = Cli.of(args.toArray(new String[0]));
    assertEquals(0, r.code(), r.err());
    return r;
  }

  /** Every frontier and grammar file of a run directory, relative path to content. */
  private static List<String> frontiersAndGrammars(Path dir) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.equals("frontiers.json")
            || name.equals("test-frontiers.json")
            || name.equals("grammar.json")) {
          files.add(dir.relativize(p) + "\n" + Files.readString(p));
        }
      }
    }
    return files;
  }

  @Test
  void theListsSuiteOnLocal2GivesTheLocalRunnersFrontiers(@TempDir Path tmp) throws IOException {
    Path local = tmp.resolve("local");
    Path spark = tmp.resolve("spark");
    run(local);
    Cli onSpark = run(spark, "--master", "local[2]");
    assertTrue(onSpark.err().contains("Spark 4"), onSpark.err());
    assertTrue(onSpark.err().contains("master local[2]"), onSpark.err());
    assertTrue(onSpark.err().contains("jobs on 2 cores"), onSpark.err());

    List<String> expected = frontiersAndGrammars(local);
    List<String> actual = frontiersAndGrammars(spark);
    // Iterations 0 and 1: training and test frontiers and the grammar of each.
    assertEquals(6, expected.size(), expected.toString());
    assertEquals(expected, actual);
    assertTrue(expected.get(0).contains("\"program\""), "some task must be solved");
  }
}

package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One tiny run directory shared by the tests of the commands that read checkpoints: {@code reverie
 * run} for one iteration on six easy list tasks, made once per test JVM so the tests stay fast.
 */
final class RunFixture {
  private static Path run;

  private RunFixture() {}

  /** The run directory; its latest checkpoint (iteration 1) has an invention and a model. */
  static synchronized Path run() {
    if (run == null) {
      try {
        Path dir = Files.createTempDirectory("reverie-run-fixture");
        Path suite = dir.resolve("tiny.json");
        Files.writeString(suite, tinySuite());
        Path out = dir.resolve("run");
        CliRun r =
            CliRun.of(
                "run",
                "--file",
                suite.toString(),
                "--iterations",
                "1",
                "--timeout",
                "0.3",
                "--threads",
                "1",
                "--recognition-steps",
                "20",
                "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        run = out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run;
  }

  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // Only a temporary directory left behind.
    }
  }

  /** Six list tasks: add 1, 2 or 3 to every element, each on two sets of inputs. */
  static String tinySuite() {
    String[][] inputs = {{"[1, 2, 3]", "[0]", "[5, 9]"}, {"[4, 4]", "[]", "[7, 1, 2]"}};
    StringBuilder tasks = new StringBuilder();
    int n = 0;
    for (int k = 1; k <= 3; k++) {
      for (String[] set : inputs) {
        StringBuilder examples = new StringBuilder();
        for (String in : set) {
          StringBuilder out = new StringBuilder("[");
          String body = in.substring(1, in.length() - 1).strip();
          if (!body.isEmpty()) {
            String sep = "";
            for (String x : body.split(",")) {
              out.append(sep).append(Long.parseLong(x.strip()) + k);
              sep = ", ";
            }
          }
          out.append(']');
          examples
              .append(examples.length() == 0 ? "" : ", ")
              .append("{\"inputs\": [")
              .append(in)
              .append("], \"output\": ")
              .append(out)
              .append('}');
        }
        tasks
            .append(n++ == 0 ? "" : ",\n")
            .append("{\"name\": \"add ")
            .append(k)
            .append(" #")
            .append(n)
            .append("\", \"request\": \"list(int) -> list(int)\", \"examples\": [")
            .append(examples)
            .append("]}");
      }
    }
    return "{\"format\": \"reverie-suite/1\", \"name\": \"tiny\", \"domain\": \"lists\","
        + " \"tasks\": [\n"
        + tasks
        + "\n]}\n";
  }
}

package reverie.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import reverie.cli.Main;

/**
 * A tiny run for the server's tests, made once per test JVM: {@code reverie run} for one iteration
 * on eight easy list tasks, two of them with names a page must show as text ({@link #SCRIPT} and
 * {@link #SLASHED}).
 */
public final class ServeFixture {
  /** A task name that would run a script if a page put it into HTML unescaped. */
  public static final String SCRIPT = "<script>alert(1)</script>";

  /** A task name with a slash, quotes and an ampersand, for URLs and attributes. */
  public static final String SLASHED = "a/b \"c\" & d";

  private static Path run;

  private ServeFixture() {}

  /** The run directory, named {@code run}; its latest checkpoint (iteration 1) has inventions. */
  public static synchronized Path run() {
    if (run == null) {
      try {
        Path dir = Files.createTempDirectory("reverie-serve-fixture");
        Path suite = dir.resolve("tasks.json");
        Files.writeString(suite, suite());
        Path out = dir.resolve("run");
        StringWriter err = new StringWriter();
        int code =
            Main.run(
                new String[] {
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
                  out.toString()
                },
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(0, code, err.toString());
        run = out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run;
  }

  /** Copies a run directory (files and folders, not following symlinks). */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  public static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // Only a temporary directory left behind.
    }
  }

  /** Add k to every element, for k = 1, 2, 3, on two sets of inputs; two tasks oddly named. */
  private static String suite() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("format", "reverie-suite/1");
    root.put("name", "serve-fixture");
    root.put("domain", "lists");
    ArrayNode tasks = root.putArray("tasks");
    List<List<List<Integer>>> inputs =
        List.of(
            List.of(List.of(1, 2, 3), List.of(0), List.of(5, 9)),
            List.of(List.of(4, 4), List.of(), List.of(7, 1, 2)));
    int n = 0;
    for (int k = 1; k <= 3; k++) {
      for (List<List<Integer>> set : inputs) {
        n++;
        add(tasks, "add " + k + " #" + n, k, set);
      }
    }
    add(tasks, SCRIPT, 1, List.of(List.of(2, 3), List.of(8), List.of(1, 1, 1)));
    add(tasks, SLASHED, 2, List.of(List.of(6), List.of(3, 0), List.of(2, 2)));
    return root.toPrettyString();
  }

  private static void add(ArrayNode tasks, String name, int k, List<List<Integer>> inputs) {
    ObjectNode t = tasks.addObject();
    t.put("name", name);
    t.put("request", "list(int) -> list(int)");
    ArrayNode examples = t.putArray("examples");
    for (List<Integer> in : inputs) {
      ObjectNode e = examples.addObject();
      ArrayNode list = e.putArray("inputs").addArray();
      in.forEach(list::add);
      ArrayNode output = e.putArray("output");
      in.forEach(x -> output.add(x + k));
    }
  }
}

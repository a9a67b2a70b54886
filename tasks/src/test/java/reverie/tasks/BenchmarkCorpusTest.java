package reverie.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;

/**
 * Every list and text program of the shared Stitch compression benchmark parses and has its task's
 * type.
 */
class BenchmarkCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} benchmarks in domain {1}")
  @CsvSource({"list_, lists", "text_, text"})
  void everyProgramParsesAndTypeChecks(String prefix, String domainName) throws IOException {
    Path benches = sharedData().resolve("stitch/compression_benchmark/benches");
    assumeTrue(Files.isDirectory(benches), "no shared benchmark data at " + benches);
    Domain domain = Domains.installed().byName(domainName);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(benches)) {
      all.filter(f -> f.getParent().getFileName().toString().startsWith(prefix))
          .filter(f -> f.getFileName().toString().matches("bench.*\\.json"))
          .sorted()
          .forEach(files::add);
    }
    assertTrue(files.size() > 10, "benchmark files for " + prefix);
    // Later iterations repeat earlier frontiers: check each (program, request) pair once.
    Set<String> seen = new HashSet<>();
    for (Path file : files) {
      JsonNode bench = JSON.readTree(file.toFile());
      for (JsonNode frontier : bench.get("frontiers")) {
        Type request = type(frontier.get("request"));
        for (JsonNode entry : frontier.get("programs")) {
          String text = entry.get("program").asText();
          if (!seen.add(text + " : " + request)) {
            continue;
          }
          try {
            Program p = Program.parse(text, domain.resolver());
            TypeInference.check(p, request);
          } catch (RuntimeException e) {
            throw new AssertionError(
                file.getFileName() + ", task " + frontier.get("name") + ": " + e.getMessage(), e);
          }
        }
      }
    }
    assertTrue(seen.size() > 500, seen.size() + " distinct programs");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"constructor\":\"->\",\"arguments\":[{\"constructor\":\"list\",\"arguments\":[{\"constructor\":\"int\",\"arguments\":[]}]},{\"constructor\":\"bool\",\"arguments\":[]}]}"
            + " | list(int) -> bool"
      })
  void readsDreamCodersJsonTypes(String json, String type) throws IOException {
    assertEquals(type, type(JSON.readTree(json)).toString());
  }

  /** DreamCoder's JSON form of a type: {@code {"constructor": "->", "arguments": [...]}}. */
  private static Type type(JsonNode json) {
    List<Type> arguments = new ArrayList<>();
    json.get("arguments").forEach(a -> arguments.add(type(a)));
    return Type.of(json.get("constructor").asText(), arguments.toArray(Type[]::new));
  }

  /**
   * The shared data folder next to the repository: the first {@code shared/data} found walking up.
   */
  static Path sharedData() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/data"))) {
        return p.resolve("shared/data");
      }
    }
    return Path.of("../shared/data");
  }
}

package reverie.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.InputException;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.engine.enumerate.SearchListener;
import reverie.engine.enumerate.SearchPlan;
import reverie.engine.enumerate.SolveConfig;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;
import reverie.tasks.Suite;
import reverie.tasks.Suites;

/**
 * Faults on {@code local[N,F]}: a try that fails is tried again without counting its programs
 * twice; a job that fails on every try is reported by its tasks' names and the others go on; an
 * executor of another Reverie version is one line.
 */
class SparkFaultTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long BUDGET = 1500;

  /** Every fourth task of the built-in lists suite, as a suite of {@code domain}. */
  private static ObjectNode suite(String domain) {
    Domain lists = Domains.installed().byName("lists");
    Suite all = Domains.installed().suite("lists");
    ObjectNode json = Suites.toJson(all, lists);
    ArrayNode some = JSON.createArrayNode();
    for (int i = 0; i < json.get("tasks").size(); i += 4) {
      some.add(json.get("tasks").get(i));
    }
    json.put("domain", domain);
    json.put("name", "faults");
    json.set("tasks", some);
    return json;
  }

  /** A task with one example whose inputs are the lists {@code [1]}, {@code [2]}, ... */
  private static ObjectNode task(String name, String request, int inputs, long output) {
    ObjectNode t = JSON.createObjectNode();
    t.put("name", name);
    t.put("request", request);
    ObjectNode example = t.putArray("examples").addObject();
    ArrayNode in = example.putArray("inputs");
    for (int i = 1; i <= inputs; i++) {
      in.addArray().add(i);
    }
    example.put("output", output);
    return t;
  }

  private static Map<String, JsonNode> solve(Path file, String... extra) throws IOException {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("solve", "--file", file.toString(), "--max-programs", "" + BUDGET, "--json"));
    args.addAll(List.of(extra));
    SparkRunTest.Cli r = SparkRunTest.Cli.of(args.toArray(new String[0]));
    assertEquals(0, r.code(), r.err());
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode t : JSON.readTree(r.out()).get("tasks")) {
      byName.put(t.get("name").asText(), t);
    }
    lastErr = r.err();
    return byName;
  }

  private static String lastErr = "";

  @Test
  void aRetriedTryCountsOnceAndAJobThatAlwaysFailsIsReportedWhileTheOthersGoOn(@TempDir Path tmp)
      throws IOException {
    ObjectNode faulty = suite("flaky");
    ArrayNode tasks = (ArrayNode) faulty.get("tasks");
    // Alone in its request type, so alone in its job: it fails on both tries.
    tasks.add(task("bad", "list(int) -> list(int) -> int", 2, FlakyDomain.BAD));
    // Shares its job with the suite's list(int) -> int tasks, whose first try fails.
    tasks.add(task("flaky", "list(int) -> int", 1, FlakyDomain.FLAKY));
    Path faultyFile = tmp.resolve("faulty.json");
    Files.writeString(faultyFile, faulty.toString());
    Path cleanFile = tmp.resolve("clean.json");
    Files.writeString(cleanFile, suite("lists").toString());

    FlakyDomain.FLAKED.set(false);
    Map<String, JsonNode> onSpark = solve(faultyFile, "--master", "local[2,2]");
    String err = lastErr;
    assertTrue(FlakyDomain.FLAKED.get(), "the flaky task must have failed once");
    Map<String, JsonNode> local = solve(cleanFile, "--threads", "2");

    assertEquals(local.size() + 2, onSpark.size());
    for (Map.Entry<String, JsonNode> e : local.entrySet()) {
      JsonNode there = onSpark.get(e.getKey());
      assertEquals(e.getValue().get("program"), there.get("program"), e.getKey());
      assertEquals(e.getValue().get("programs_tried"), there.get("programs_tried"), e.getKey());
    }
    // The flaky task's second try counted its programs from scratch.
    assertEquals(BUDGET, onSpark.get("flaky").get("programs_tried").asLong());
    assertFalse(onSpark.get("bad").get("solved").asBoolean());
    assertEquals(0, onSpark.get("bad").get("programs_tried").asLong());
    List<String> warnings = err.lines().filter(l -> l.contains("warning")).toList();
    assertEquals(1, warnings.size(), err);
    assertTrue(warnings.get(0).contains("tasks left unsolved (bad)"), warnings.get(0));
    assertTrue(warnings.get(0).contains("a planted bad task"), warnings.get(0));
  }

  @Test
  void anExecutorOfAnotherReverieVersionIsOneLine() {
    Domain lists = Domains.installed().byName("lists");
    SparkRunner runner = SparkRunner.start(MasterUrl.parse("local[2]"), "test", line -> {});
    try {
      SearchPlan plan =
          SearchPlan.of(
              Domains.installed().suite("lists").tasks().subList(0, 4),
              t -> ContextualGrammar.fromGrammar(Grammar.uniform(lists.primitives())),
              "lists",
              SolveConfig.defaults().withMaxPrograms(100).budget(Scorer.of(lists).budget()));
      InputException e =
          assertThrows(
              InputException.class,
              () -> runner.claimingVersion("0.0.1-other").run(plan, SearchListener.NONE));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "reverie-version-mismatch: the driver runs Reverie 0.0.1-other and executor"),
          e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    } finally {
      runner.close();
    }
  }
}

package reverie.dsl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.InputException;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

class GrammarJsonTest {

  static Grammar withInvention() {
    Program inc = ListPrimitives.parse("#(lambda (+ $0 1))");
    Program mapInc = ListPrimitives.parse("#(lambda (map #(lambda (+ $0 1)) $0))");
    List<Program> library = new ArrayList<>(ListPrimitives.ALL);
    library.add(inc);
    library.add(mapInc);
    Random random = new Random(3);
    Grammar g = Grammar.uniform(library);
    double[] w = g.logWeights();
    for (int i = 0; i < w.length; i++) {
      w[i] = -random.nextDouble() * 3;
    }
    w[4] = Double.NEGATIVE_INFINITY;
    return g.withLogWeights(-0.6, w);
  }

  @Test
  void grammarRoundTrip() {
    Grammar g = withInvention();
    String text = GrammarJson.write(GrammarJson.toJson(g));
    assertTrue(text.contains("\"expression\" : \"#(lambda (map #(lambda (+ $0 1)) $0))\""), text);
    assertTrue(text.contains("\"type\" : \"list(int) -> list(int)\""), text);
    assertEquals(g, GrammarJson.readGrammar(text, ListPrimitives.RESOLVER));
  }

  @Test
  void contextualGrammarRoundTrip() {
    ContextualGrammar g = ContextualGrammarTest.randomContextual(withInvention(), new Random(5));
    String text = GrammarJson.write(GrammarJson.toJson(g));
    assertEquals(g, GrammarJson.readContextualGrammar(text, ListPrimitives.RESOLVER));
  }

  @Test
  void libraryRoundTrip() {
    List<Program> library = withInvention().library();
    JsonNode json = GrammarJson.libraryToJson(library);
    assertEquals(library, GrammarJson.readLibrary(json, ListPrimitives.RESOLVER));
  }

  @Test
  void readsDreamCodersFormWithoutTypes() {
    String dsl =
        "{\"logVariable\": -0.5, \"productions\": [{\"expression\": \"map\", \"logProbability\":"
            + " -1.5}, {\"expression\": \"#(lambda (gt? $0 0))\", \"logProbability\": -Infinity}]}";
    Grammar g = GrammarJson.readGrammar(dsl, ListPrimitives.RESOLVER);
    assertEquals(-0.5, g.logVariable());
    assertEquals(Type.parse("(t0 -> t1) -> list(t0) -> list(t1)"), g.productions().get(0).type());
    assertEquals(Type.parse("int -> bool"), g.productions().get(1).type());
    assertEquals(Double.NEGATIVE_INFINITY, g.productions().get(1).logWeight());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"productions\": []} | grammar: missing field 'logVariable'",
        "{\"logVariable\": \"x\", \"productions\": []} | grammar.logVariable: expected a number",
        "{\"logVariable\": 0, \"productions\": {}} | grammar.productions: expected a JSON list",
        "{\"logVariable\": 0, \"productions\": [{\"expression\": \"map\"}]} |"
            + " grammar.productions[0]: missing field 'logProbability'",
        "{\"logVariable\": 0, \"productions\": [{\"expression\": \"nope\", \"logProbability\": 0}]}"
            + " | grammar.productions[0].expression: column 1: unknown primitive 'nope'",
        "{\"logVariable\": 0, \"productions\": [{\"expression\": \"(cdr empty)\","
            + " \"logProbability\": 0}]} | grammar.productions[0].expression: '(cdr empty)' is"
            + " neither",
        "{\"logVariable\": 0, \"productions\": [{\"expression\": \"cdr\", \"type\": \"int\","
            + " \"logProbability\": 0}]} | grammar.productions[0].type: cdr has type list(t0) ->"
            + " list(t0), not int",
        "{\"logVariable\": 0, \"productions\": [{\"expression\": \"cdr\", \"logProbability\": 0},"
            + " {\"expression\": \"cdr\", \"logProbability\": 0}]} |"
            + " grammar.productions[1].expression: cdr is listed twice",
        "{\"logVariable\": 0, \"productions\": [ | grammar: the text ends in the middle of an array (line 1",
      })
  void malformedGrammarsNameTheField(String json, String message) {
    InputException e =
        assertThrows(
            InputException.class, () -> GrammarJson.readGrammar(json, ListPrimitives.RESOLVER));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void contextualGrammarWithMissingTablesIsRefused() {
    ContextualGrammar g = ContextualGrammar.uniform(ListPrimitives.ALL);
    var json = GrammarJson.toJson(g);
    ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("productions")).remove(0);
    InputException e =
        assertThrows(
            InputException.class,
            () -> GrammarJson.readContextualGrammar(json, ListPrimitives.RESOLVER));
    assertTrue(e.getMessage().startsWith("contextual grammar: "), e.getMessage());
  }

  /**
   * Every frontier program of DreamCoder's list compression inputs is in the language of its DSL.
   */
  @Test
  void dreamCoderBenchmarksReadAndTheirFrontiersHaveFinitePriors() throws IOException {
    Path benches = SharedData.find("data/stitch/compression_benchmark/benches");
    assumeTrue(benches != null, "shared data absent");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(benches)) {
      files =
          walk.filter(p -> p.getFileName().toString().matches("bench\\d+_it\\d+\\.json"))
              .filter(p -> p.getParent().getFileName().toString().startsWith("list_"))
              .sorted()
              .toList();
    }
    // The last iteration of each run has the largest library; earlier ones repeat its frontiers. To
    // keep
    // the test fast, every third frontier is scored.
    files =
        files.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    Path::getParent,
                    java.util.TreeMap::new,
                    java.util.stream.Collectors.maxBy(java.util.Comparator.naturalOrder())))
            .values()
            .stream()
            .map(java.util.Optional::orElseThrow)
            .toList();
    assertFalse(files.isEmpty());
    int programs = 0;
    for (Path file : files) {
      JsonNode bench = GrammarJson.parse(Files.readString(file), file.toString());
      Grammar g = GrammarJson.readGrammar(bench.get("DSL"), ListPrimitives.RESOLVER);
      JsonNode frontiers = bench.get("frontiers");
      for (int f = 0; f < frontiers.size(); f += 3) {
        JsonNode frontier = frontiers.get(f);
        Type request = SharedData.dreamCoderType(frontier.get("request"));
        for (JsonNode entry : frontier.get("programs")) {
          Program p = Program.parse(entry.get("program").asText(), ListPrimitives.RESOLVER);
          double logPrior = g.logPrior(p, request);
          assertTrue(Double.isFinite(logPrior), file + ": " + p + " : " + request);
          assertEquals(logPrior, g.summarize(p, request).logLikelihood(g), 1e-9);
          programs++;
        }
      }
    }
    assertTrue(programs > 100, "only " + programs + " programs");
  }
}

package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

class FrontierJsonTest {
  private static final PrimitiveResolver LISTS = PrimitiveResolver.of(ListGrammar.PRIMITIVES);

  private static FrontierEntry entry(String program, double logPrior) {
    return new FrontierEntry(Program.parse(program, LISTS), logPrior, 0.0);
  }

  @Test
  void frontierKeepsBestPosteriorFirstAndMergesWithoutDuplicates() {
    Type request = Type.parse("list(int) -> list(int)");
    Frontier a =
        new Frontier(
            "t",
            request,
            ImmutableList.of(entry("(lambda (cdr $0))", -4.8), entry("(lambda $0)", -2.4)));
    assertEquals("(lambda $0)", a.best().orElseThrow().program().toString());
    Frontier b =
        new Frontier(
            "t",
            request,
            ImmutableList.of(entry("(lambda $0)", -2.4), entry("(lambda empty)", -2.4)));
    Frontier merged = a.merge(b, 2);
    assertEquals(2, merged.entries().size());
    // equal posteriors are ordered by program text
    assertEquals("(lambda $0)", merged.entries().get(0).program().toString());
    assertEquals("(lambda empty)", merged.entries().get(1).program().toString());
  }

  @Test
  void mergePreferringNewerTakesTheNewerScoresOfAProgramInBoth() {
    Type request = Type.parse("list(int) -> list(int)");
    Frontier kept =
        new Frontier(
            "t",
            request,
            ImmutableList.of(entry("(lambda $0)", -9.0), entry("(lambda (cdr $0))", -5.0)));
    Frontier found = new Frontier("t", request, ImmutableList.of(entry("(lambda $0)", -2.0)));

    Frontier merged = kept.mergePreferringNewer(found, 3);
    assertEquals(2, merged.entries().size());
    assertEquals(-2.0, merged.best().orElseThrow().logPrior());
    assertEquals(-9.0, kept.merge(found, 3).entries().get(1).logPrior(), "merge keeps its own");
    assertEquals(
        ImmutableList.of(entry("(lambda $0)", -2.0)),
        kept.mergePreferringNewer(found, 1).entries());
  }

  @Test
  void roundTripsDreamCodersCompressorInput(@TempDir Path dir) throws Exception {
    Grammar g = ListGrammar.uniform();
    Type request = Type.parse("list(int) -> list(int)");
    Frontier f =
        new Frontier(
            "add-k with k=1",
            request,
            ImmutableList.of(
                entry("(lambda (map (lambda (+ $0 1)) $0))", -9.5), entry("(lambda $0)", -2.4)));
    Frontier empty = Frontier.empty("unsolved", Type.parse("list(int) -> int"));
    Path file = dir.resolve("frontiers.json");
    FrontierJson.write(file, g, ImmutableList.of(f, empty));
    String text = Files.readString(file);
    assertTrue(text.contains("\"constructor\" : \"->\""), text);
    assertTrue(text.contains("\"logProbability\""), text);
    FrontierJson.FrontierFile back = FrontierJson.read(file, LISTS);
    assertEquals(g, back.grammar());
    assertEquals(ImmutableList.of(f, empty), back.frontiers());
  }

  @Test
  void readsRequestsWrittenAsTypeStrings() {
    // The form of the wake-sleep loop's checkpoints before they used DreamCoder's type objects.
    String old =
        "{\"DSL\": {\"logVariable\": 0, \"productions\": []}, \"frontiers\": [{\"task\": \"head\","
            + " \"request\": \"list(t0) -> t0\", \"programs\": [{\"program\": \"(lambda (car"
            + " $0))\", \"logLikelihood\": 0.0, \"logPrior\": -3.5}]}]}";
    Frontier f = FrontierJson.frontiersFromJson(json(old), LISTS, "frontiers.json").get(0);
    assertEquals(Type.parse("list(t0) -> t0"), f.request());
    assertEquals(ImmutableList.of(entry("(lambda (car $0))", -3.5)), f.entries());
    assertEquals(
        f.request(), FrontierJson.typeFromJson(FrontierJson.typeToJson(f.request()), "round trip"));
  }

  @Test
  void aBadRequestNamesTheFileAndTheTask() {
    for (String request : List.of("\"list(int -> int\"", "42", "{\"arguments\": []}")) {
      String text =
          "{\"frontiers\": [{\"task\": \"x\", \"request\": " + request + ", \"programs\": []}]}";
      InputException e =
          assertThrows(
              InputException.class,
              () -> FrontierJson.frontiersFromJson(json(text), LISTS, "frontiers.json"));
      assertTrue(e.getMessage().startsWith("frontiers.json: task 'x': request"), e.getMessage());
    }
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void badInputNamesTheTask(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        "{\"DSL\": {\"logVariable\": 0, \"productions\": []}, \"frontiers\": [{\"task\": \"x\","
            + " \"request\": {\"constructor\": \"int\", \"arguments\": []}, \"programs\":"
            + " [{\"program\": \"(lambda\", \"logLikelihood\": 0}]}]}");
    InputException e = assertThrows(InputException.class, () -> FrontierJson.read(file, LISTS));
    assertTrue(e.getMessage().contains("task 'x'"), e.getMessage());
  }
}

package reverie.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.program.Invented;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.type.Type;
import reverie.engine.enumerate.FrontierJson;

class LibraryReportTest {

  @TempDir Path tmp;
  Checkpoint<Integer> checkpoint;

  @BeforeEach
  void run() {
    CheckpointStore store = CheckpointStore.create(tmp.resolve("run"), FakePhases.config(2));
    checkpoint =
        FakePhases.loop(store, FakePhases.split(10, 4), new FakePhases.Wake(4), new StopSignal())
            .run()
            .last();
  }

  @Test
  void listsInventionsWithDependenciesUsesAndExamples() {
    LibraryReport report =
        LibraryReport.of(
            checkpoint,
            (task, application, lambdas, view) ->
                Optional.of(task + ": " + view.readable(application)));
    assertEquals(2, report.inventions().size());
    assertEquals(2, report.depth());
    LibraryReport.InventionInfo f0 = report.byName().get("f0");
    LibraryReport.InventionInfo f1 = report.byName().get("f1");
    assertEquals("(lambda (inc (inc $0)))", f0.readable());
    assertEquals("(lambda (f0 (f0 $0)))", f1.readable());
    assertEquals("int -> int", f1.type());
    assertEquals(1, f1.arity());
    assertEquals(2, f1.depth());
    assertTrue(f1.uses() > 0 && f1.taskCount() > 0, f1.toString());
    assertTrue(f1.example().orElseThrow().contains("(f1 "), f1.toString());
    String text = report.toText();
    assertTrue(text.contains("f1 = (lambda (f0 (f0 $0)))"), text);
    assertTrue(text.contains("inc"), text);
    assertTrue(report.toDot().contains("f1 -> f0;"), report.toDot());
    JsonNode json = report.toJson();
    assertEquals(2, json.get("library_size").intValue());
    assertEquals("f0", json.get("inventions").get(1).get("depends_on").get(0).asText());
    // f0 also runs wherever f1 does: the report says so beside f0's direct uses.
    assertEquals(List.of("f1"), report.usedIn("f0"));
    assertEquals(List.of(), report.usedIn("f1"));
    assertEquals("f1", json.get("inventions").get(0).get("used_in").get(0).asText());
    assertTrue(text.contains("and inside the body of f1"), text);
  }

  @Test
  void marksInventionsThatAgreeOnEveryInputTried() {
    LibraryReport report =
        LibraryReport.of(
            checkpoint,
            (task, application, lambdas, view) -> Optional.empty(),
            new LibraryReport.Redundancy() {
              @Override
              public Optional<String> agreement(Invented a, Type at, Invented b, Type bt) {
                return Optional.of("on every input tried");
              }

              @Override
              public Optional<String> prunedShape(Invented invention) {
                return Optional.of("contains (inc 0)");
              }
            });
    assertEquals(List.of("f1 (on every input tried)"), report.byName().get("f0").agreesWith());
    assertTrue(report.toText().contains("REDUNDANT: agrees with f0"), report.toText());
    assertTrue(report.toText().contains("REDUNDANT: contains (inc 0)"), report.toText());
    assertEquals(
        "f1 (on every input tried)",
        report.toJson().get("inventions").get(0).get("agrees_with").get(0).asText());
    LibraryReport plain = LibraryReport.of(checkpoint, (t, a, l, v) -> Optional.empty());
    assertFalse(plain.toText().contains("REDUNDANT"), plain.toText());
  }

  @Test
  void exportsInlineInventionsForStitchAndKeepThemForDreamCoder() {
    String stitch = Export.stitch(checkpoint.frontiers().values());
    assertFalse(stitch.contains("#"), stitch);
    assertTrue(stitch.contains("(lam (inc (inc (inc (inc $0)))))"), stitch);
    String dc = Export.dreamcoder(checkpoint.grammar(), checkpoint.frontiers().values());
    JsonNode node = Json.parse(dc, "export");
    assertEquals(checkpoint.frontiers().size(), node.get("frontiers").size());
    assertEquals(
        checkpoint.frontiers().values().asList(),
        FrontierJson.frontiersFromJson(node, FakePhases.RESOLVER, "export"));
    assertEquals(
        checkpoint.grammar(),
        reverie.dsl.grammar.GrammarJson.readGrammar(node.get("DSL"), FakePhases.RESOLVER));
    assertTrue(
        FrontierJson.frontiersFromJson(node, PrimitiveResolver.untyped(), "export").size() > 0);
  }
}

package reverie.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.InputException;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.program.Program;
import reverie.engine.enumerate.FrontierJson;

class WakeSleepLoopTest {

  @TempDir Path tmp;

  private static final Set<String> METRIC_KEYS =
      Set.of(
          "iteration",
          "train_solved",
          "train_total",
          "test_solved",
          "test_total",
          "library_size",
          "library_depth",
          "mean_solution_description_length",
          "wake_seconds",
          "abstraction_seconds",
          "dream_seconds",
          "test_seconds",
          "programs_enumerated");

  @Test
  void metricsHaveOneLinePerIterationWithEveryField() throws IOException {
    Path dir = tmp.resolve("run");
    CheckpointStore store = CheckpointStore.create(dir, FakePhases.config(3));
    WakeSleepLoop.Outcome<Integer> outcome =
        FakePhases.loop(store, FakePhases.split(12, 6), new FakePhases.Wake(4), new StopSignal())
            .drawCurve(true)
            .run();
    assertFalse(outcome.stopped());
    assertEquals(3, outcome.last().iteration());

    List<String> lines = Files.readAllLines(dir.resolve(CheckpointStore.METRICS));
    assertEquals(4, lines.size());
    ObjectMapper mapper = new ObjectMapper();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode row = mapper.readTree(lines.get(i));
      assertEquals(i, row.get("iteration").intValue());
      Set<String> keys = new java.util.HashSet<>();
      row.fieldNames().forEachRemaining(keys::add);
      assertTrue(keys.containsAll(METRIC_KEYS), "missing keys in " + row);
      assertEquals(12, row.get("train_total").intValue());
      assertEquals(6, row.get("test_total").intValue());
      assertEquals(i, row.get("library_size").intValue());
      assertEquals(i, row.get("library_depth").intValue());
    }
    JsonNode first = mapper.readTree(lines.get(0));
    JsonNode last = mapper.readTree(lines.get(3));
    // Base grammar: programs of up to 4 nodes (lambda, incs, $0), i.e. add1 and add2.
    assertEquals(2, first.get("train_solved").intValue());
    assertTrue(last.get("train_solved").intValue() > 2, last.toString());
    assertTrue(
        last.get("test_solved").intValue() > first.get("test_solved").intValue(), last.toString());
    assertTrue(Files.size(dir.resolve(LearningCurve.PNG)) > 1000);
    assertTrue(Files.readString(dir.resolve(LearningCurve.SVG)).contains("<svg"));
    assertEquals(List.of(0, 1, 2, 3), store.iterations());
  }

  @Test
  void theSearchWithoutAModelUsesTheContextualPriorOfTheSolutionsSoFar() throws IOException {
    CheckpointStore store = CheckpointStore.create(tmp.resolve("run"), FakePhases.config(2));
    FakePhases.Wake wake = new FakePhases.Wake(4);
    Checkpoint<Integer> last =
        FakePhases.loop(store, FakePhases.split(8, 4), wake, new StopSignal()).run().last();
    Program three = Program.parse("(lambda (inc (inc (inc $0))))", FakePhases.RESOLVER);
    // Iteration 0 (wake, then test) has no solutions: its prior is the base grammar.
    for (int call = 0; call < 2; call++) {
      assertEquals(
          FakePhases.BASE.logPrior(three, FakePhases.REQUEST),
          wake.priors.get(call).logPrior(three, FakePhases.REQUEST),
          1e-12);
    }
    // The last test searched the checkpoint's prior, which `reverie solve --checkpoint` also uses,
    // and it has learned the shape of the solutions (blocks outside, incs inside, then $0): a new
    // solution of that shape is likelier under it than under the unigram library.
    ContextualGrammar lastTest = wake.priors.get(wake.priors.size() - 1);
    Program eleven = FakePhases.solution(11, last.grammar());
    assertEquals(
        last.prior().logPrior(eleven, FakePhases.REQUEST),
        lastTest.logPrior(eleven, FakePhases.REQUEST),
        1e-12);
    assertTrue(
        lastTest.logPrior(eleven, FakePhases.REQUEST)
            > last.grammar().logPrior(eleven, FakePhases.REQUEST),
        eleven.toString());
  }

  @Test
  void checkpointRoundTrips() {
    Path dir = tmp.resolve("run");
    CheckpointStore store = CheckpointStore.create(dir, FakePhases.config(2));
    Checkpoint<Integer> written =
        FakePhases.loop(store, FakePhases.split(8, 4), new FakePhases.Wake(4), new StopSignal())
            .run()
            .last();
    Checkpoint<Integer> read =
        CheckpointStore.open(dir).load(2, FakePhases.RESOLVER, new FakePhases.Dream());
    assertEquals(written.grammar(), read.grammar());
    assertEquals(written.frontiers(), read.frontiers());
    assertEquals(written.testFrontiers(), read.testFrontiers());
    assertEquals(written.model(), read.model());
    assertEquals(written.config(), read.config());
    assertEquals(written.trainTasks(), read.trainTasks());
    assertEquals(written.metrics().size(), read.metrics().size());
    for (int i = 0; i < written.metrics().size(); i++) {
      assertEquals(written.metrics().get(i).toJson(), read.metrics().get(i).toJson());
    }
  }

  @Test
  void aFlippedByteIsReportedAsCorrupt() throws IOException {
    Path dir = tmp.resolve("run");
    CheckpointStore store = CheckpointStore.create(dir, FakePhases.config(1));
    FakePhases.loop(store, FakePhases.split(4, 2), new FakePhases.Wake(4), new StopSignal()).run();
    Path grammar = store.folder(1).resolve(CheckpointStore.GRAMMAR);
    byte[] bytes = Files.readAllBytes(grammar);
    bytes[bytes.length / 2] ^= 1;
    Files.write(grammar, bytes);
    InputException e = assertThrows(InputException.class, () -> store.verify(1));
    assertTrue(e.getMessage().contains("grammar.json is corrupt"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void aMissingFileOrAnotherVersionIsRefused() throws IOException {
    Path dir = tmp.resolve("run");
    CheckpointStore store = CheckpointStore.create(dir, FakePhases.config(1));
    FakePhases.loop(store, FakePhases.split(4, 2), new FakePhases.Wake(4), new StopSignal()).run();
    Files.delete(store.folder(1).resolve(CheckpointStore.FRONTIERS));
    assertThrows(InputException.class, () -> store.verify(1));
    Path manifest = store.folder(0).resolve(CheckpointStore.MANIFEST);
    Files.writeString(
        manifest,
        Files.readString(manifest).replace("\"format_version\" : 1", "\"format_version\" : 99"));
    InputException e = assertThrows(InputException.class, () -> store.verify(0));
    assertTrue(e.getMessage().contains("format version 99"), e.getMessage());
  }

  @Test
  void aNonEmptyDirectoryIsRefusedAndLeftAlone() throws IOException {
    Path dir = tmp.resolve("run");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("notes.txt"), "mine");
    InputException e =
        assertThrows(InputException.class, () -> CheckpointStore.create(dir, FakePhases.config(1)));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertEquals(List.of(dir.resolve("notes.txt")), Files.list(dir).toList());
  }

  @Test
  void resumeAfterAKillFinishesLikeAnUninterruptedRun() throws IOException {
    Path whole = tmp.resolve("whole");
    Checkpoint<Integer> reference =
        FakePhases.loop(
                CheckpointStore.create(whole, FakePhases.config(4)),
                FakePhases.split(12, 6),
                new FakePhases.Wake(4),
                new StopSignal())
            .run()
            .last();

    Path dir = tmp.resolve("killed");
    StopSignal stop = new StopSignal();
    FakePhases.Wake wake = new FakePhases.Wake(4);
    // "Kill" during iteration 3: the stop is seen before its checkpoint is written.
    wake.onCall =
        i -> {
          if (i == 3) {
            stop.request();
          }
        };
    WakeSleepLoop.Outcome<Integer> stopped =
        FakePhases.loop(
                CheckpointStore.create(dir, FakePhases.config(4)),
                FakePhases.split(12, 6),
                wake,
                stop)
            .run();
    assertTrue(stopped.stopped());
    assertEquals(2, stopped.last().iteration());
    // A SIGKILL while writing leaves a partial folder behind.
    Files.createDirectories(dir.resolve(".iteration-003.partial"));
    Files.writeString(dir.resolve(".iteration-003.partial").resolve("grammar.json"), "{\"trunc");

    FakePhases.Wake again = new FakePhases.Wake(4);
    WakeSleepLoop.Outcome<Integer> resumed =
        FakePhases.loop(CheckpointStore.open(dir), FakePhases.split(12, 6), again, new StopSignal())
            .run();
    assertFalse(resumed.stopped());
    assertEquals(4, resumed.last().iteration());
    assertEquals(List.of(3, 3, 4, 4), again.iterations, "resume starts at the lost iteration");
    assertFalse(Files.exists(dir.resolve(".iteration-003.partial")));
    assertEquals(reference.grammar(), resumed.last().grammar());
    assertEquals(reference.frontiers(), resumed.last().frontiers());
    assertEquals(reference.model(), resumed.last().model());
    assertEquals(5, Files.readAllLines(dir.resolve(CheckpointStore.METRICS)).size());
    for (int i = 0; i <= 4; i++) {
      CheckpointStore.open(dir).verify(i);
    }
  }

  @Test
  void resumeAfterTheLastFolderIsDeletedRedoesThatIteration() throws IOException {
    Path dir = tmp.resolve("run");
    FakePhases.loop(
            CheckpointStore.create(dir, FakePhases.config(2)),
            FakePhases.split(6, 3),
            new FakePhases.Wake(4),
            new StopSignal())
        .run();
    CheckpointStore store = CheckpointStore.open(dir);
    deleteTree(store.folder(2));
    WakeSleepLoop.Outcome<Integer> resumed =
        FakePhases.loop(store, FakePhases.split(6, 3), new FakePhases.Wake(4), new StopSignal())
            .run();
    assertEquals(2, resumed.last().iteration());
    assertEquals(List.of(0, 1, 2), store.iterations());
    assertEquals(3, Files.readAllLines(dir.resolve(CheckpointStore.METRICS)).size());
  }

  @Test
  void aCorruptCheckpointStopsResumeWithoutTouchingFiles() throws IOException {
    Path dir = tmp.resolve("run");
    FakePhases.loop(
            CheckpointStore.create(dir, FakePhases.config(1)),
            FakePhases.split(4, 2),
            new FakePhases.Wake(4),
            new StopSignal())
        .run();
    CheckpointStore store = CheckpointStore.open(dir);
    Path frontiers = store.folder(1).resolve(CheckpointStore.FRONTIERS);
    Files.writeString(frontiers, Files.readString(frontiers) + " ");
    Path partial = dir.resolve(".iteration-002.partial");
    Files.createDirectories(partial);
    long metricsTime = Files.getLastModifiedTime(dir.resolve(CheckpointStore.METRICS)).toMillis();
    CheckpointStore reopened = CheckpointStore.open(dir);
    assertThrows(
        InputException.class,
        () ->
            FakePhases.loop(
                    reopened.config().iterations() == 1 ? CheckpointStore.open(dir) : reopened,
                    FakePhases.split(4, 2),
                    new FakePhases.Wake(4),
                    new StopSignal())
                .run());
    assertTrue(Files.exists(partial), "nothing is cleaned before the checkpoint verifies");
    assertEquals(
        metricsTime, Files.getLastModifiedTime(dir.resolve(CheckpointStore.METRICS)).toMillis());
  }

  @Test
  void aCheckpointWithTypeStringRequestsLoadsResumesAndExportsTypeObjects() throws IOException {
    Path dir = tmp.resolve("run");
    Checkpoint<Integer> written =
        FakePhases.loop(
                CheckpointStore.create(dir, FakePhases.config(1)),
                FakePhases.split(6, 3),
                new FakePhases.Wake(4),
                new StopSignal())
            .run()
            .last();
    CheckpointStore store = CheckpointStore.open(dir);
    for (int i : store.iterations()) {
      rewriteAsBeforeTypeObjects(store.folder(i));
    }
    Path frontiers = store.folder(1).resolve(CheckpointStore.FRONTIERS);
    assertTrue(Files.readString(frontiers).contains("\"request\" : \"int -> int\""));

    Checkpoint<Integer> read = store.load(1, FakePhases.RESOLVER, new FakePhases.Dream());
    assertEquals(written.frontiers(), read.frontiers());
    assertEquals(written.testFrontiers(), read.testFrontiers());
    String export = Export.dreamcoder(frontiers, read.frontiers().values());
    assertTrue(export.contains("\"constructor\" : \"->\""), export);
    assertFalse(export.contains("\"request\" : \""), export);

    WakeSleepLoop.Outcome<Integer> resumed =
        FakePhases.loop(
                store.withConfig(FakePhases.config(2)),
                FakePhases.split(6, 3),
                new FakePhases.Wake(4),
                new StopSignal())
            .run();
    assertEquals(2, resumed.last().iteration());
    store.verify(2);
    assertTrue(
        Files.readString(store.folder(2).resolve(CheckpointStore.FRONTIERS))
            .contains("\"constructor\" : \"->\""));
  }

  /**
   * Rewrites a checkpoint's frontier files as the loop wrote them before it used DreamCoder's type
   * objects: requests as type strings, with the manifest's sums made over the new bytes.
   */
  private static void rewriteAsBeforeTypeObjects(Path folder) throws IOException {
    Path manifestFile = folder.resolve(CheckpointStore.MANIFEST);
    JsonNode manifest = Json.read(manifestFile);
    for (String name : List.of(CheckpointStore.FRONTIERS, CheckpointStore.TEST_FRONTIERS)) {
      Path file = folder.resolve(name);
      JsonNode root = Json.read(file);
      for (JsonNode f : root.get("frontiers")) {
        ((ObjectNode) f)
            .put("request", FrontierJson.typeFromJson(f.get("request"), name).toString());
      }
      Files.writeString(file, Json.pretty(root));
      ((ObjectNode) manifest.get("files")).put(name, AtomicFiles.sha256(file));
    }
    Files.writeString(manifestFile, Json.pretty(manifest));
  }

  @Test
  void batchesPutUnsolvedTasksFirst() {
    RunConfig config =
        new RunConfig(
            java.util.Optional.of("fake"),
            java.util.Optional.empty(),
            0.5,
            2,
            1,
            3,
            1,
            1,
            1,
            1,
            0,
            false,
            true,
            1,
            3);
    var train = com.google.common.collect.ImmutableList.of("a", "b", "c", "d", "e");
    var batch = WakeSleepLoop.batch(config, 1, Set.of("a", "b", "c"), train);
    assertEquals(3, batch.size());
    assertTrue(batch.subList(0, 2).containsAll(List.of("d", "e")), batch.toString());
    assertEquals(batch, WakeSleepLoop.batch(config, 1, Set.of("a", "b", "c"), train), "seeded");
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (var children = Files.list(p)) {
        for (Path c : children.toList()) {
          deleteTree(c);
        }
      }
    }
    Files.delete(p);
  }
}

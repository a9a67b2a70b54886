package reverie.engine.recognition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.InputException;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Program;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.SequenceFeaturizer;

class RecognitionModelTest {
  private static final Domain LISTS = Domains.installed().byName("lists");

  private static final TrainingConfig SMALL =
      TrainingConfig.defaults().withSteps(300).withThreads(1).withSeed(11).withBatchSize(4);

  private static RecognitionModel fresh(long seed) {
    return RecognitionModel.create(TestLibrary.GRAMMAR, LISTS, seed);
  }

  private static double rootWeight(ContextualGrammar g, String name) {
    Program p = TestLibrary.parse(name);
    return g.noParent().productions().stream()
        .filter(x -> x.program().equals(p))
        .mapToDouble(Production::logWeight)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void untrainedModelPredictsTheLibrary() {
    RecognitionModel m = fresh(1);
    TrainingTask t = TestLibrary.twoFamilies(1, 2).get(0);
    ContextualGrammar g = m.predict(t.request(), t.examples());
    assertEquals(TestLibrary.GRAMMAR, g.noParent());
    assertEquals(TestLibrary.GRAMMAR, g.library().get(TestLibrary.parse("map")).get(1));
    Program p = t.frontier().get(0).program();
    assertEquals(
        m.libraryLogPrior(p, t.request()), m.logPrior(t.request(), t.examples(), p), 1e-12);
  }

  @Test
  void trainingRaisesTheLogPriorOfReplaysAndTellsTasksApart() {
    List<TrainingTask> train = TestLibrary.twoFamilies(8, 3);
    RecognitionModel m = fresh(4);
    TrainingReport report = m.train(train, FantasySource.none(), SMALL, p -> {});
    assertTrue(report.lastLoss() < report.firstLoss() - 1, report.toString());
    // Fresh tasks of each family: the model puts more root weight on the family's own head.
    List<TrainingTask> test = TestLibrary.twoFamilies(1, 99);
    TrainingTask map = test.get(0);
    TrainingTask length = test.get(1);
    Program mapProgram = map.frontier().get(0).program();
    double before = m.libraryLogPrior(mapProgram, map.request());
    double after = m.logPrior(map.request(), map.examples(), mapProgram);
    assertTrue(after > before + 1, "log-prior " + before + " -> " + after);
    ContextualGrammar gMap = m.predict(map.request(), map.examples());
    ContextualGrammar gLength = m.predict(length.request(), length.examples());
    assertTrue(
        rootWeight(gMap, "map") - rootWeight(gMap, "length")
            > rootWeight(gLength, "map") - rootWeight(gLength, "length"));
  }

  @Test
  void lowRankModelLearnsToo() {
    RecognitionModel m =
        RecognitionModel.create(
            TestLibrary.GRAMMAR, LISTS.featurizer(), Architecture.standard().withRank(8), 4);
    TrainingTask t = TestLibrary.twoFamilies(1, 2).get(0);
    assertEquals(TestLibrary.GRAMMAR, m.predict(t.request(), t.examples()).noParent());
    TrainingReport report =
        m.train(TestLibrary.twoFamilies(8, 3), FantasySource.none(), SMALL, p -> {});
    assertTrue(report.lastLoss() < report.firstLoss() - 1, report.toString());
  }

  @Test
  void fantasiesAloneWhenNothingIsSolved() {
    List<TrainingTask> fantasies = TestLibrary.twoFamilies(4, 5);
    FantasySource source =
        (count, random) -> fantasies.subList(0, Math.min(count, fantasies.size()));
    TrainingReport report = fresh(6).train(List.of(), source, SMALL.withSteps(50), p -> {});
    assertEquals(0, report.replays());
    assertEquals(fantasies.size(), report.fantasies());
  }

  @Nested
  class Determinism {
    @Test
    void sameSeedOneThreadGivesIdenticalWeights() {
      List<TrainingTask> train = TestLibrary.twoFamilies(4, 7);
      RecognitionModel a = fresh(8);
      RecognitionModel b = fresh(8);
      a.train(train, FantasySource.none(), SMALL.withSteps(60), p -> {});
      b.train(train, FantasySource.none(), SMALL.withSteps(60), p -> {});
      assertArrayEquals(a.weights(), b.weights());
      RecognitionModel c = fresh(8);
      c.train(train, FantasySource.none(), SMALL.withSteps(60).withSeed(12), p -> {});
      assertFalse(
          java.util.Arrays.equals(a.weights(), c.weights()),
          "another seed should train differently");
    }

    @Test
    void fixedThreadCountIsDeterministicToo() {
      List<TrainingTask> train = TestLibrary.twoFamilies(4, 7);
      RecognitionModel a = fresh(8);
      RecognitionModel b = fresh(8);
      a.train(train, FantasySource.none(), SMALL.withSteps(40).withThreads(2), p -> {});
      b.train(train, FantasySource.none(), SMALL.withSteps(40).withThreads(2), p -> {});
      assertArrayEquals(a.weights(), b.weights());
    }
  }

  @Nested
  class Files_ {
    @TempDir Path dir;

    @Test
    void saveAndLoadRoundTrip() throws IOException {
      RecognitionModel m = fresh(9);
      m.train(TestLibrary.twoFamilies(2, 1), FantasySource.none(), SMALL.withSteps(20), p -> {});
      m.save(dir);
      RecognitionModel back = RecognitionModel.load(dir, LISTS);
      assertArrayEquals(m.weights(), back.weights());
      assertEquals(m.library(), back.library());
      assertEquals(m.architecture(), back.architecture());
      TrainingTask t = TestLibrary.twoFamilies(1, 2).get(1);
      assertEquals(m.predict(t.request(), t.examples()), back.predict(t.request(), t.examples()));
    }

    @Test
    void inventionsSurviveTheRoundTrip() throws IOException {
      Program invention = TestLibrary.parse("#(lambda (map (lambda (+ $0 1)) $0))");
      java.util.List<Program> programs = new java.util.ArrayList<>(TestLibrary.PRIMITIVES);
      programs.add(invention);
      reverie.dsl.grammar.Grammar library = reverie.dsl.grammar.Grammar.uniform(programs);
      RecognitionModel m = RecognitionModel.create(library, LISTS, 2);
      Program solution = TestLibrary.parse("(lambda (#(lambda (map (lambda (+ $0 1)) $0)) $0))");
      m.train(
          java.util.List.of(
              TrainingTask.of(
                  "inc",
                  TestLibrary.LIST_TO_LIST,
                  TestLibrary.twoFamilies(1, 1).get(0).examples(),
                  solution)),
          FantasySource.none(),
          SMALL.withSteps(5),
          p -> {});
      m.save(dir);
      RecognitionModel back = RecognitionModel.load(dir, LISTS);
      assertEquals(library, back.library());
      assertArrayEquals(m.weights(), back.weights());
    }

    @Test
    void unknownPrimitiveInTheHeaderIsAClearError() throws IOException {
      fresh(1).save(dir);
      Path header = dir.resolve("recognition.json");
      Files.writeString(
          header,
          Files.readString(header)
              .replace("\"expression\" : \"is-prime\"", "\"expression\" : \"is-odd\""));
      InputException e =
          assertThrows(InputException.class, () -> RecognitionModel.load(dir, LISTS));
      assertTrue(
          e.getMessage().contains("recognition.json") && e.getMessage().contains("is-odd"),
          e.getMessage());
    }

    @Test
    void versionMismatchIsAClearError() throws IOException {
      fresh(1).save(dir);
      Path header = dir.resolve("recognition.json");
      Files.writeString(
          header, Files.readString(header).replace("\"version\" : 1", "\"version\" : 7"));
      InputException e =
          assertThrows(InputException.class, () -> RecognitionModel.load(dir, LISTS));
      assertTrue(e.getMessage().contains("version 7"), e.getMessage());
    }

    @Test
    void truncatedWeightsAreAClearError() throws IOException {
      fresh(1).save(dir);
      Path weights = dir.resolve("recognition.bin");
      byte[] bytes = Files.readAllBytes(weights);
      Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 3));
      InputException e =
          assertThrows(InputException.class, () -> RecognitionModel.load(dir, LISTS));
      assertTrue(e.getMessage().contains("recognition.bin"), e.getMessage());
    }

    @Test
    void corruptHeaderIsAClearError() throws IOException {
      fresh(1).save(dir);
      Files.writeString(dir.resolve("recognition.json"), "{ not json");
      InputException e =
          assertThrows(InputException.class, () -> RecognitionModel.load(dir, LISTS));
      assertTrue(e.getMessage().contains("recognition.json"), e.getMessage());
    }
  }

  @Test
  void aModelOfAnotherFeaturizerIsRefusedAndTheGenericOneIsAccepted(@TempDir Path dir)
      throws IOException {
    RecognitionModel generic =
        RecognitionModel.create(
            TestLibrary.GRAMMAR,
            SequenceFeaturizer.hashed(LISTS::valueToJson),
            Architecture.standard(),
            4);
    generic.save(dir);
    TrainingTask t = TestLibrary.twoFamilies(1, 3).get(0);
    assertEquals(
        generic.predict(t.request(), t.examples()),
        RecognitionModel.load(dir, LISTS).predict(t.request(), t.examples()));
    Path header = dir.resolve("recognition.json");
    Files.writeString(header, Files.readString(header).replace("\"generic\"", "\"pictures\""));
    InputException e = assertThrows(InputException.class, () -> RecognitionModel.load(dir, LISTS));
    assertTrue(e.getMessage().contains("featurizer 'pictures'"), e.getMessage());
  }
}

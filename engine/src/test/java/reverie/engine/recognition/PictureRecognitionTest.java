package reverie.engine.recognition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.GeneratedTask;
import reverie.tasks.Suites;

/** The recognition model over a picture domain (LOGO): it learns, and saves and loads. */
class PictureRecognitionTest {
  private static final Domain LOGO = Domains.installed().byName("logo");
  private static final Grammar GRAMMAR = LOGO.baseGrammar();

  /** Replays of two families of the built-in suite: polygons and circles. */
  private static List<TrainingTask> replays() {
    List<TrainingTask> out = new ArrayList<>();
    for (GeneratedTask t : Suites.generatedTasks("logo")) {
      if (t.family().equals("polygon") || t.family().equals("circle")) {
        Program p = Program.parse(t.referenceProgram(), LOGO.resolver());
        out.add(TrainingTask.of(t.task().name(), t.task().request(), t.task().examples(), p));
      }
    }
    return out;
  }

  @Test
  void aPictureModelLearnsToTellPolygonsFromCircles() {
    List<TrainingTask> train = replays();
    RecognitionModel m = RecognitionModel.create(GRAMMAR, LOGO, 3);
    assertEquals("image", m.architecture().encoder());
    TrainingConfig config =
        TrainingConfig.defaults().withSteps(300).withThreads(1).withSeed(5).withBatchSize(4);
    TrainingReport report = m.train(train, FantasySource.none(), config, p -> {});
    assertTrue(report.lastLoss() < report.firstLoss() - 1, report.toString());
    // Each task's own program is now likelier under its predicted grammar than under the library.
    int better = 0;
    for (TrainingTask t : train) {
      Program p = t.frontier().get(0).program();
      if (m.logPrior(t.request(), t.examples(), p) > m.libraryLogPrior(p, t.request())) {
        better++;
      }
    }
    assertEquals(train.size(), better);
  }

  @Test
  void aPictureModelSavesAndLoads(@TempDir Path dir) throws IOException {
    RecognitionModel m = RecognitionModel.create(GRAMMAR, LOGO, 4);
    m.train(
        replays().subList(0, 3),
        FantasySource.none(),
        TrainingConfig.defaults().withSteps(5).withThreads(1).withBatchSize(2),
        p -> {});
    m.save(dir);
    RecognitionModel back = RecognitionModel.load(dir, LOGO);
    assertArrayEquals(m.weights(), back.weights());
    assertEquals(m.architecture(), back.architecture());
    assertEquals(m.library(), back.library());
    assertTrue(back.library().continuationType().isPresent());
    TrainingTask t = replays().get(4);
    assertEquals(m.predict(t.request(), t.examples()), back.predict(t.request(), t.examples()));
    Path header = dir.resolve("recognition.json");
    Files.writeString(
        header,
        Files.readString(header)
            .replaceFirst("\"picture\" : \\[ 1, 28, 28 \\]", "\"picture\" : [ 1, 32, 32 ]"));
    InputException e = assertThrows(InputException.class, () -> RecognitionModel.load(dir, LOGO));
    assertTrue(e.getMessage().contains("pictures of shape [1, 32, 32]"), e.getMessage());
  }

  @Test
  void aTokenEncoderCannotReadPictures() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> RecognitionModel.create(GRAMMAR, LOGO.featurizer(), Architecture.standard(), 1));
    assertTrue(
        e.getMessage().contains("cannot read featurizer logo-28's pictures"), e.getMessage());
  }
}

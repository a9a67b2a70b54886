package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.engine.analysis.ActivationFiles;
import reverie.engine.analysis.Activations;

/** {@code reverie embed}: a run's task embeddings as .npy with the task names beside it. */
class EmbedCommandTest {
  @TempDir Path tmp;

  @Test
  void writesOneRowPerTaskOfTheRun() throws Exception {
    Path run = RunFixture.run();
    Path out = tmp.resolve("emb.npy");
    CliRun r = CliRun.of("embed", run.toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    Activations a = ActivationFiles.read(out, Optional.empty());
    assertEquals(6, a.taskNames().size());
    assertEquals("add 1 #1", a.taskNames().get(0));
    assertTrue(a.features() > 0);
    assertEquals(List.copyOf(a.taskNames()), Files.readAllLines(tmp.resolve("emb.tasks.txt")));
    boolean nonZero = false;
    for (float[] row : a.values()) {
      for (float x : row) {
        nonZero |= x != 0;
      }
    }
    assertTrue(nonZero);
  }

  @Test
  void aCheckpointWithoutAModelIsExit3() {
    Path run = RunFixture.run();
    CliRun r =
        CliRun.of(
            "embed", run.toString(), "--iteration", "0", "--out", tmp.resolve("e.npy").toString());
    assertEquals(3, r.exitCode(), r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("no recognition model"), r.err());
    CliRun missing = CliRun.of("embed", tmp.resolve("x").toString(), "--out", "e.npy");
    assertEquals(3, missing.exitCode());
    assertEquals(2, CliRun.of("embed", run.toString()).exitCode());
  }
}

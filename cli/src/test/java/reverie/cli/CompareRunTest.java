package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reverie compare RUN_DIR}: a run's library against SAEs of its recognition embeddings. */
class CompareRunTest {
  @TempDir Path tmp;

  private static void assertReport(Path dir) {
    for (String f : new String[] {"compare.md", "compare.json", "alignment.csv", "heatmap.png"}) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
  }

  @Test
  void saeTrainsOnARunsEmbeddingsAndFantasies(@TempDir Path dir) throws Exception {
    Path run = RunFixture.run();
    Path out = dir.resolve("sae");
    CliRun r =
        CliRun.of(
            "sae",
            "train",
            run.toString(),
            "--fantasies",
            "10",
            "--features",
            "16",
            "--k",
            "2",
            "--epochs",
            "5",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(java.nio.file.Files.isRegularFile(out.resolve("cfg.json")));
    assertTrue(java.nio.file.Files.isRegularFile(out.resolve("sae_weights.safetensors")));
    CliRun both =
        CliRun.of("sae", "train", run.toString(), "--embeddings", "x.npy", "--out", out.toString());
    assertEquals(2, both.exitCode());
  }

  @Test
  void trainsAnSaeOnTheRunsEmbeddingsAndComparesThenReusesIt() throws Exception {
    Path run = RunFixture.run();
    Path out = tmp.resolve("report");
    CliRun r =
        CliRun.of(
            "compare",
            run.toString(),
            "--train-sae",
            "--fantasies",
            "20",
            "--permutations",
            "20",
            "--min-support",
            "1",
            "--out",
            out.toString(),
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertReport(out);
    assertTrue(r.err().contains("fantasies"), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    JsonNode library = j.get("library");
    // The fixture's one iteration solves all six tasks and compresses them into an invention.
    assertTrue(library.get("inventions").intValue() >= 1, r.out());
    assertEquals(6, library.get("tasks_total").intValue(), r.out());
    assertTrue(library.get("tasks_solved").intValue() >= 1, r.out());
    assertTrue(library.get("solution_bits_source").asText().startsWith("given"), r.out());

    Path again = tmp.resolve("again");
    CliRun sae =
        CliRun.of(
            "compare",
            run.toString(),
            "--sae",
            out.resolve("sae").toString(),
            "--permutations",
            "20",
            "--min-support",
            "1",
            "--out",
            again.toString());
    assertEquals(0, sae.exitCode(), sae.err());
    assertReport(again);
  }

  @Test
  void comparesWithActivationsFromEmbed() {
    Path run = RunFixture.run();
    Path emb = tmp.resolve("emb.npy");
    assertEquals(0, CliRun.of("embed", run.toString(), "--out", emb.toString()).exitCode());
    Path out = tmp.resolve("act");
    CliRun r =
        CliRun.of(
            "compare",
            run.toString(),
            "--activations",
            emb.toString(),
            "--tasks",
            tmp.resolve("emb.tasks.txt").toString(),
            "--permutations",
            "20",
            "--min-support",
            "1",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertReport(out);
  }

  @Test
  void badRunsAreOneLine() {
    CliRun missing = CliRun.of("compare", tmp.resolve("none").toString(), "--train-sae");
    assertEquals(3, missing.exitCode());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    CliRun noModel =
        CliRun.of(
            "compare",
            RunFixture.run().toString(),
            "--iteration",
            "0",
            "--train-sae",
            "--out",
            tmp.resolve("r").toString());
    assertEquals(3, noModel.exitCode(), noModel.err());
    assertTrue(noModel.err().contains("no recognition model"), noModel.err());
    assertEquals(2, CliRun.of("compare", "--iteration", "1", "--train-sae").exitCode());
    assertTrue(CliRun.of("compare", "--help").out().contains("RUN_DIR"));
  }
}

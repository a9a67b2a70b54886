package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.engine.analysis.ActivationFiles;
import reverie.engine.analysis.PlantedData;
import reverie.engine.analysis.UsageMatrix;

class CompareCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private PlantedData.Planted writePlanted() {
    UsageMatrix usage = PlantedData.realisticUsage(200, 20, 7);
    PlantedData.Planted planted = PlantedData.plant(usage, 10, 40, 2.0, 3);
    usage.writeCsv(dir.resolve("usage.csv"));
    ActivationFiles.writeNpy(dir.resolve("acts.npy"), planted.activations());
    ActivationFiles.writeCsv(dir.resolve("acts.csv"), planted.activations());
    return planted;
  }

  @Test
  void plantedRecoveryThroughTheCommandLine() throws Exception {
    PlantedData.Planted planted = writePlanted();
    Path report = dir.resolve("report");
    Run r =
        run(
            "compare",
            "--usage",
            dir.resolve("usage.csv").toString(),
            "--activations",
            dir.resolve("acts.npy").toString(),
            "--tasks",
            dir.resolve("acts.tasks.txt").toString(),
            "--permutations",
            "1000",
            "--seed",
            "5",
            "--out",
            report.toString(),
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertTrue(json.has("library") && json.has("sae") && json.has("alignment"));
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode m : json.get("alignment")) {
      byName.put(m.get("invention").asText(), m);
      assertTrue(m.get("invention_dreamcoder").asText().startsWith("#(lambda"));
    }
    int recovered = 0;
    for (int i = 0; i < 10; i++) {
      JsonNode m = byName.get(planted.plantedInventions().get(i));
      if (m.get("significant").asBoolean()
          && m.get("p_corrected").asDouble() < 0.01
          && m.get("best_feature").asInt() == planted.plantedFeatures()[i]) {
        recovered++;
      }
    }
    assertTrue(recovered >= 9, "recovered " + recovered);
    for (String f : new String[] {"compare.md", "compare.json", "alignment.csv", "heatmap.png"}) {
      assertTrue(Files.size(report.resolve(f)) > 100, f);
    }
  }

  @Test
  void sparseCsvGivesTheSameAlignmentAsNpy() throws Exception {
    writePlanted();
    Run a =
        run(
            "compare",
            "--usage",
            dir.resolve("usage.csv").toString(),
            "--activations",
            dir.resolve("acts.csv").toString(),
            "--permutations",
            "50",
            "--out",
            dir.resolve("a").toString(),
            "--json");
    Run b =
        run(
            "compare",
            "--usage",
            dir.resolve("usage.csv").toString(),
            "--activations",
            dir.resolve("acts.npy").toString(),
            "--permutations",
            "50",
            "--out",
            dir.resolve("b").toString(),
            "--json");
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    ObjectMapper m = new ObjectMapper();
    assertEquals(m.readTree(a.out()).get("alignment"), m.readTree(b.out()).get("alignment"));
  }

  @Test
  void trainSaeAndImportedSaeModes() throws Exception {
    writePlanted();
    // Use the planted activations as 50-wide "embeddings".
    Path report = dir.resolve("trained");
    Run t =
        run(
            "compare",
            "--usage",
            dir.resolve("usage.csv").toString(),
            "--train-sae",
            "--embeddings",
            dir.resolve("acts.npy").toString(),
            "--features",
            "64",
            "--k",
            "6",
            "--epochs",
            "20",
            "--permutations",
            "100",
            "--out",
            report.toString());
    assertEquals(0, t.code(), t.err());
    assertTrue(Files.exists(report.resolve("sae/cfg.json")));
    assertTrue(Files.exists(report.resolve("heatmap.png")));
    Run s =
        run(
            "compare",
            "--usage",
            dir.resolve("usage.csv").toString(),
            "--sae",
            report.resolve("sae").toString(),
            "--embeddings",
            dir.resolve("acts.npy").toString(),
            "--permutations",
            "100",
            "--out",
            dir.resolve("imported").toString(),
            "--json");
    assertEquals(0, s.code(), s.err());
    JsonNode json = new ObjectMapper().readTree(s.out());
    assertEquals(64, json.get("sae").get("features").asInt());
    assertTrue(json.get("sae").get("fvu").asDouble() < 1.0);
  }

  @Test
  void saeTrainCommandWritesSaeLensLayout() {
    writePlanted();
    Path out = dir.resolve("sae");
    Run r =
        run(
            "sae",
            "train",
            "--embeddings",
            dir.resolve("acts.npy").toString(),
            "--features",
            "32",
            "--k",
            "4",
            "--epochs",
            "5",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("sae_weights.safetensors")));
    assertTrue(Files.exists(out.resolve("activations.safetensors")));
  }

  @Test
  void badInputIsExitThreeAndUsageErrorsExitTwo() throws Exception {
    writePlanted();
    Files.write(
        dir.resolve("bad.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 10});
    Run bad =
        run(
            "compare",
            "--usage",
            dir.resolve("usage.csv").toString(),
            "--activations",
            dir.resolve("bad.npy").toString(),
            "--tasks",
            dir.resolve("acts.tasks.txt").toString(),
            "--out",
            dir.resolve("x").toString());
    assertEquals(3, bad.code(), bad.err());
    assertTrue(bad.err().contains("bad.npy"), bad.err());
    Run wrongWidth =
        run(
            "compare",
            "--usage",
            dir.resolve("usage.csv").toString(),
            "--sae",
            writeTinySae().toString(),
            "--embeddings",
            dir.resolve("acts.npy").toString(),
            "--out",
            dir.resolve("y").toString());
    assertEquals(3, wrongWidth.code(), wrongWidth.err());
    assertTrue(wrongWidth.err().contains("d_in"), wrongWidth.err());
    Run none = run("compare", "--usage", dir.resolve("usage.csv").toString());
    assertEquals(2, none.code());
  }

  private Path writeTinySae() {
    Path out = dir.resolve("tiny");
    float[][] data = new float[20][7];
    java.util.Random random = new java.util.Random(1);
    for (float[] row : data) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) random.nextGaussian();
      }
    }
    reverie.engine.analysis.SaeFolder.writeSaeLens(
        out, reverie.engine.analysis.TopKTrainer.train(data, 8, 2, 1, 0).sae(), Map.of());
    return out;
  }

  @Test
  void helpDescribesTheUsageFile() {
    Run r = run("compare", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("USAGE") && r.out().contains("solution_bits"), r.out());
    assertEquals(0, run("sae", "train", "--help").code());
  }

  @Test
  void shuffledRowsThroughTheCommandLineGiveAtMostOneSignificantInvention() throws Exception {
    PlantedData.Planted planted = writePlanted();
    ActivationFiles.writeSafetensors(
        dir.resolve("shuffled.safetensors"), PlantedData.shuffledRows(planted.activations(), 99));
    Run r =
        run(
            "compare",
            "--usage",
            dir.resolve("usage.csv").toString(),
            "--activations",
            dir.resolve("shuffled.safetensors").toString(),
            "--seed",
            "5",
            "--out",
            dir.resolve("shuffled").toString(),
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertTrue(json.get("alignment_summary").get("significant").asInt() <= 1, r.out());
  }
}

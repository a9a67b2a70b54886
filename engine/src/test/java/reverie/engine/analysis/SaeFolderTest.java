package reverie.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.InputException;

class SaeFolderTest {
  @TempDir Path dir;

  private static final int D_IN = 3;
  private static final int D_SAE = 4;
  // W_enc [d_in][d_sae]
  private static final float[] W_ENC = {1, 0, -1, 2, 0, 1, 1, -1, 0.5f, 0, 0, 1};
  private static final float[] B_ENC = {0, -0.5f, 0.1f, 0};
  private static final float[] B_DEC = {0.5f, 0, -0.5f};
  private static final float[] X = {1.5f, 2, 0.5f};

  private static float[] wDec() {
    float[] w = new float[D_SAE * D_IN];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 5) / 5f;
    }
    return w;
  }

  /** (x - b_dec) W_enc + b_enc by hand: x - b_dec = (1, 2, 1). */
  private static final float[] PRE = {1 + 0 + 0.5f, 0 + 2 + 0 - 0.5f, -1 + 2 + 0 + 0.1f, 2 - 2 + 1};

  private void saeLens(String cfg, boolean threshold) throws IOException {
    Files.createDirectories(dir.resolve("sae"));
    Files.writeString(dir.resolve("sae/cfg.json"), cfg);
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("W_enc", new Tensor(new int[] {D_IN, D_SAE}, W_ENC));
    t.put("b_enc", Tensor.vector(B_ENC));
    t.put("W_dec", new Tensor(new int[] {D_SAE, D_IN}, wDec()));
    t.put("b_dec", Tensor.vector(B_DEC));
    if (threshold) {
      t.put("threshold", Tensor.vector(new float[] {2, 0.5f, 1.2f, 0}));
    }
    Safetensors.write(dir.resolve("sae/sae_weights.safetensors"), t, Map.of());
  }

  @Test
  void standardReluEncodesByHand() throws IOException {
    saeLens(
        "{\"architecture\": \"standard\", \"d_in\": 3, \"d_sae\": 4, \"apply_b_dec_to_input\":"
            + " true}",
        false);
    SparseAutoencoder sae = SaeFolder.read(dir.resolve("sae"));
    assertArrayEquals(new float[] {1.5f, 1.5f, 1.1f, 1}, sae.encode(X), 1e-6f);
    assertArrayEquals(PRE, sae.preActivations(X), 1e-6f);
  }

  @Test
  void jumpReluZeroesBelowThreshold() throws IOException {
    saeLens("{\"architecture\": \"jumprelu\", \"d_in\": 3, \"d_sae\": 4}", true);
    SparseAutoencoder sae = SaeFolder.read(dir.resolve("sae"));
    assertArrayEquals(new float[] {0, 1.5f, 0, 1}, sae.encode(X), 1e-6f);
  }

  @Test
  void topKFromEitherConfigKey() throws IOException {
    for (String cfg :
        new String[] {
          "{\"architecture\": \"topk\", \"d_in\": 3, \"d_sae\": 4, \"k\": 2}",
          "{\"architecture\": \"standard\", \"activation_fn_str\": \"topk\","
              + " \"activation_fn_kwargs\": {\"k\": 2}}"
        }) {
      saeLens(cfg, false);
      SparseAutoencoder sae = SaeFolder.read(dir.resolve("sae"));
      assertEquals(2, sae.k());
      assertArrayEquals(new float[] {1.5f, 1.5f, 0, 0}, sae.encode(X), 1e-6f, cfg);
    }
  }

  @Test
  void sparsifyLayoutTransposesTheEncoder() throws IOException {
    Files.createDirectories(dir.resolve("sp"));
    Files.writeString(
        dir.resolve("sp/cfg.json"),
        "{\"expansion_factor\": 1, \"normalize_decoder\": true, \"num_latents\": 4, \"k\": 2,"
            + " \"d_in\": 3}");
    float[] encoder = new float[D_SAE * D_IN];
    for (int i = 0; i < D_IN; i++) {
      for (int j = 0; j < D_SAE; j++) {
        encoder[j * D_IN + i] = W_ENC[i * D_SAE + j];
      }
    }
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("encoder.weight", new Tensor(new int[] {D_SAE, D_IN}, encoder));
    t.put("encoder.bias", Tensor.vector(B_ENC));
    t.put("W_dec", new Tensor(new int[] {D_SAE, D_IN}, wDec()));
    t.put("b_dec", Tensor.vector(B_DEC));
    Safetensors.write(dir.resolve("sp/sae.safetensors"), t, Map.of());
    SparseAutoencoder sae = SaeFolder.read(dir.resolve("sp"));
    assertArrayEquals(W_ENC, sae.wEnc());
    assertArrayEquals(new float[] {1.5f, 1.5f, 0, 0}, sae.encode(X), 1e-6f);
  }

  @Test
  void writeThenReadIsTheSameSae() {
    float[][] data = new float[30][5];
    Random random = new Random(2);
    for (float[] row : data) {
      for (int i = 0; i < 5; i++) {
        row[i] = (float) random.nextGaussian();
      }
    }
    SparseAutoencoder sae = TopKTrainer.train(data, 8, 3, 2, 1).sae();
    SaeFolder.writeSaeLens(dir.resolve("w"), sae, Map.of("model_name", "m"));
    assertEquals(sae, SaeFolder.read(dir.resolve("w")));
  }

  @Test
  void mismatchesAndUnsupportedArchitecturesAreInputErrors() throws IOException {
    saeLens("{\"architecture\": \"standard\", \"d_in\": 3}", false);
    SparseAutoencoder sae = SaeFolder.read(dir.resolve("sae"));
    InputException width =
        assertThrows(InputException.class, () -> sae.encodeAll(new float[][] {{1, 2}}, "emb.npy"));
    assertTrue(
        width.getMessage().contains("emb.npy") && width.getMessage().contains("d_in is 3"),
        width.getMessage());
    String[] bad = {
      "{\"architecture\": \"standard\", \"d_in\": 5}",
      "{\"architecture\": \"gated\"}",
      "{\"architecture\": \"topk\"}",
      "{\"architecture\": \"topk\", \"k\": 9}",
      "{\"architecture\": \"standard\", \"normalize_activations\": \"expected_average_only_in\"}",
      "[1, 2]",
      "{not json",
    };
    for (String cfg : bad) {
      saeLens(cfg, false);
      InputException e =
          assertThrows(InputException.class, () -> SaeFolder.read(dir.resolve("sae")), cfg);
      assertTrue(e.getMessage().contains("cfg.json"), e.getMessage());
    }
    assertThrows(InputException.class, () -> SaeFolder.read(dir.resolve("nowhere")));
    Files.createDirectories(dir.resolve("empty"));
    Files.writeString(dir.resolve("empty/cfg.json"), "{}");
    assertThrows(InputException.class, () -> SaeFolder.read(dir.resolve("empty")));
  }

  @Test
  void missingOrMisshapenTensorsAndTruncatedWeightsAreInputErrors() throws IOException {
    saeLens("{\"architecture\": \"standard\"}", false);
    Path weights = dir.resolve("sae/sae_weights.safetensors");
    byte[] bytes = Files.readAllBytes(weights);
    for (int length = 0; length < bytes.length; length += 7) {
      Files.write(weights, Arrays.copyOf(bytes, length));
      try {
        SaeFolder.read(dir.resolve("sae"));
        fail("truncated weights accepted at " + length);
      } catch (InputException e) {
        assertTrue(e.getMessage().contains("sae_weights.safetensors"), e.getMessage());
      }
    }
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("W_enc", new Tensor(new int[] {D_IN, D_SAE}, W_ENC));
    t.put("b_enc", Tensor.vector(new float[] {1, 2}));
    t.put("W_dec", new Tensor(new int[] {D_SAE, D_IN}, wDec()));
    t.put("b_dec", Tensor.vector(B_DEC));
    Safetensors.write(weights, t, Map.of());
    InputException shape =
        assertThrows(InputException.class, () -> SaeFolder.read(dir.resolve("sae")));
    assertTrue(shape.getMessage().contains("b_enc has shape (2,)"), shape.getMessage());
    t.remove("b_enc");
    Safetensors.write(weights, t, Map.of());
    InputException missing =
        assertThrows(InputException.class, () -> SaeFolder.read(dir.resolve("sae")));
    assertTrue(missing.getMessage().contains("no tensor 'b_enc'"), missing.getMessage());
  }

  @Test
  void trainedSaeIsWrittenWithTheTasksCodesAndStatistics() throws IOException {
    float[][] data = TopKTrainerTest.sparseData(40, 5);
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int t = 0; t < data.length; t++) {
      names.add("task" + t);
    }
    Activations tasks =
        new Activations("emb", com.google.common.collect.ImmutableList.copyOf(names), data, false);
    TopKTrainer.Trained trained = TopKTrainer.train(data, 16, 2, 3, 0);
    SaeFolder.writeTrained(dir.resolve("t"), trained, tasks);
    assertEquals(trained.sae(), SaeFolder.read(dir.resolve("t")));
    Activations codes =
        ActivationFiles.read(
            dir.resolve("t").resolve(SaeFolder.ACTIVATIONS), java.util.Optional.empty());
    assertEquals(names, codes.taskNames());
    assertArrayEquals(trained.sae().encode(data[7]), codes.values()[7]);
    String stats = Files.readString(dir.resolve("t").resolve(SaeFolder.TRAINING));
    assertTrue(stats.contains("loss_per_epoch") && stats.contains("fires_last_epoch"), stats);
  }
}

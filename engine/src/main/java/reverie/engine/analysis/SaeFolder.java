package reverie.engine.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import reverie.dsl.InputException;

/**
 * Reads an SAE from a folder in SAELens' layout ({@code cfg.json} + {@code
 * sae_weights.safetensors}) or EleutherAI sparsify's ({@code cfg.json} + {@code sae.safetensors}),
 * and writes SAELens' layout.
 */
public final class SaeFolder {
  public static final String SAELENS_WEIGHTS = "sae_weights.safetensors";
  public static final String SPARSIFY_WEIGHTS = "sae.safetensors";
  public static final String CONFIG = "cfg.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SaeFolder() {}

  /** Reads the SAE in {@code dir}, whichever of the two layouts it uses. */
  public static SparseAutoencoder read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InputException(
          dir + ": not a directory (an SAE folder holds cfg.json and the weights)");
    }
    Path cfgFile = dir.resolve(CONFIG);
    if (!Files.isRegularFile(cfgFile)) {
      throw new InputException(dir + ": no " + CONFIG);
    }
    JsonNode cfg = reverie.dsl.JsonText.read(cfgFile);
    if (cfg == null || !cfg.isObject()) {
      throw new InputException(cfgFile + ": not a JSON object");
    }
    if (Files.isRegularFile(dir.resolve(SAELENS_WEIGHTS))) {
      return readSaeLens(dir.resolve(SAELENS_WEIGHTS), cfg, cfgFile);
    }
    if (Files.isRegularFile(dir.resolve(SPARSIFY_WEIGHTS))) {
      return readSparsify(dir.resolve(SPARSIFY_WEIGHTS), cfg, cfgFile);
    }
    throw new InputException(
        dir
            + ": neither "
            + SAELENS_WEIGHTS
            + " (SAELens) nor "
            + SPARSIFY_WEIGHTS
            + " (sparsify)");
  }

  private static SparseAutoencoder readSaeLens(Path weights, JsonNode cfg, Path cfgFile) {
    String architecture = text(cfg, "architecture", "standard").toLowerCase(Locale.ROOT);
    String activation = text(cfg, "activation_fn_str", "").toLowerCase(Locale.ROOT);
    String normalize = text(cfg, "normalize_activations", "none");
    if (!normalize.equals("none")) {
      throw new InputException(
          cfgFile
              + ": normalize_activations '"
              + normalize
              + "' is not supported (fold the scaling into the weights or train with 'none')");
    }
    SparseAutoencoder.Architecture arch;
    if (architecture.equals("topk") || activation.equals("topk")) {
      arch = SparseAutoencoder.Architecture.TOPK;
    } else if (architecture.equals("jumprelu")) {
      arch = SparseAutoencoder.Architecture.JUMPRELU;
    } else if (architecture.equals("standard")) {
      if (!activation.isEmpty() && !activation.equals("relu")) {
        throw new InputException(
            cfgFile + ": activation_fn_str '" + activation + "' is not supported (relu or topk)");
      }
      arch = SparseAutoencoder.Architecture.STANDARD;
    } else {
      throw new InputException(
          cfgFile
              + ": architecture '"
              + architecture
              + "' is not supported (standard, jumprelu, topk)");
    }
    Safetensors.Contents c = Safetensors.read(weights);
    String name = weights.toString();
    Tensor wEnc = c.require("W_enc", name);
    Tensor wDec = c.require("W_dec", name);
    if (wEnc.rank() != 2 || wDec.rank() != 2) {
      throw new InputException(
          name
              + ": W_enc and W_dec must be matrices, got "
              + wEnc.shapeString()
              + " and "
              + wDec.shapeString());
    }
    int dIn = wEnc.shape()[0];
    int dSae = wEnc.shape()[1];
    checkShape(wDec, name, "W_dec", dSae, dIn);
    Tensor bEnc = c.require("b_enc", name);
    Tensor bDec = c.require("b_dec", name);
    checkShape(bEnc, name, "b_enc", dSae);
    checkShape(bDec, name, "b_dec", dIn);
    checkConfigSize(cfg, cfgFile, "d_in", dIn);
    checkConfigSize(cfg, cfgFile, "d_sae", dSae);
    float[] threshold = new float[0];
    if (arch == SparseAutoencoder.Architecture.JUMPRELU) {
      Tensor t = c.require("threshold", name);
      checkShape(t, name, "threshold", dSae);
      threshold = t.data();
    }
    int k = 0;
    if (arch == SparseAutoencoder.Architecture.TOPK) {
      JsonNode kNode = cfg.has("k") ? cfg.get("k") : cfg.path("activation_fn_kwargs").path("k");
      k = positive(kNode, cfgFile, "k (or activation_fn_kwargs.k)");
      if (k > dSae) {
        throw new InputException(cfgFile + ": k = " + k + " exceeds d_sae = " + dSae);
      }
    }
    boolean applyBDec = cfg.path("apply_b_dec_to_input").asBoolean(true);
    for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
      finite(e.getValue(), name, e.getKey());
    }
    return new SparseAutoencoder(
        arch,
        dIn,
        dSae,
        wEnc.data(),
        bEnc.data(),
        wDec.data(),
        bDec.data(),
        threshold,
        k,
        applyBDec);
  }

  private static SparseAutoencoder readSparsify(Path weights, JsonNode cfg, Path cfgFile) {
    if (cfg.path("skip_connection").asBoolean(false) || cfg.path("transcode").asBoolean(false)) {
      throw new InputException(cfgFile + ": skip connections and transcoders are not supported");
    }
    int k = positive(cfg.get("k"), cfgFile, "k");
    Safetensors.Contents c = Safetensors.read(weights);
    String name = weights.toString();
    Tensor enc = c.require("encoder.weight", name);
    Tensor wDec = c.require("W_dec", name);
    if (enc.rank() != 2) {
      throw new InputException(
          name + ": encoder.weight must be a matrix, got " + enc.shapeString());
    }
    int dSae = enc.shape()[0];
    int dIn = enc.shape()[1];
    checkShape(wDec, name, "W_dec", dSae, dIn);
    Tensor bEnc = c.require("encoder.bias", name);
    Tensor bDec = c.require("b_dec", name);
    checkShape(bEnc, name, "encoder.bias", dSae);
    checkShape(bDec, name, "b_dec", dIn);
    checkConfigSize(cfg, cfgFile, "d_in", dIn);
    checkConfigSize(cfg, cfgFile, "num_latents", dSae);
    if (k > dSae) {
      throw new InputException(cfgFile + ": k = " + k + " exceeds the " + dSae + " latents");
    }
    for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
      finite(e.getValue(), name, e.getKey());
    }
    // nn.Linear stores [d_sae, d_in]; transpose to SAELens' [d_in, d_sae].
    float[] wEnc = new float[dIn * dSae];
    for (int j = 0; j < dSae; j++) {
      for (int i = 0; i < dIn; i++) {
        wEnc[i * dSae + j] = enc.data()[j * dIn + i];
      }
    }
    return new SparseAutoencoder(
        SparseAutoencoder.Architecture.TOPK,
        dIn,
        dSae,
        wEnc,
        bEnc.data(),
        wDec.data(),
        bDec.data(),
        new float[0],
        k,
        true);
  }

  private static void checkConfigSize(JsonNode cfg, Path cfgFile, String key, int actual) {
    JsonNode n = cfg.get(key);
    if (n != null && n.canConvertToInt() && n.asInt() != 0 && n.asInt() != actual) {
      throw new InputException(
          cfgFile + ": " + key + " is " + n.asInt() + " but the weights say " + actual);
    }
  }

  private static void checkShape(Tensor t, String file, String name, int... shape) {
    if (!java.util.Arrays.equals(t.shape(), shape)) {
      throw new InputException(
          file
              + ": "
              + name
              + " has shape "
              + t.shapeString()
              + ", expected "
              + Tensor.shapeString(shape));
    }
  }

  private static void finite(Tensor t, String file, String name) {
    int bad = t.firstNonFinite();
    if (bad >= 0) {
      throw new InputException(
          file + ": " + name + " holds " + t.data()[bad] + " at flat index " + bad);
    }
  }

  private static int positive(JsonNode n, Path cfgFile, String key) {
    if (n == null || !n.canConvertToInt() || n.asInt() <= 0) {
      throw new InputException(cfgFile + ": " + key + " must be a positive integer");
    }
    return n.asInt();
  }

  private static String text(JsonNode cfg, String key, String fallback) {
    JsonNode n = cfg.get(key);
    return n == null || n.isNull() ? fallback : n.asText();
  }

  /**
   * Writes {@code sae} in SAELens' layout: {@code cfg.json} and {@code sae_weights.safetensors}.
   */
  public static void writeSaeLens(
      Path dir, SparseAutoencoder sae, Map<String, String> extraConfig) {
    try {
      Files.createDirectories(dir);
      ObjectNode cfg = JSON.createObjectNode();
      cfg.put("architecture", sae.architecture().name().toLowerCase(Locale.ROOT));
      cfg.put("d_in", sae.dIn());
      cfg.put("d_sae", sae.dSae());
      cfg.put("dtype", "float32");
      cfg.put("device", "cpu");
      cfg.put("apply_b_dec_to_input", sae.applyBDecToInput());
      cfg.put("normalize_activations", "none");
      if (sae.architecture() == SparseAutoencoder.Architecture.TOPK) {
        cfg.put("k", sae.k());
        cfg.put("activation_fn_str", "topk");
        cfg.putObject("activation_fn_kwargs").put("k", sae.k());
      } else {
        cfg.put("activation_fn_str", "relu");
      }
      extraConfig.forEach(cfg::put);
      Files.writeString(
          dir.resolve(CONFIG),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cfg) + "\n");
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      tensors.put("W_enc", new Tensor(new int[] {sae.dIn(), sae.dSae()}, sae.wEnc()));
      tensors.put("b_enc", Tensor.vector(sae.bEnc()));
      tensors.put("W_dec", new Tensor(new int[] {sae.dSae(), sae.dIn()}, sae.wDec()));
      tensors.put("b_dec", Tensor.vector(sae.bDec()));
      if (sae.architecture() == SparseAutoencoder.Architecture.JUMPRELU) {
        tensors.put("threshold", Tensor.vector(sae.threshold()));
      }
      Safetensors.write(dir.resolve(SAELENS_WEIGHTS), tensors, ImmutableMap.of("format", "pt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file beside a trained SAE holding its codes of the tasks. */
  public static final String ACTIVATIONS = "activations.safetensors";

  /** The file beside a trained SAE holding its training statistics. */
  public static final String TRAINING = "training.json";

  /**
   * Writes a built-in SAE in SAELens' layout, its codes of {@code tasks} ({@value #ACTIVATIONS},
   * task names in the metadata) and {@value #TRAINING} (loss and dead features per epoch, how often
   * each feature fired in the last epoch).
   */
  public static void writeTrained(Path dir, TopKTrainer.Trained trained, Activations tasks) {
    writeSaeLens(
        dir,
        trained.sae(),
        ImmutableMap.of(
            "model_name", "reverie-recognition",
            "hook_name", "recognition.hidden",
            "trained_by", "reverie sae train"));
    float[][] codes = trained.sae().encodeAll(tasks.values(), tasks.source());
    ActivationFiles.writeSafetensors(
        dir.resolve(ACTIVATIONS), new Activations("codes", tasks.taskNames(), codes, false));
    ObjectNode stats = JSON.createObjectNode();
    stats.put("fvu", trained.fvu());
    stats.put("dead_features", trained.deadFeatures());
    var loss = stats.putArray("loss_per_epoch");
    for (double l : trained.lossPerEpoch()) {
      loss.add(l);
    }
    var dead = stats.putArray("dead_per_epoch");
    for (int d : trained.deadPerEpoch()) {
      dead.add(d);
    }
    var fires = stats.putArray("fires_last_epoch");
    for (int f : trained.firesLastEpoch()) {
      fires.add(f);
    }
    try {
      Files.writeString(
          dir.resolve(TRAINING),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stats) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

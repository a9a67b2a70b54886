package reverie.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import reverie.dsl.InputException;
import reverie.engine.analysis.Activations;
import reverie.engine.analysis.SaeFolder;
import reverie.engine.analysis.TopKTrainer;

/**
 * The options of the built-in TopK SAE, shared by {@code reverie sae train} and {@code reverie
 * compare --train-sae}.
 */
final class SaeTrainingOptions {
  @Option(
      names = "--features",
      paramLabel = "N",
      description = "Dictionary size (default: 4 x the embedding width).")
  Integer features;

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "8",
      description = "Active features per input (default ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "100",
      description = "Passes over the inputs (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "0",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  /** Trains on the rows of {@code embeddings} and then on {@code extra} (of the same width). */
  TopKTrainer.Trained train(Activations embeddings, float[][] extra, PrintWriter err) {
    float[][] rows = new float[embeddings.values().length + extra.length][];
    System.arraycopy(embeddings.values(), 0, rows, 0, embeddings.values().length);
    System.arraycopy(extra, 0, rows, embeddings.values().length, extra.length);
    if (rows.length == 0) {
      throw new InputException(embeddings.source() + ": no rows to train on");
    }
    int width = embeddings.features();
    int f = features == null ? 4 * width : features;
    if (f < 1 || k < 1 || k > f || epochs < 0) {
      throw new InputException(
          "need 1 <= k <= features and epochs >= 0 (k = " + k + ", features = " + f + ")");
    }
    err.printf(
        "reverie: training a TopK SAE (%d features, k = %d) on %d inputs of width %d for %d"
            + " epochs%n",
        f, k, rows.length, width, epochs);
    TopKTrainer.Trained t = TopKTrainer.train(rows, f, k, epochs, seed);
    err.printf("reverie: FVU %.4f, %d dead features%n", t.fvu(), t.deadFeatures());
    return t;
  }

  /**
   * Writes the SAE, the tasks' codes and the training statistics (see {@link
   * SaeFolder#writeTrained}).
   */
  static void save(TopKTrainer.Trained trained, Activations inputs, Path dir) {
    SaeFolder.writeTrained(dir, trained, inputs);
  }
}

package reverie.engine.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import reverie.dsl.InputException;

/**
 * Trains a TopK sparse autoencoder in Java: ReLU on the k largest pre-activations, a tied pre-bias
 * (b_dec is subtracted before encoding and added after decoding), decoder rows kept at unit norm,
 * Adam, and dead-feature statistics. Deterministic for a seed (single-threaded, seeded shuffles and
 * initialisation).
 */
public final class TopKTrainer {

  /** Training settings; {@link #of} fills in the batch size and learning rate. */
  public record Settings(
      int features, int k, int epochs, long seed, int batchSize, double learningRate) {
    public Settings {
      checkArgument(features > 0, "features must be positive");
      checkArgument(k > 0 && k <= features, "k must be in 1..features, got %s", k);
      checkArgument(epochs >= 0 && batchSize > 0 && learningRate > 0, "bad training settings");
    }

    public static Settings of(int features, int k, int epochs, long seed) {
      return new Settings(features, k, epochs, seed, 32, 1e-3);
    }
  }

  /**
   * A trained SAE and how training went.
   *
   * @param lossPerEpoch mean training loss (fraction of variance unexplained) in each epoch
   * @param firesLastEpoch per feature, the inputs it was active on during the last epoch
   * @param deadPerEpoch per epoch, the features that fired on no input
   */
  public record Trained(
      SparseAutoencoder sae,
      double[] lossPerEpoch,
      int[] firesLastEpoch,
      int[] deadPerEpoch,
      double fvu) {
    public int deadFeatures() {
      return (int) Arrays.stream(firesLastEpoch).filter(c -> c == 0).count();
    }
  }

  private TopKTrainer() {}

  public static Trained train(float[][] data, int features, int k, int epochs, long seed) {
    return train(data, Settings.of(features, k, epochs, seed));
  }

  public static Trained train(float[][] data, Settings s) {
    if (data.length == 0) {
      throw new InputException("no inputs to train an SAE on");
    }
    int dIn = data[0].length;
    for (float[] x : data) {
      if (x.length != dIn) {
        throw new InputException("ragged training inputs: widths " + dIn + " and " + x.length);
      }
    }
    Model model = Model.initial(data, s.features(), s.k(), s.seed());
    Model grad = new Model(dIn, s.features(), s.k());
    Adam adam = new Adam(model.size(), s.learningRate());
    SplittableRandom random = new SplittableRandom(s.seed() ^ 0x9E3779B97F4A7C15L);
    int[] order = java.util.stream.IntStream.range(0, data.length).toArray();
    double[] losses = new double[s.epochs()];
    int[] deadPerEpoch = new int[s.epochs()];
    int[] fires = new int[s.features()];
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      shuffle(order, random);
      Arrays.fill(fires, 0);
      double total = 0;
      for (int start = 0; start < data.length; start += s.batchSize()) {
        int end = Math.min(data.length, start + s.batchSize());
        float[][] batch = new float[end - start][];
        for (int b = start; b < end; b++) {
          batch[b - start] = data[order[b]];
        }
        grad.clear();
        total += model.lossAndGradient(batch, grad, fires) * batch.length;
        grad.projectOutDecoderNorm(model);
        adam.step(model, grad);
        model.normaliseDecoder();
      }
      losses[epoch] = total / data.length;
      deadPerEpoch[epoch] = (int) Arrays.stream(fires).filter(c -> c == 0).count();
    }
    if (s.epochs() == 0) {
      // No training: the statistics describe the initial SAE.
      model.lossAndGradient(data, null, fires);
    }
    SparseAutoencoder sae = model.toSae();
    return new Trained(sae, losses, fires, deadPerEpoch, sae.fvu(data));
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * The parameters (or their gradients) in one flat array: W_enc [dIn][F], b_enc, W_dec [F][dIn],
   * b_dec.
   */
  static final class Model {
    final int dIn;
    final int features;
    final int k;
    final float[] all;

    /** Sum of squared deviations from the mean per input, so that the loss reads as an FVU. */
    double variance = 1;

    Model(int dIn, int features, int k) {
      this.dIn = dIn;
      this.features = features;
      this.k = k;
      this.all = new float[2 * dIn * features + features + dIn];
    }

    int size() {
      return all.length;
    }

    int wEnc(int i, int j) {
      return i * features + j;
    }

    int bEnc(int j) {
      return dIn * features + j;
    }

    int wDec(int j, int i) {
      return dIn * features + features + j * dIn + i;
    }

    int bDec(int i) {
      return 2 * dIn * features + features + i;
    }

    void clear() {
      Arrays.fill(all, 0);
    }

    static Model initial(float[][] data, int features, int k, long seed) {
      int dIn = data[0].length;
      Model m = new Model(dIn, features, k);
      Random random = new Random(seed);
      double[] mean = new double[dIn];
      for (float[] x : data) {
        for (int i = 0; i < dIn; i++) {
          mean[i] += x[i] / (double) data.length;
        }
      }
      double variance = 0;
      for (float[] x : data) {
        for (int i = 0; i < dIn; i++) {
          variance += (x[i] - mean[i]) * (x[i] - mean[i]);
        }
      }
      m.variance = Math.max(variance / data.length, 1e-12);
      for (int i = 0; i < dIn; i++) {
        m.all[m.bDec(i)] = (float) mean[i];
      }
      for (int j = 0; j < features; j++) {
        for (int i = 0; i < dIn; i++) {
          m.all[m.wDec(j, i)] = (float) random.nextGaussian();
        }
      }
      m.normaliseDecoder();
      // Tied initialisation: the encoder starts as the decoder's transpose.
      for (int j = 0; j < features; j++) {
        for (int i = 0; i < dIn; i++) {
          m.all[m.wEnc(i, j)] = m.all[m.wDec(j, i)];
        }
      }
      return m;
    }

    void normaliseDecoder() {
      for (int j = 0; j < features; j++) {
        double norm = 0;
        for (int i = 0; i < dIn; i++) {
          norm += all[wDec(j, i)] * (double) all[wDec(j, i)];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
          for (int i = 0; i < dIn; i++) {
            all[wDec(j, i)] /= (float) norm;
          }
        }
      }
    }

    /**
     * Removes from each decoder row's gradient its component along the row, which the
     * renormalisation would undo anyway (so Adam's moments are not spent on it).
     */
    void projectOutDecoderNorm(Model model) {
      for (int j = 0; j < features; j++) {
        double dot = 0;
        for (int i = 0; i < dIn; i++) {
          dot += all[wDec(j, i)] * (double) model.all[model.wDec(j, i)];
        }
        for (int i = 0; i < dIn; i++) {
          all[wDec(j, i)] -= (float) (dot * model.all[model.wDec(j, i)]);
        }
      }
    }

    /**
     * Mean over the batch of ||x - x_hat||^2 / variance; adds its gradient to {@code grad} when not
     * null and counts in {@code fires} the features active on each input.
     */
    double lossAndGradient(float[][] batch, Model grad, int[] fires) {
      double loss = 0;
      float[] xc = new float[dIn];
      float[] pre = new float[features];
      double[] g = new double[dIn];
      double scale = 1.0 / (batch.length * variance);
      for (float[] x : batch) {
        for (int i = 0; i < dIn; i++) {
          xc[i] = x[i] - all[bDec(i)];
        }
        for (int j = 0; j < features; j++) {
          pre[j] = all[bEnc(j)];
        }
        for (int i = 0; i < dIn; i++) {
          if (xc[i] != 0) {
            int base = wEnc(i, 0);
            for (int j = 0; j < features; j++) {
              pre[j] += xc[i] * all[base + j];
            }
          }
        }
        int[] top = SparseAutoencoder.topK(pre, k);
        double[] e = new double[dIn];
        for (int i = 0; i < dIn; i++) {
          e[i] = all[bDec(i)] - x[i];
        }
        for (int j : top) {
          if (pre[j] > 0) {
            fires[j]++;
            int base = wDec(j, 0);
            for (int i = 0; i < dIn; i++) {
              e[i] += pre[j] * all[base + i];
            }
          }
        }
        double sq = 0;
        for (double v : e) {
          sq += v * v;
        }
        loss += sq * scale;
        if (grad == null) {
          continue;
        }
        for (int i = 0; i < dIn; i++) {
          g[i] = 2 * e[i] * scale;
          grad.all[bDec(i)] += (float) g[i];
        }
        for (int j : top) {
          if (pre[j] <= 0) {
            continue; // ReLU gate closed: no gradient through this feature
          }
          double gz = 0;
          int base = wDec(j, 0);
          for (int i = 0; i < dIn; i++) {
            grad.all[base + i] += (float) (pre[j] * g[i]);
            gz += g[i] * all[base + i];
          }
          grad.all[bEnc(j)] += (float) gz;
          for (int i = 0; i < dIn; i++) {
            grad.all[wEnc(i, j)] += (float) (xc[i] * gz);
            // b_dec also enters through the encoder's input x - b_dec.
            grad.all[bDec(i)] -= (float) (gz * all[wEnc(i, j)]);
          }
        }
      }
      return loss;
    }

    SparseAutoencoder toSae() {
      int enc = dIn * features;
      return new SparseAutoencoder(
          SparseAutoencoder.Architecture.TOPK,
          dIn,
          features,
          Arrays.copyOfRange(all, 0, enc),
          Arrays.copyOfRange(all, enc, enc + features),
          Arrays.copyOfRange(all, enc + features, 2 * enc + features),
          Arrays.copyOfRange(all, 2 * enc + features, all.length),
          new float[0],
          k,
          true);
    }
  }

  /** Adam (Kingma and Ba) with the usual defaults beta1 0.9, beta2 0.999, epsilon 1e-8. */
  private static final class Adam {
    private final double[] m;
    private final double[] v;
    private final double rate;
    private int t;

    Adam(int size, double rate) {
      this.m = new double[size];
      this.v = new double[size];
      this.rate = rate;
    }

    void step(Model model, Model grad) {
      t++;
      double c1 = 1 - Math.pow(0.9, t);
      double c2 = 1 - Math.pow(0.999, t);
      for (int p = 0; p < m.length; p++) {
        double gp = grad.all[p];
        m[p] = 0.9 * m[p] + 0.1 * gp;
        v[p] = 0.999 * v[p] + 0.001 * gp * gp;
        model.all[p] -= (float) (rate * (m[p] / c1) / (Math.sqrt(v[p] / c2) + 1e-8));
      }
    }
  }
}

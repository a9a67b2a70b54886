package reverie.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKTrainerTest {

  /**
   * Inputs that really are sparse: 3 of 24 unit directions in 12 dimensions, with positive weights,
   * plus an offset.
   */
  static float[][] sparseData(int n, long seed) {
    Random random = new Random(seed);
    int d = 12;
    int atoms = 24;
    float[][] dict = new float[atoms][d];
    for (float[] a : dict) {
      double norm = 0;
      for (int i = 0; i < d; i++) {
        a[i] = (float) random.nextGaussian();
        norm += a[i] * a[i];
      }
      for (int i = 0; i < d; i++) {
        a[i] /= (float) Math.sqrt(norm);
      }
    }
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int k = 0; k < 3; k++) {
        float[] a = dict[random.nextInt(atoms)];
        double w = 0.5 + random.nextDouble();
        for (int i = 0; i < d; i++) {
          row[i] += (float) (w * a[i]);
        }
      }
      for (int i = 0; i < d; i++) {
        row[i] += 0.3f;
      }
    }
    return x;
  }

  @Test
  void analyticGradientMatchesFiniteDifferences() {
    float[][] data = sparseData(5, 1);
    TopKTrainer.Model model = TopKTrainer.Model.initial(data, 7, 3, 4);
    Random random = new Random(5);
    for (int p = 0; p < model.all.length; p++) {
      model.all[p] += (float) (0.1 * random.nextGaussian()); // untie encoder and decoder
    }
    TopKTrainer.Model grad = new TopKTrainer.Model(model.dIn, model.features, model.k);
    int[] fires = new int[7];
    model.lossAndGradient(data, grad, fires);
    int checked = 0;
    for (int p = 0; p < model.all.length; p++) {
      float saved = model.all[p];
      float eps = 1e-2f;
      int[] firesUp = new int[7];
      int[] firesDown = new int[7];
      model.all[p] = saved + eps;
      double up = model.lossAndGradient(data, null, firesUp);
      model.all[p] = saved - eps;
      double down = model.lossAndGradient(data, null, firesDown);
      model.all[p] = saved;
      if (!Arrays.equals(fires, firesUp) || !Arrays.equals(fires, firesDown)) {
        continue; // the step moved a feature across the top-k cut or the ReLU: the loss is not
        // smooth there
      }
      double numeric = (up - down) / (2 * eps);
      assertEquals(numeric, grad.all[p], 2e-3 + 2e-2 * Math.abs(numeric), "parameter " + p);
      checked++;
    }
    assertTrue(
        checked > model.all.length * 3 / 4, "checked " + checked + " of " + model.all.length);
  }

  @Test
  void lossDecreasesDecoderStaysUnitNormAndKFeaturesFire() {
    float[][] data = sparseData(400, 2);
    TopKTrainer.Trained t = TopKTrainer.train(data, 48, 4, 40, 3);
    double[] loss = t.lossPerEpoch();
    assertTrue(
        loss[loss.length - 1] < 0.5 * loss[0], "loss " + loss[0] + " -> " + loss[loss.length - 1]);
    assertTrue(t.fvu() < 0.3, "fvu " + t.fvu());
    SparseAutoencoder sae = t.sae();
    for (int j = 0; j < sae.dSae(); j++) {
      double norm = 0;
      for (int i = 0; i < sae.dIn(); i++) {
        norm += sae.wDec()[j * sae.dIn() + i] * (double) sae.wDec()[j * sae.dIn() + i];
      }
      assertEquals(1.0, Math.sqrt(norm), 1e-4, "decoder row " + j);
    }
    int exactlyK = 0;
    for (float[] x : data) {
      long active = countNonZero(sae.encode(x));
      assertTrue(active <= 4);
      exactlyK += active == 4 ? 1 : 0;
    }
    assertTrue(exactlyK > 350, "rows with k active: " + exactlyK);
    assertEquals(
        t.deadFeatures(), (int) Arrays.stream(t.firesLastEpoch()).filter(c -> c == 0).count());
    assertEquals(40, t.deadPerEpoch().length);
  }

  @Test
  void deterministicForASeed() {
    float[][] data = sparseData(100, 3);
    TopKTrainer.Trained a = TopKTrainer.train(data, 16, 3, 5, 7);
    TopKTrainer.Trained b = TopKTrainer.train(data, 16, 3, 5, 7);
    TopKTrainer.Trained c = TopKTrainer.train(data, 16, 3, 5, 8);
    assertEquals(a.sae(), b.sae());
    assertTrue(Arrays.equals(a.lossPerEpoch(), b.lossPerEpoch()));
    assertNotEquals(a.sae(), c.sae());
  }

  @Test
  void deadFeaturesAreCounted() {
    // 2-dimensional data cannot keep 64 features busy with k = 1.
    float[][] data = new float[50][2];
    Random random = new Random(1);
    for (float[] row : data) {
      row[0] = (float) random.nextGaussian();
      row[1] = (float) random.nextGaussian();
    }
    TopKTrainer.Trained t = TopKTrainer.train(data, 64, 1, 3, 0);
    int fired = Arrays.stream(t.firesLastEpoch()).sum();
    assertTrue(fired <= 50);
    assertTrue(t.deadFeatures() >= 64 - 50, "dead " + t.deadFeatures());
  }

  @Test
  void topKKeepsTheLargest() {
    float[] v = {0.5f, -1, 3, 2, 3, -4, 1};
    int[] top = SparseAutoencoder.topK(v, 3);
    Arrays.sort(top);
    assertEquals("[2, 3, 4]", Arrays.toString(top));
  }

  private static long countNonZero(float[] v) {
    long n = 0;
    for (float f : v) {
      n += f != 0 ? 1 : 0;
    }
    return n;
  }
}

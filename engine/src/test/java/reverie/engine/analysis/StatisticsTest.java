package reverie.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @RepeatedTest(30)
  void hungarianMatchesBruteForce(org.junit.jupiter.api.RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    int rows = 1 + random.nextInt(5);
    int cols = 1 + random.nextInt(6);
    double[][] cost = new double[rows][cols];
    for (double[] row : cost) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextInt(10) - 3 + random.nextDouble();
      }
    }
    int[] assignment = Hungarian.minimumCostAssignment(cost);
    double got = 0;
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (int r = 0; r < rows; r++) {
      if (assignment[r] >= 0) {
        assertTrue(used.add(assignment[r]), "one-to-one");
        got += cost[r][assignment[r]];
      }
    }
    assertEquals(Math.min(rows, cols), used.size());
    assertEquals(brute(cost, 0, new boolean[Math.max(rows, cols)]), got, 1e-9);
  }

  /** Minimum over all one-to-one assignments of min(rows, cols) pairs. */
  private static double brute(double[][] cost, int row, boolean[] used) {
    int rows = cost.length;
    int cols = cost[0].length;
    if (rows > cols) {
      double[][] t = new double[cols][rows];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          t[c][r] = cost[r][c];
        }
      }
      return brute(t, 0, new boolean[rows]);
    }
    if (row == rows) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int c = 0; c < cols; c++) {
      if (!used[c]) {
        used[c] = true;
        best = Math.min(best, cost[row][c] + brute(cost, row + 1, used));
        used[c] = false;
      }
    }
    return best;
  }

  @Test
  void benjaminiHochbergMatchesHandComputation() {
    double[] p = {0.01, 0.04, 0.03, 0.20};
    // Sorted: 0.01 (x4/1 = .04), 0.03 (x4/2 = .06), 0.04 (x4/3 = .0533), 0.20 (x4/4 = .2); then
    // monotone from the top.
    assertArrayEquals(
        new double[] {0.04, 0.05333333333333334, 0.05333333333333334, 0.20},
        Alignment.benjaminiHochberg(p),
        1e-12);
  }

  @Test
  void nmiIsOneForIdenticalAndZeroForIndependentSets() {
    assertEquals(1.0, Alignment.nmi(100, 30, 30, 30), 1e-12);
    assertEquals(
        1.0, Alignment.nmi(100, 30, 70, 0), 1e-12, "the complement carries the same information");
    assertEquals(0.0, Alignment.nmi(100, 50, 50, 25), 1e-12);
    assertEquals(0.0, Alignment.nmi(100, 0, 50, 0), 1e-12);
  }

  @Test
  void linearCkaIsOneForScaledCopiesAndInvariantToRotation() {
    Random random = new Random(3);
    double[][] x = new double[40][3];
    float[][] y = new float[40][3];
    float[][] rotated = new float[40][3];
    double c = Math.cos(0.7);
    double s = Math.sin(0.7);
    for (int t = 0; t < 40; t++) {
      for (int j = 0; j < 3; j++) {
        x[t][j] = random.nextGaussian();
        y[t][j] = (float) (5 * x[t][j] + 2);
      }
      rotated[t][0] = (float) (c * x[t][0] - s * x[t][1]);
      rotated[t][1] = (float) (s * x[t][0] + c * x[t][1]);
      rotated[t][2] = (float) x[t][2];
    }
    assertEquals(1.0, Alignment.linearCka(x, y), 1e-5);
    assertEquals(1.0, Alignment.linearCka(x, rotated), 1e-5);
    float[][] noise = new float[40][200];
    for (float[] row : noise) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    // 200 features > 40 rows: the Gram-matrix path; unrelated data gives a small value.
    double cka = Alignment.linearCka(x, noise);
    assertTrue(cka > 0 && cka < 0.5, "cka " + cka);
    float[][] noiseFirst3 = new float[40][];
    for (int t = 0; t < 40; t++) {
      noiseFirst3[t] = java.util.Arrays.copyOf(noise[t], 200);
    }
    assertEquals(cka, Alignment.linearCka(x, noiseFirst3), 1e-9);
  }

  @Test
  void pearsonOfExactCopyIsOneAndHungarianFindsIt() {
    UsageMatrix u = PlantedData.realisticUsage(60, 6, 2);
    int[] inv = u.inventionColumns();
    float[][] acts = new float[60][inv.length];
    for (int t = 0; t < 60; t++) {
      for (int i = 0; i < inv.length; i++) {
        // Feature (i + 1) mod n copies invention i exactly.
        acts[t][(i + 1) % inv.length] = u.counts()[t][inv[i]] > 0 ? 1 : 0;
      }
    }
    Alignment.Result r = Alignment.align(u, acts, new Alignment.Options(0, 0, 0.01, 1));
    for (int i = 0; i < r.inventions().size(); i++) {
      Alignment.InventionMatch m = r.inventions().get(i);
      int expected = (u.inventionColumns()[i] + 1) % inv.length;
      assertEquals(expected, m.bestFeature());
      assertEquals(expected, m.matchedFeature());
      assertEquals(1.0, m.pearson(), 1e-5);
      assertEquals(1.0, m.jaccardOfBest(), 1e-12);
      assertEquals(1.0, m.nmiOfBest(), 1e-9);
      assertTrue(!m.significant(), "no permutations, no significance");
    }
    assertEquals(1.0, r.hungarianMeanPearson(), 1e-5);
  }

  @Test
  void pValuesAreDeterministicForASeed() {
    UsageMatrix u = PlantedData.realisticUsage(100, 8, 5);
    PlantedData.Planted p = PlantedData.plant(u, 4, 10, 2.0, 1);
    Alignment.Options o = new Alignment.Options(200, 9, 0.01, 3);
    Alignment.Result a = Alignment.align(u, p.activations().values(), o);
    Alignment.Result b = Alignment.align(u, p.activations().values(), o);
    assertEquals(a.inventions(), b.inventions());
  }
}

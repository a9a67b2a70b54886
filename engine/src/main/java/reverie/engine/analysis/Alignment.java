package reverie.engine.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Aligns a library's inventions with an SAE's features over the same tasks: best matches by Pearson
 * (point-biserial), Jaccard and normalised mutual information, a one-to-one Hungarian matching,
 * linear CKA, a permutation null for each invention, and the hierarchy check.
 *
 * <p>An invention is active on a task when the task's own code uses it (count > 0); a feature is
 * active when its value is not zero.
 */
public final class Alignment {

  /**
   * @param permutations number of task-row shuffles for the null
   * @param alpha significance level for the corrected p-values
   * @param minSupport inventions used by fewer tasks are not aligned
   */
  public record Options(int permutations, long seed, double alpha, int minSupport) {
    public Options {
      checkArgument(permutations >= 0, "permutations must be >= 0");
      checkArgument(alpha > 0 && alpha < 1, "alpha must be in (0, 1)");
    }

    public static Options defaults() {
      return new Options(1000, 0, 0.01, 3);
    }
  }

  /**
   * One invention's matches: {@code bestFeature} by Pearson (with its Jaccard and NMI), the best
   * features by Jaccard and by NMI, the feature the Hungarian matching gives it, and its p-value
   * (maximum over features under row shuffles; then Benjamini–Hochberg across inventions).
   */
  public record InventionMatch(
      String invention,
      String dreamcoder,
      int support,
      int bestFeature,
      double pearson,
      double jaccardOfBest,
      double nmiOfBest,
      int jaccardFeature,
      double jaccard,
      int nmiFeature,
      double nmi,
      int matchedFeature,
      double matchedPearson,
      double pValue,
      double pCorrected,
      boolean significant) {}

  /** Mean of the best score per invention and per (alive) feature. */
  public record BothWays(double inventionsToFeatures, double featuresToInventions) {}

  /**
   * When {@code whole} is built from {@code part}: how often {@code part}'s best feature fires on
   * the tasks that use {@code whole}, on those that use {@code part} directly, and on all tasks.
   */
  public record HierarchyCheck(
      String whole,
      String part,
      int partFeature,
      int wholeTasks,
      double firesOnWhole,
      double firesOnPart,
      double baseRate) {

    /** Whether the part's feature fires on the whole's tasks more often than on tasks at large. */
    public boolean holds() {
      return wholeTasks > 0 && firesOnWhole > baseRate;
    }
  }

  /** Everything the comparison reports about alignment. */
  public record Result(
      ImmutableList<InventionMatch> inventions,
      BothWays pearson,
      BothWays jaccard,
      BothWays nmi,
      double hungarianMeanPearson,
      double cka,
      double ckaAllAtoms,
      ImmutableList<HierarchyCheck> hierarchy,
      int permutations,
      double alpha,
      int minSupport,
      double[][] pearsonMatrix) {

    public long significantCount() {
      return inventions.stream().filter(InventionMatch::significant).count();
    }
  }

  private Alignment() {}

  /**
   * Aligns {@code usage} with {@code activations}, whose rows are the same tasks in the same order.
   */
  public static Result align(UsageMatrix usage, float[][] activations, Options options) {
    int n = usage.taskCount();
    checkArgument(
        activations.length == n, "%s activation rows for %s tasks", activations.length, n);
    int features = n == 0 ? 0 : activations[0].length;
    List<Integer> analysed = new ArrayList<>();
    for (int c : usage.inventionColumns()) {
      if (usage.support(c) >= options.minSupport()) {
        analysed.add(c);
      }
    }
    int m = analysed.size();
    int[][] members = new int[m][];
    for (int i = 0; i < m; i++) {
      int col = analysed.get(i);
      members[i] = IntStream.range(0, n).filter(t -> usage.counts()[t][col] > 0).toArray();
    }
    float[][] z = unitColumns(activations, features);
    double[][] r = pearson(members, z, identity(n), features, n);
    boolean[][] active = new boolean[features][n];
    int[] density = new int[features];
    for (int t = 0; t < n; t++) {
      for (int f = 0; f < features; f++) {
        if (activations[t][f] != 0) {
          active[f][t] = true;
          density[f]++;
        }
      }
    }
    double[][] jac = new double[m][features];
    double[][] mi = new double[m][features];
    for (int i = 0; i < m; i++) {
      for (int f = 0; f < features; f++) {
        int both = 0;
        for (int t : members[i]) {
          if (active[f][t]) {
            both++;
          }
        }
        int union = members[i].length + density[f] - both;
        jac[i][f] = union == 0 ? 0 : (double) both / union;
        mi[i][f] = nmi(n, members[i].length, density[f], both);
      }
    }
    // Permutation null: shuffling the task rows of the activations keeps every feature's density
    // and breaks
    // any link to the library. For each invention the statistic is its best Pearson over all
    // features, so
    // its p-value is already corrected across features (max-statistic).
    double[] observedMax = new double[m];
    int[] best = new int[m];
    for (int i = 0; i < m; i++) {
      best[i] = argmax(r[i]);
      observedMax[i] = features == 0 ? 0 : r[i][best[i]];
    }
    int[] exceed = new int[m];
    int permutations = options.permutations();
    if (permutations > 0 && features > 0 && m > 0) {
      SplittableRandom random = new SplittableRandom(options.seed());
      int[][] perms = new int[permutations][];
      for (int p = 0; p < permutations; p++) {
        perms[p] = shuffled(n, random);
      }
      int[][] hits =
          IntStream.range(0, permutations)
              .parallel()
              .mapToObj(
                  q -> {
                    double[] max = permutedMaxima(members, z, perms[q], features, n);
                    int[] h = new int[m];
                    for (int i = 0; i < m; i++) {
                      // Float sums differ from the observed (double) ones by ~1e-6; count near-ties
                      // as exceedances, which can only make p larger.
                      h[i] = max[i] >= observedMax[i] - 1e-5 ? 1 : 0;
                    }
                    return h;
                  })
              .toArray(int[][]::new);
      for (int[] h : hits) {
        for (int i = 0; i < m; i++) {
          exceed[i] += h[i];
        }
      }
    }
    double[] p = new double[m];
    for (int i = 0; i < m; i++) {
      // With no feature there is nothing to match: p = 1, never significant.
      p[i] = features == 0 ? 1 : (1.0 + exceed[i]) / (1.0 + permutations);
    }
    double[] q = benjaminiHochberg(p);
    int[] matched = new int[m];
    double hungarian = 0;
    if (m > 0 && features > 0) {
      double[][] cost = new double[m][features];
      for (int i = 0; i < m; i++) {
        for (int f = 0; f < features; f++) {
          cost[i][f] = 1 - r[i][f];
        }
      }
      matched = Hungarian.minimumCostAssignment(cost);
      int pairs = 0;
      for (int i = 0; i < m; i++) {
        if (matched[i] >= 0) {
          hungarian += r[i][matched[i]];
          pairs++;
        }
      }
      hungarian /= Math.max(1, pairs);
    } else {
      Arrays.fill(matched, -1);
    }
    ImmutableList.Builder<InventionMatch> matches = ImmutableList.builder();
    for (int i = 0; i < m; i++) {
      UsageMatrix.Atom atom = usage.atoms().get(analysed.get(i));
      int jf = features == 0 ? -1 : argmax(jac[i]);
      int nf = features == 0 ? -1 : argmax(mi[i]);
      int b = features == 0 ? -1 : best[i];
      matches.add(
          new InventionMatch(
              atom.name(),
              atom.dreamcoder(),
              members[i].length,
              b,
              b < 0 ? 0 : r[i][b],
              b < 0 ? 0 : jac[i][b],
              b < 0 ? 0 : mi[i][b],
              jf,
              jf < 0 ? 0 : jac[i][jf],
              nf,
              nf < 0 ? 0 : mi[i][nf],
              matched[i],
              matched[i] < 0 ? 0 : r[i][matched[i]],
              p[i],
              q[i],
              permutations > 0 && q[i] < options.alpha()));
    }
    ImmutableList<InventionMatch> list = matches.build();
    boolean[] alive = new boolean[features];
    for (int f = 0; f < features; f++) {
      alive[f] = density[f] > 0;
    }
    return new Result(
        list,
        bothWays(r, alive),
        bothWays(jac, alive),
        bothWays(mi, alive),
        hungarian,
        linearCka(counts(usage, usage.inventionColumns()), activations),
        linearCka(counts(usage, IntStream.range(0, usage.atoms().size()).toArray()), activations),
        hierarchy(usage, list, active, n),
        permutations,
        options.alpha(),
        options.minSupport(),
        r);
  }

  /** Columns centred and scaled to unit Euclidean norm (constant columns become zero). */
  private static float[][] unitColumns(float[][] x, int features) {
    int n = x.length;
    float[][] z = new float[n][features];
    for (int f = 0; f < features; f++) {
      double mean = 0;
      for (float[] row : x) {
        mean += row[f];
      }
      mean /= Math.max(1, n);
      double ss = 0;
      for (float[] row : x) {
        ss += (row[f] - mean) * (row[f] - mean);
      }
      double scale = ss <= 1e-24 ? 0 : 1 / Math.sqrt(ss);
      for (int t = 0; t < n; t++) {
        z[t][f] = (float) ((x[t][f] - mean) * scale);
      }
    }
    return z;
  }

  /**
   * Pearson correlation of each invention's 0/1 indicator with each feature, the rows of the
   * activations permuted by {@code perm}. With unit centred feature columns z, r = sum over the
   * invention's tasks of z, divided by sqrt(k (1 - k/n)); so one shuffle costs (non-zeros of the
   * usage) x features additions.
   */
  private static double[][] pearson(int[][] members, float[][] z, int[] perm, int features, int n) {
    double[][] r = new double[members.length][features];
    double[] sum = new double[features];
    for (int i = 0; i < members.length; i++) {
      int k = members[i].length;
      double norm = Math.sqrt(k * (1.0 - (double) k / n));
      Arrays.fill(sum, 0);
      for (int t : members[i]) {
        float[] row = z[perm[t]];
        for (int f = 0; f < features; f++) {
          sum[f] += row[f];
        }
      }
      for (int f = 0; f < features; f++) {
        r[i][f] = norm == 0 ? 0 : sum[f] / norm;
      }
    }
    return r;
  }

  /**
   * Each invention's largest Pearson over all features with the rows permuted by {@code perm}: the
   * hot loop of the permutation test, in float so that the inner loop vectorises.
   */
  private static double[] permutedMaxima(
      int[][] members, float[][] z, int[] perm, int features, int n) {
    double[] max = new double[members.length];
    float[] sum = new float[features];
    for (int i = 0; i < members.length; i++) {
      int k = members[i].length;
      double norm = Math.sqrt(k * (1.0 - (double) k / n));
      Arrays.fill(sum, 0f);
      for (int t : members[i]) {
        float[] row = z[perm[t]];
        for (int f = 0; f < features; f++) {
          sum[f] += row[f];
        }
      }
      float best = Float.NEGATIVE_INFINITY;
      for (int f = 0; f < features; f++) {
        best = Math.max(best, sum[f]);
      }
      max[i] = norm == 0 ? 0 : best / norm;
    }
    return max;
  }

  /**
   * Mutual information of two binary variables over {@code n} tasks, divided by sqrt(H(a) H(b)).
   */
  static double nmi(int n, int a, int b, int both) {
    if (n == 0) {
      return 0;
    }
    double ha = entropy(a, n);
    double hb = entropy(b, n);
    if (ha <= 0 || hb <= 0) {
      return 0;
    }
    int[][] cell = {{n - a - b + both, b - both}, {a - both, both}};
    double mi = 0;
    for (int x = 0; x < 2; x++) {
      for (int y = 0; y < 2; y++) {
        if (cell[x][y] > 0) {
          double pxy = (double) cell[x][y] / n;
          double px = (x == 1 ? a : n - a) / (double) n;
          double py = (y == 1 ? b : n - b) / (double) n;
          mi += pxy * Math.log(pxy / (px * py));
        }
      }
    }
    return Math.max(0, Math.min(1, mi / Math.sqrt(ha * hb)));
  }

  private static double entropy(int k, int n) {
    double h = 0;
    for (int c : new int[] {k, n - k}) {
      if (c > 0) {
        double p = (double) c / n;
        h -= p * Math.log(p);
      }
    }
    return h;
  }

  /** Benjamini–Hochberg adjusted p-values (step-up, monotone, capped at 1). */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(p[y], p[x]));
    double[] q = new double[m];
    double running = 1;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      int k = m - rank; // 1-based rank in ascending order
      running = Math.min(running, p[i] * m / k);
      q[i] = running;
    }
    return q;
  }

  /**
   * Linear CKA (Kornblith et al. 2019) between two representations of the same rows: ||Y'X||_F^2 /
   * (||X'X||_F ||Y'Y||_F) on centred columns, computed on the n x n Gram matrices when that is
   * cheaper.
   */
  public static double linearCka(double[][] x, float[][] y) {
    int n = x.length;
    checkArgument(y.length == n, "CKA needs the same rows");
    if (n < 2) {
      return 0;
    }
    double[][] xc = centred(x);
    double[][] yc = centred(toDouble(y));
    double xy = crossNormSquared(xc, yc);
    double xx = crossNormSquared(xc, xc);
    double yy = crossNormSquared(yc, yc);
    return xx <= 0 || yy <= 0 ? 0 : xy / Math.sqrt(xx * yy);
  }

  /** ||A'B||_F^2 = trace(AA' BB'), by whichever product is smaller. */
  private static double crossNormSquared(double[][] a, double[][] b) {
    int n = a.length;
    int p = a[0].length;
    int q = b[0].length;
    if ((long) p * q <= (long) n * n) {
      double total = 0;
      double[] col = new double[q];
      for (int i = 0; i < p; i++) {
        Arrays.fill(col, 0);
        for (int t = 0; t < n; t++) {
          double v = a[t][i];
          if (v != 0) {
            for (int j = 0; j < q; j++) {
              col[j] += v * b[t][j];
            }
          }
        }
        for (double c : col) {
          total += c * c;
        }
      }
      return total;
    }
    double[][] ga = gram(a);
    double[][] gb = a == b ? ga : gram(b);
    double total = 0;
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < n; t++) {
        total += ga[s][t] * gb[s][t];
      }
    }
    return total;
  }

  private static double[][] gram(double[][] a) {
    int n = a.length;
    double[][] g = new double[n][n];
    for (int s = 0; s < n; s++) {
      for (int t = s; t < n; t++) {
        double d = 0;
        for (int j = 0; j < a[s].length; j++) {
          d += a[s][j] * a[t][j];
        }
        g[s][t] = d;
        g[t][s] = d;
      }
    }
    return g;
  }

  private static double[][] centred(double[][] x) {
    int n = x.length;
    int d = x[0].length;
    double[][] c = new double[n][d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[j];
      }
      mean /= n;
      for (int t = 0; t < n; t++) {
        c[t][j] = x[t][j] - mean;
      }
    }
    return c;
  }

  static double[][] toDouble(float[][] y) {
    double[][] d = new double[y.length][];
    for (int t = 0; t < y.length; t++) {
      d[t] = new double[y[t].length];
      for (int j = 0; j < y[t].length; j++) {
        d[t][j] = y[t][j];
      }
    }
    return d;
  }

  private static double[][] counts(UsageMatrix usage, int[] cols) {
    double[][] x = new double[usage.taskCount()][cols.length];
    for (int t = 0; t < x.length; t++) {
      for (int i = 0; i < cols.length; i++) {
        x[t][i] = usage.counts()[t][cols[i]];
      }
    }
    return x;
  }

  private static ImmutableList<HierarchyCheck> hierarchy(
      UsageMatrix usage, List<InventionMatch> matches, boolean[][] active, int n) {
    Map<String, InventionMatch> byName = new java.util.HashMap<>();
    for (InventionMatch im : matches) {
      byName.put(im.invention(), im);
    }
    ImmutableList.Builder<HierarchyCheck> checks = ImmutableList.builder();
    for (Map.Entry<String, String> e : usage.builtFrom().entries()) {
      InventionMatch part = byName.get(e.getValue());
      if (part == null || part.bestFeature() < 0) {
        continue; // the part has too little direct support to have a matched feature
      }
      boolean[] fires = active[part.bestFeature()];
      int whole = usage.column(e.getKey());
      int partColumn = usage.column(e.getValue());
      int wholeTasks = 0;
      int onWhole = 0;
      int partTasks = 0;
      int onPart = 0;
      int all = 0;
      for (int t = 0; t < n; t++) {
        if (fires[t]) {
          all++;
        }
        if (usage.counts()[t][whole] > 0) {
          wholeTasks++;
          onWhole += fires[t] ? 1 : 0;
        }
        if (usage.counts()[t][partColumn] > 0) {
          partTasks++;
          onPart += fires[t] ? 1 : 0;
        }
      }
      checks.add(
          new HierarchyCheck(
              e.getKey(),
              e.getValue(),
              part.bestFeature(),
              wholeTasks,
              wholeTasks == 0 ? 0 : (double) onWhole / wholeTasks,
              partTasks == 0 ? 0 : (double) onPart / partTasks,
              n == 0 ? 0 : (double) all / n));
    }
    return checks.build();
  }

  private static BothWays bothWays(double[][] s, boolean[] alive) {
    int m = s.length;
    int features = alive.length;
    if (m == 0 || features == 0) {
      return new BothWays(0, 0);
    }
    double forward = 0;
    for (double[] row : s) {
      forward += row[argmax(row)];
    }
    double backward = 0;
    int count = 0;
    for (int f = 0; f < features; f++) {
      if (alive[f]) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : s) {
          max = Math.max(max, row[f]);
        }
        backward += max;
        count++;
      }
    }
    return new BothWays(forward / m, count == 0 ? 0 : backward / count);
  }

  static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int[] identity(int n) {
    return IntStream.range(0, n).toArray();
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] p = identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }
}

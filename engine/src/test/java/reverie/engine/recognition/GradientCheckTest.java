package reverie.engine.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Every layer's backward pass against central finite differences of a random linear loss. */
class GradientCheckTest {
  private static final double EPS = 1e-6;

  private static double[] random(SplittableRandom r, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 2 * r.nextDouble() - 1;
    }
    return x;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * Compares {@code analytic} with the numerical gradient of {@code loss} at {@code x} (changed and
   * restored).
   */
  private static void check(
      double[] x, double[] analytic, ToDoubleFunction<double[]> loss, String what) {
    int nonZero = 0;
    for (int i = 0; i < x.length; i++) {
      double saved = x[i];
      x[i] = saved + EPS;
      double up = loss.applyAsDouble(x);
      x[i] = saved - EPS;
      double down = loss.applyAsDouble(x);
      x[i] = saved;
      double numeric = (up - down) / (2 * EPS);
      double tolerance = 1e-6 + 1e-5 * Math.max(Math.abs(numeric), Math.abs(analytic[i]));
      assertEquals(numeric, analytic[i], tolerance, what + " component " + i);
      if (analytic[i] != 0) {
        nonZero++;
      }
    }
    assertTrue(nonZero > 0, what + ": the gradient should not vanish everywhere");
  }

  @Test
  void dense() {
    SplittableRandom r = new SplittableRandom(1);
    ParameterLayout layout = new ParameterLayout();
    Dense d = new Dense(layout, "d", 5, 4);
    double[] p = layout.initialise(r);
    for (int i = 0; i < p.length; i++) {
      p[i] += 0.1 * r.nextDouble();
    }
    double[] x = random(r, 5);
    double[] c = random(r, 4);
    double[] grad = new double[p.length];
    double[] dx = d.backward(p, x, c, grad);
    check(p, grad, q -> dot(c, d.forward(q, x)), "dense parameters");
    check(x, dx, y -> dot(c, d.forward(p, y)), "dense input");
  }

  @Test
  void lowRankOutput() {
    SplittableRandom r = new SplittableRandom(8);
    ParameterLayout layout = new ParameterLayout();
    LowRankOutput head = new LowRankOutput(layout, 5, 2, 3, 4);
    double[] p = random(r, layout.size());
    double[] h = random(r, 5);
    double[] c = random(r, 12);
    double[] grad = new double[p.length];
    double[] dh = head.backward(p, h, c, grad);
    check(p, grad, q -> dot(c, head.forward(q, h)), "low-rank parameters");
    check(h, dh, x -> dot(c, head.forward(p, x)), "low-rank input");
  }

  @Test
  void activations() {
    SplittableRandom r = new SplittableRandom(2);
    for (Activation a : Activation.values()) {
      double[] x = random(r, 7);
      double[] c = random(r, 7);
      double[] dx = a.backward(a.forward(x), c);
      check(x, dx, y -> dot(c, a.forward(y)), a.name());
    }
  }

  private static EncodedTask tokens(SplittableRandom r, int vocabulary) {
    int[][] examples = new int[3][];
    for (int e = 0; e < examples.length; e++) {
      examples[e] = new int[2 + r.nextInt(6)];
      for (int t = 0; t < examples[e].length; t++) {
        examples[e][t] = r.nextInt(vocabulary);
      }
    }
    return new EncodedTask(examples);
  }

  @Test
  void convolutionEncoder() {
    SplittableRandom r = new SplittableRandom(3);
    ParameterLayout layout = new ParameterLayout();
    ConvEncoder enc = new ConvEncoder(layout, 11, 4, 6, 3);
    double[] p = layout.initialise(r);
    EncodedTask task = tokens(r, 11);
    double[] c = random(r, enc.outputSize());
    double[] grad = new double[p.length];
    Object prepared = enc.prepare(p, java.util.List.of(task), ExampleEncoder.Parallel.SERIAL);
    double[] accumulator = enc.newAccumulator();
    enc.backward(p, prepared, enc.forward(p, prepared, task), c, grad, accumulator);
    enc.finish(p, prepared, accumulator, grad);
    check(
        p,
        grad,
        q ->
            dot(
                c,
                enc.forward(
                        q,
                        enc.prepare(q, java.util.List.of(task), ExampleEncoder.Parallel.SERIAL),
                        task)
                    .output()),
        "conv encoder");
  }

  private static EncodedTask pictures(SplittableRandom r, int examples, int size) {
    float[][] images = new float[examples][size];
    for (float[] image : images) {
      for (int i = 0; i < size; i++) {
        // Some blank pixels, as in drawings, and distinct values elsewhere (no ties in a max-pool).
        image[i] = r.nextInt(4) == 0 ? 0 : (float) r.nextDouble();
      }
    }
    return EncodedTask.pictures(images);
  }

  @Test
  void imageEncoder() {
    SplittableRandom r = new SplittableRandom(9);
    ParameterLayout layout = new ParameterLayout();
    ImageEncoder enc = new ImageEncoder(layout, 2, 9, 8, 3, 4, 3);
    double[] p = layout.initialise(r);
    for (int i = 0; i < p.length; i++) {
      p[i] += 0.1 * (r.nextDouble() - 0.3); // non-zero biases, so both ReLU sides are exercised
    }
    EncodedTask task = pictures(r, 3, 2 * 9 * 8);
    assertEquals(4 * 2 * 2, enc.outputSize());
    double[] c = random(r, enc.outputSize());
    double[] grad = new double[p.length];
    enc.backward(p, null, enc.forward(p, null, task), c, grad, enc.newAccumulator());
    check(p, grad, q -> dot(c, enc.forward(q, null, task).output()), "image encoder");
  }

  @Test
  void bagEncoder() {
    SplittableRandom r = new SplittableRandom(4);
    ParameterLayout layout = new ParameterLayout();
    BagEncoder enc = new BagEncoder(layout, 9, 5);
    double[] p = layout.initialise(r);
    EncodedTask task = tokens(r, 9);
    double[] c = random(r, enc.outputSize());
    double[] grad = new double[p.length];
    enc.backward(p, null, enc.forward(p, null, task), c, grad, enc.newAccumulator());
    check(p, grad, q -> dot(c, enc.forward(q, null, task).output()), "bag encoder");
  }

  @Test
  void logPriorOfUseCounts() {
    SplittableRandom r = new SplittableRandom(5);
    UseCounts counts =
        new UseCounts.Builder()
            .use(0, 2)
            .use(3, 1)
            .use(5, 0.5)
            .normalise(new int[] {0, 1, 3}, 2)
            .normalise(new int[] {3, 4, 5}, 1.5)
            .addConstant(-Math.log(2))
            .build();
    double[] w = random(r, 6);
    double[] grad = new double[6];
    counts.addGradient(w, 1, grad);
    check(w, grad, counts::logPrior, "log-prior");
  }

  @Test
  void wholeNetwork() {
    for (Architecture a :
        ImmutableList.of(
            new Architecture("conv", 4, 5, 3, ImmutableList.of(6, 5), 0),
            new Architecture("conv", 4, 5, 3, ImmutableList.of(6), 3),
            new Architecture("bag", 4, 4, 1, ImmutableList.of(6), 0))) {
      SplittableRandom r = new SplittableRandom(6);
      Network net = new Network(a, 13, 4, 8);
      double[] p = net.initialise(7);
      for (int i = 0; i < p.length; i++) {
        p[i] += 0.3 * (r.nextDouble() - 0.5); // no zero blocks, so every path carries gradient
      }
      EncodedTask task = tokens(r, 13);
      UseCounts counts =
          new UseCounts.Builder()
              .use(1, 1)
              .use(7, 2)
              .normalise(new int[] {1, 2, 7}, 3)
              .normalise(new int[] {0, 1}, 1)
              .build();
      double[] grad = new double[p.length];
      net.lossAndGradient(p, task, counts, 0.7, grad);
      check(
          p,
          grad,
          q -> net.lossAndGradient(q, task, counts, 0.7, new double[q.length]),
          a + " network");
    }
  }

  @Test
  void wholeImageNetwork() {
    SplittableRandom r = new SplittableRandom(10);
    Architecture a = new Architecture("image", 2, 3, 3, ImmutableList.of(5), 0);
    Network net = new Network(a, Network.Input.pictures(1, 8, 8), 4, 8);
    double[] p = net.initialise(11);
    for (int i = 0; i < p.length; i++) {
      p[i] += 0.3 * (r.nextDouble() - 0.4);
    }
    EncodedTask task = pictures(r, 2, 64);
    UseCounts counts =
        new UseCounts.Builder().use(1, 1).use(7, 2).normalise(new int[] {1, 2, 7}, 3).build();
    double[] grad = new double[p.length];
    net.lossAndGradient(p, task, counts, 0.7, grad);
    check(
        p,
        grad,
        q -> net.lossAndGradient(q, task, counts, 0.7, new double[q.length]),
        "image network");
  }
}

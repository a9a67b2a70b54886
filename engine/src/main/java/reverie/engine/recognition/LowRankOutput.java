package reverie.engine.recognition;

/**
 * The low-rank output layer (DreamCoder's default for contextual grammars): the hidden vector gives
 * {@code rank} task-specific weight vectors over the choices, {@code M = U h + u}, and each context
 * mixes them with its own learned coefficients and adds its own bias: {@code w[c] = b[c] + a[c] M}.
 * Parameters grow with {@code rank x choices x hidden + contexts x (rank + choices)} instead of
 * {@code contexts x choices x hidden}.
 */
final class LowRankOutput implements OutputHead {
  private final int in;
  private final int rank;
  private final int contexts;
  private final int width;
  private final Dense basis;
  private final int mixing;
  private final int bias;

  LowRankOutput(ParameterLayout layout, int in, int rank, int contexts, int width) {
    this.in = in;
    this.rank = rank;
    this.contexts = contexts;
    this.width = width;
    this.basis = new Dense(layout, "output.basis", in, rank * width);
    // Zero mixing at the start: the prediction is the bias (the library's weights) until training
    // moves it.
    this.mixing = layout.allocate("output.mixing", contexts * rank, 0);
    this.bias = layout.allocate("output.bias", contexts * width, 0);
  }

  @Override
  public int biasOffset() {
    return bias;
  }

  @Override
  public void zeroTaskDependence(double[] p) {
    java.util.Arrays.fill(p, mixing, mixing + contexts * rank, 0.0);
  }

  @Override
  public double[] forward(double[] p, double[] h) {
    double[] m = basis.forward(p, h);
    double[] w = new double[contexts * width];
    for (int c = 0; c < contexts; c++) {
      int a = mixing + c * rank;
      int out = c * width;
      System.arraycopy(p, bias + out, w, out, width);
      for (int r = 0; r < rank; r++) {
        double coefficient = p[a + r];
        if (coefficient == 0) {
          continue;
        }
        int row = r * width;
        for (int j = 0; j < width; j++) {
          w[out + j] += coefficient * m[row + j];
        }
      }
    }
    return w;
  }

  @Override
  public double[] backward(double[] p, double[] h, double[] dw, double[] grad) {
    // Recomputing M is cheaper than keeping it: rank x width x hidden, once per task.
    double[] m = basis.forward(p, h);
    double[] dm = new double[rank * width];
    for (int c = 0; c < contexts; c++) {
      int a = mixing + c * rank;
      int out = c * width;
      for (int j = 0; j < width; j++) {
        grad[bias + out + j] += dw[out + j];
      }
      for (int r = 0; r < rank; r++) {
        int row = r * width;
        double coefficient = p[a + r];
        double da = 0;
        for (int j = 0; j < width; j++) {
          double d = dw[out + j];
          da += d * m[row + j];
          dm[row + j] += coefficient * d;
        }
        grad[a + r] += da;
      }
    }
    return basis.backward(p, h, dm, grad);
  }
}

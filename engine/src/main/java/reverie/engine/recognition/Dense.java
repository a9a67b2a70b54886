package reverie.engine.recognition;

/** A fully connected layer {@code y = W x + b}, with W stored row-major (one row per output). */
final class Dense {
  final int in;
  final int out;
  private final int weights;
  private final int bias;

  Dense(ParameterLayout layout, String name, int in, int out) {
    this.in = in;
    this.out = out;
    this.weights = layout.allocate(name + ".weight", in * out, ParameterLayout.glorot(in, out));
    this.bias = layout.allocate(name + ".bias", out, 0);
  }

  /** Where the bias vector starts in the flat parameters. */
  int biasOffset() {
    return bias;
  }

  double[] forward(double[] p, double[] x) {
    double[] y = new double[out];
    for (int o = 0; o < out; o++) {
      double s = p[bias + o];
      int row = weights + o * in;
      for (int i = 0; i < in; i++) {
        s += p[row + i] * x[i];
      }
      y[o] = s;
    }
    return y;
  }

  /**
   * Adds the parameter gradients to {@code grad} and returns the gradient with respect to {@code
   * x}.
   */
  double[] backward(double[] p, double[] x, double[] dy, double[] grad) {
    double[] dx = new double[in];
    for (int o = 0; o < out; o++) {
      double d = dy[o];
      if (d == 0) {
        continue;
      }
      grad[bias + o] += d;
      int row = weights + o * in;
      for (int i = 0; i < in; i++) {
        grad[row + i] += d * x[i];
        dx[i] += d * p[row + i];
      }
    }
    return dx;
  }
}

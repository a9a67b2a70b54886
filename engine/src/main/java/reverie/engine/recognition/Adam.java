package reverie.engine.recognition;

/** Adam (Kingma and Ba) with bias correction, updating a flat parameter vector in place. */
final class Adam {
  private final double learningRate;
  private final double beta1 = 0.9;
  private final double beta2 = 0.999;
  private final double epsilon = 1e-8;
  private final double[] m;
  private final double[] v;
  private int step;

  Adam(int size, double learningRate) {
    this.learningRate = learningRate;
    this.m = new double[size];
    this.v = new double[size];
  }

  /** One descent step on {@code p} along the gradient {@code g} of the loss. */
  void step(double[] p, double[] g) {
    step++;
    double c1 = 1 - Math.pow(beta1, step);
    double c2 = 1 - Math.pow(beta2, step);
    double rate = learningRate * Math.sqrt(c2) / c1;
    for (int i = 0; i < p.length; i++) {
      double gi = g[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      p[i] -= rate * m[i] / (Math.sqrt(v[i]) + epsilon);
    }
  }
}

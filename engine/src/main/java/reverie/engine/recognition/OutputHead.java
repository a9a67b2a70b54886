package reverie.engine.recognition;

/**
 * The last layer: from the task embedding to the flat contextual log-weights ({@link
 * OutputLayout}).
 */
interface OutputHead {

  double[] forward(double[] p, double[] hidden);

  /**
   * Adds the parameter gradients for {@code dw} to {@code grad}; returns the gradient w.r.t. the
   * input.
   */
  double[] backward(double[] p, double[] hidden, double[] dw, double[] grad);

  /** Where the per-context bias (one entry per output) starts. */
  int biasOffset();

  /** Zeroes what makes the output depend on the task, so that the prediction is the bias alone. */
  void zeroTaskDependence(double[] p);

  /** The full-rank head: one dense layer. */
  static OutputHead full(ParameterLayout layout, int in, int outputs) {
    Dense d = new Dense(layout, "output", in, outputs);
    return new OutputHead() {
      @Override
      public double[] forward(double[] p, double[] hidden) {
        return d.forward(p, hidden);
      }

      @Override
      public double[] backward(double[] p, double[] hidden, double[] dw, double[] grad) {
        return d.backward(p, hidden, dw, grad);
      }

      @Override
      public int biasOffset() {
        return d.biasOffset();
      }

      @Override
      public void zeroTaskDependence(double[] p) {
        java.util.Arrays.fill(p, d.biasOffset() - d.in * d.out, d.biasOffset(), 0.0);
      }
    };
  }
}

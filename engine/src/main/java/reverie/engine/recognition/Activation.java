package reverie.engine.recognition;

/** Element-wise nonlinearities; the backward pass needs only the forward output. */
enum Activation {
  TANH {
    @Override
    double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    double derivativeFromOutput(double y) {
      return 1 - y * y;
    }
  },
  RELU {
    @Override
    double apply(double x) {
      return x > 0 ? x : 0;
    }

    @Override
    double derivativeFromOutput(double y) {
      return y > 0 ? 1 : 0;
    }
  };

  abstract double apply(double x);

  abstract double derivativeFromOutput(double y);

  double[] forward(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = apply(x[i]);
    }
    return y;
  }

  double[] backward(double[] y, double[] dy) {
    double[] dx = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      dx[i] = dy[i] * derivativeFromOutput(y[i]);
    }
    return dx;
  }
}

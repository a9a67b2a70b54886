package reverie.engine.recognition;

/**
 * The cheap baseline encoder: the mean of the token embeddings of each example, averaged over
 * examples. It sees which tokens occur on the input and output side (the featurizer gives them
 * distinct ids) but not their order.
 */
final class BagEncoder implements ExampleEncoder {
  private final int vocabulary;
  private final int dim;
  private final int embedding;

  BagEncoder(ParameterLayout layout, int vocabulary, int dim) {
    this.vocabulary = vocabulary;
    this.dim = dim;
    this.embedding = layout.allocate("encoder.embedding", vocabulary * dim, 1.0);
  }

  @Override
  public int outputSize() {
    return dim;
  }

  private record BagTrace(double[] output, int[][] tokens) implements Trace {}

  @Override
  public Object prepare(double[] p, java.util.List<EncodedTask> tasks, Parallel parallel) {
    return null;
  }

  @Override
  public double[] newAccumulator() {
    return new double[0];
  }

  @Override
  public void finish(double[] p, Object prepared, double[] accumulator, double[] grad) {}

  @Override
  public Trace forward(double[] p, Object prepared, EncodedTask task) {
    int[][] examples = task.examples();
    double[] out = new double[dim];
    for (int[] tokens : examples) {
      double scale = 1.0 / (tokens.length * (double) examples.length);
      for (int token : tokens) {
        if (token < 0 || token >= vocabulary) {
          throw new IllegalArgumentException("token " + token + " outside the vocabulary");
        }
        int row = embedding + token * dim;
        for (int i = 0; i < dim; i++) {
          out[i] += scale * p[row + i];
        }
      }
    }
    return new BagTrace(out, examples);
  }

  @Override
  public void backward(
      double[] p, Object prepared, Trace trace, double[] dOutput, double[] grad, double[] unused) {
    int[][] examples = ((BagTrace) trace).tokens();
    for (int[] tokens : examples) {
      double scale = 1.0 / (tokens.length * (double) examples.length);
      for (int token : tokens) {
        int row = embedding + token * dim;
        for (int i = 0; i < dim; i++) {
          grad[row + i] += scale * dOutput[i];
        }
      }
    }
  }
}

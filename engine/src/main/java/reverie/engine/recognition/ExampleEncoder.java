package reverie.engine.recognition;

/**
 * A learned map from a task's token sequences to one feature vector: each example is encoded on its own and
 * the encodings are averaged, so the number of examples does not matter.
 */
interface ExampleEncoder {

  /** What {@link #forward} remembers for {@link #backward}. */
  interface Trace {
    double[] output();
  }

  int outputSize();

  Trace forward(double[] p, EncodedTask task);

  /** Adds the parameter gradients for {@code dOutput} (gradient of the loss w.r.t. the output) to {@code grad}. */
  void backward(double[] p, Trace trace, double[] dOutput, double[] grad);
}

package reverie.engine.recognition;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Encoder, tanh hidden layers, and a linear layer to the contextual grammar's log-weights, over one
 * flat parameter vector. The network object is immutable; all per-task state lives in {@link Pass},
 * so one network is safely shared by worker threads.
 */
final class Network {
  final ParameterLayout layout = new ParameterLayout();
  final ExampleEncoder encoder;
  final List<Dense> hidden = new ArrayList<>();
  final OutputHead output;
  final int parameterCount;

  /** What the encoder reads: token ids below a vocabulary size, or pictures of a shape. */
  record Input(int vocabulary, int channels, int height, int width) {
    static Input tokens(int vocabulary) {
      return new Input(vocabulary, 0, 0, 0);
    }

    static Input pictures(int channels, int height, int width) {
      return new Input(0, channels, height, width);
    }
  }

  /** A network over token sequences of {@code vocabulary} ids. */
  Network(Architecture architecture, int vocabulary, int contexts, int outputs) {
    this(architecture, Input.tokens(vocabulary), contexts, outputs);
  }

  Network(Architecture architecture, Input input, int contexts, int outputs) {
    encoder =
        switch (architecture.encoder()) {
          case "conv" ->
              new ConvEncoder(
                  layout,
                  input.vocabulary(),
                  architecture.embedding(),
                  architecture.channels(),
                  architecture.width());
          case "image" ->
              new ImageEncoder(
                  layout,
                  input.channels(),
                  input.height(),
                  input.width(),
                  architecture.embedding(),
                  architecture.channels(),
                  architecture.width());
          default -> new BagEncoder(layout, input.vocabulary(), architecture.embedding());
        };
    int in = encoder.outputSize();
    for (int i = 0; i < architecture.hidden().size(); i++) {
      int h = architecture.hidden().get(i);
      hidden.add(new Dense(layout, "hidden" + i, in, h));
      in = h;
    }
    output =
        architecture.rank() == 0
            ? OutputHead.full(layout, in, outputs)
            : new LowRankOutput(layout, in, architecture.rank(), contexts, outputs / contexts);
    parameterCount = layout.size();
  }

  double[] initialise(long seed) {
    return layout.initialise(new SplittableRandom(seed));
  }

  /** The activations of one forward pass, kept for the backward pass. */
  final class Pass {
    final ExampleEncoder.Trace encoded;
    final List<double[]> activations = new ArrayList<>();
    final double[] logWeights;

    final Object prepared;

    Pass(double[] p, Object prepared, EncodedTask task) {
      this.prepared = prepared;
      encoded = encoder.forward(p, prepared, task);
      double[] x = encoded.output();
      activations.add(x);
      for (Dense d : hidden) {
        x = Activation.TANH.forward(d.forward(p, x));
        activations.add(x);
      }
      logWeights = output.forward(p, x);
    }

    /** The last hidden layer's activations (the task embedding). */
    double[] embedding() {
      return activations.get(activations.size() - 1);
    }

    /**
     * Back-propagates {@code dLogWeights} (gradient of the loss w.r.t. the output) into {@code
     * grad}.
     */
    void backward(double[] p, double[] dLogWeights, double[] grad, double[] accumulator) {
      int last = activations.size() - 1;
      double[] d = output.backward(p, activations.get(last), dLogWeights, grad);
      for (int i = hidden.size() - 1; i >= 0; i--) {
        double[] dPre = Activation.TANH.backward(activations.get(i + 1), d);
        d = hidden.get(i).backward(p, activations.get(i), dPre, grad);
      }
      encoder.backward(p, prepared, encoded, d, grad, accumulator);
    }
  }

  /** What the encoder precomputes from {@code p} for these tasks; valid until {@code p} changes. */
  Object prepare(double[] p, List<EncodedTask> tasks) {
    return encoder.prepare(p, tasks, ExampleEncoder.Parallel.SERIAL);
  }

  Object prepare(double[] p, List<EncodedTask> tasks, ExampleEncoder.Parallel parallel) {
    return encoder.prepare(p, tasks, parallel);
  }

  Pass forward(double[] p, Object prepared, EncodedTask task) {
    return new Pass(p, prepared, task);
  }

  /**
   * The loss {@code -scale x logPrior} of {@code counts} under the predicted weights; adds its
   * gradient into {@code grad}, or into {@code accumulator} for what the encoder folds in at {@link
   * ExampleEncoder#finish}.
   */
  double lossAndGradient(
      double[] p,
      Object prepared,
      EncodedTask task,
      UseCounts counts,
      double scale,
      double[] grad,
      double[] accumulator) {
    Pass pass = forward(p, prepared, task);
    double[] dw = new double[pass.logWeights.length];
    counts.addGradient(pass.logWeights, -scale, dw);
    pass.backward(p, dw, grad, accumulator);
    return -scale * counts.logPrior(pass.logWeights);
  }

  /** The same, with the encoder's accumulator folded into {@code grad} at once (for tests). */
  double lossAndGradient(
      double[] p, EncodedTask task, UseCounts counts, double scale, double[] grad) {
    Object prepared = prepare(p, List.of(task));
    double[] accumulator = encoder.newAccumulator();
    double loss = lossAndGradient(p, prepared, task, counts, scale, grad, accumulator);
    encoder.finish(p, prepared, accumulator, grad);
    return loss;
  }
}

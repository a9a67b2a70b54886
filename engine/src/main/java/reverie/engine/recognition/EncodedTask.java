package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A task's examples as token sequences, one per example (inputs, separator, output), ready for an
 * {@link ExampleEncoder}; token ids are below the featurizer's vocabulary size.
 */
public record EncodedTask(int[][] examples) {
  public EncodedTask {
    checkArgument(examples.length > 0, "a task needs at least one example");
    for (int[] e : examples) {
      checkArgument(e.length > 0, "empty token sequence");
    }
  }
}

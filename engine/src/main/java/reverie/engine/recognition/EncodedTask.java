package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A task's examples ready for an {@link ExampleEncoder}: token sequences, one per example (inputs,
 * separator, output; ids below the featurizer's vocabulary size), for the sequence encoders; or
 * pictures, one per example (intensities in [0, 1]), for the {@link ImageEncoder}. Exactly one of
 * the two is non-empty.
 */
public record EncodedTask(int[][] examples, float[][] images) {
  public EncodedTask {
    checkArgument(
        (examples.length > 0) != (images.length > 0),
        "a task needs at least one example, as tokens or as pictures (not both)");
    for (int[] e : examples) {
      checkArgument(e.length > 0, "empty token sequence");
    }
    for (float[] i : images) {
      checkArgument(i.length > 0, "empty picture");
    }
  }

  /** A task's examples as token sequences. */
  public EncodedTask(int[][] examples) {
    this(examples, new float[0][]);
  }

  /** A task's examples as pictures. */
  public static EncodedTask pictures(float[][] images) {
    return new EncodedTask(new int[0][], images);
  }
}

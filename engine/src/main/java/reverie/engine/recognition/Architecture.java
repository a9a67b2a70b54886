package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import reverie.tasks.Featurizer;
import reverie.tasks.ImageFeaturizer;

/**
 * The shape of a recognition network: the example encoder ({@code conv} or {@code bag} over token
 * sequences, {@code image} over pictures) with its sizes, and the tanh hidden layers between the
 * encoder and the grammar log-weights, and the rank of the output layer (0 for a full dense layer,
 * see {@link LowRankOutput}).
 *
 * <p>For {@code conv}, {@code embedding} is the token embedding's size, {@code channels} the
 * convolution's and {@code width} its width; for {@code image} ({@link ImageEncoder}), {@code
 * embedding} and {@code channels} are the channels of the first and second convolution and {@code
 * width} the side of their kernels.
 */
public record Architecture(
    String encoder,
    int embedding,
    int channels,
    int width,
    ImmutableList<Integer> hidden,
    int rank) {

  public Architecture {
    checkArgument(
        encoder.equals("conv") || encoder.equals("bag") || encoder.equals("image"),
        "encoder must be conv, bag or image, not %s",
        encoder);
    checkArgument(embedding > 0 && channels > 0 && width > 0, "sizes must be positive");
    checkArgument(rank >= 0, "rank must be >= 0 (0 = full rank), got %s", rank);
    hidden = ImmutableList.copyOf(hidden);
  }

  /** The measured default: see {@link ConvEncoder}. */
  public static Architecture standard() {
    return new Architecture("conv", 16, 64, 3, ImmutableList.of(64), 0);
  }

  /** The measured default for pictures: see {@link ImageEncoder}. */
  public static Architecture image() {
    return new Architecture("image", 8, 16, 3, ImmutableList.of(64), 0);
  }

  /** The default for a featurizer: {@link #image()} for pictures, {@link #standard()} otherwise. */
  public static Architecture standard(Featurizer featurizer) {
    return featurizer instanceof ImageFeaturizer ? image() : standard();
  }

  /** Whether this network reads what {@code featurizer} gives: pictures or token sequences. */
  public boolean reads(Featurizer featurizer) {
    return encoder.equals("image") == featurizer instanceof ImageFeaturizer;
  }

  /** The same network with a low-rank output layer. */
  public Architecture withRank(int r) {
    return new Architecture(encoder, embedding, channels, width, hidden, r);
  }

  /** The order-blind baseline. */
  public static Architecture bag() {
    return new Architecture("bag", 32, 32, 1, ImmutableList.of(64), 0);
  }
}

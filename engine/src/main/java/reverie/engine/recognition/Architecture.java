package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

/**
 * The shape of a recognition network: the example encoder ({@code conv} or {@code bag}) with its
 * sizes, and the tanh hidden layers between the encoder and the grammar log-weights, and the rank
 * of the output layer (0 for a full dense layer, see {@link LowRankOutput}).
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
        encoder.equals("conv") || encoder.equals("bag"),
        "encoder must be conv or bag, not %s",
        encoder);
    checkArgument(embedding > 0 && channels > 0 && width > 0, "sizes must be positive");
    checkArgument(rank >= 0, "rank must be >= 0 (0 = full rank), got %s", rank);
    hidden = ImmutableList.copyOf(hidden);
  }

  /** The measured default: see {@link ConvEncoder}. */
  public static Architecture standard() {
    return new Architecture("conv", 16, 64, 3, ImmutableList.of(64), 0);
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

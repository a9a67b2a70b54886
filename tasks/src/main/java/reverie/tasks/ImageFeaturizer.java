package reverie.tasks;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import reverie.dsl.type.Type;

/**
 * Shows the recognition model each example of a task as a picture of fixed shape: {@code channels}
 * planes of {@code height x width} intensities in [0, 1], for domains whose tasks are pictures (a
 * LOGO target drawing). The engine reads them with a small convolutional network; the examples'
 * encodings are averaged, as for sequences.
 */
public final class ImageFeaturizer implements Featurizer {

  /** The picture of one example, channel by channel, each row-major; values in [0, 1]. */
  @FunctionalInterface
  public interface Imager {
    float[] pixels(Type request, Example example);
  }

  private final String name;
  private final int channels;
  private final int height;
  private final int width;
  private final Imager imager;

  /** A featurizer called {@code name} (stored with a trained model) of pictures of this shape. */
  public ImageFeaturizer(String name, int channels, int height, int width, Imager imager) {
    checkArgument(!name.isEmpty(), "empty featurizer name");
    checkArgument(
        channels > 0 && height > 0 && width > 0,
        "bad picture shape %sx%sx%s",
        channels,
        height,
        width);
    this.name = name;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.imager = imager;
  }

  @Override
  public String name() {
    return name;
  }

  public int channels() {
    return channels;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** The number of intensities of one picture. */
  public int size() {
    return channels * height * width;
  }

  /** One picture per example of a task of type {@code request}. */
  public float[][] images(Type request, List<Example> examples) {
    float[][] images = new float[examples.size()][];
    for (int e = 0; e < images.length; e++) {
      float[] pixels = imager.pixels(request, examples.get(e));
      checkArgument(
          pixels.length == size(),
          "featurizer %s made %s intensities, expected %s",
          name,
          pixels.length,
          size());
      images[e] = pixels;
    }
    return images;
  }
}

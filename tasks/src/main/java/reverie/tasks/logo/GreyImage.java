package reverie.tasks.logo;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Locale;

/**
 * A square greyscale image, row-major from the top row, one byte per pixel: 0 blank, 255 full ink
 * (DreamCoder's convention): a LOGO task's target, and what a drawing is rendered to for matching.
 *
 * <p>A target may carry a tolerance: the largest mean absolute difference per pixel, in grey
 * levels, at which a drawing still matches it. The default, 0, is DreamCoder's exact equality.
 */
final class GreyImage {
  /** The largest side accepted from a task file (a 512 x 512 target is already 256 KB). */
  static final int MAX_SIZE = 512;

  private final int size;
  private final byte[] pixels;
  private final double tolerance;
  // Computed on first use: the wake renders millions of images and compares each with a few
  // targets, which Arrays.equals does faster than hashing would.
  private int hash;

  private GreyImage(int size, byte[] pixels, double tolerance) {
    this.size = size;
    this.pixels = pixels;
    this.tolerance = tolerance;
  }

  /** An image of {@code size x size} pixels (copied), matched exactly. */
  static GreyImage of(int size, byte[] pixels) {
    return of(size, pixels, 0);
  }

  /** An image of {@code size x size} pixels (copied) with a matching tolerance. */
  static GreyImage of(int size, byte[] pixels, double tolerance) {
    checkArgument(size > 0 && size <= MAX_SIZE, "image size %s is not in 1..%s", size, MAX_SIZE);
    checkArgument(
        pixels.length == size * size,
        "%s pixels for a %sx%s image (expected %s)",
        pixels.length,
        size,
        size,
        size * size);
    checkArgument(tolerance >= 0 && tolerance <= 255, "tolerance %s is not in [0, 255]", tolerance);
    return new GreyImage(size, pixels.clone(), tolerance);
  }

  /** Wraps an array the caller gives up (the renderer's own). */
  static GreyImage wrap(int size, byte[] pixels) {
    return new GreyImage(size, pixels, 0);
  }

  int size() {
    return size;
  }

  double tolerance() {
    return tolerance;
  }

  /** The same pixels with another tolerance. */
  GreyImage withTolerance(double t) {
    return of(size, pixels, t);
  }

  /** Pixel (x, y), x to the right and y down from the top-left corner, in 0..255. */
  int get(int x, int y) {
    return pixels[y * size + x] & 0xff;
  }

  /** A copy of the pixels. */
  byte[] pixels() {
    return pixels.clone();
  }

  /** Whether no pixel has ink. */
  boolean isBlank() {
    for (byte b : pixels) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** The number of pixels with any ink. */
  int inked() {
    int n = 0;
    for (byte b : pixels) {
      n += b != 0 ? 1 : 0;
    }
    return n;
  }

  /**
   * Whether {@code drawn}, an image of the same size, matches this target: equal pixels, or within
   * the target's tolerance.
   */
  boolean matches(GreyImage drawn) {
    if (drawn.size != size) {
      return false;
    }
    if (tolerance == 0) {
      return Arrays.equals(drawn.pixels, pixels);
    }
    long difference = 0;
    for (int i = 0; i < pixels.length; i++) {
      difference += Math.abs((pixels[i] & 0xff) - (drawn.pixels[i] & 0xff));
    }
    return difference <= tolerance * pixels.length;
  }

  /**
   * This image resampled to {@code side x side} by averaging the area each new pixel covers (the
   * recognition model reads targets of any size at one size).
   */
  float[] intensities(int side) {
    float[] out = new float[side * side];
    if (side == size) {
      for (int i = 0; i < out.length; i++) {
        out[i] = (pixels[i] & 0xff) / 255f;
      }
      return out;
    }
    double scale = (double) size / side;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double sum = 0;
        double area = 0;
        for (int sy = (int) (y * scale); sy < Math.min(size, Math.ceil((y + 1) * scale)); sy++) {
          double hy = Math.min(sy + 1, (y + 1) * scale) - Math.max(sy, y * scale);
          for (int sx = (int) (x * scale); sx < Math.min(size, Math.ceil((x + 1) * scale)); sx++) {
            double hx = Math.min(sx + 1, (x + 1) * scale) - Math.max(sx, x * scale);
            sum += hx * hy * (pixels[sy * size + sx] & 0xff);
            area += hx * hy;
          }
        }
        out[y * side + x] = (float) (sum / area / 255);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GreyImage g
        && g.size == size
        && g.tolerance == tolerance
        && Arrays.equals(g.pixels, pixels);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * (31 * size + Arrays.hashCode(pixels)) + Double.hashCode(tolerance);
      hash = h;
    }
    return h;
  }

  /** {@code image 28x28, 97 pixels inked}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "image %dx%d, %d pixels inked%s",
        size,
        size,
        inked(),
        tolerance > 0 ? String.format(Locale.ROOT, ", tolerance %.3g", tolerance) : "");
  }
}

package reverie.tasks.logo;

import java.util.Arrays;
import java.util.Locale;

/**
 * The segments a turtle drew with its pen down, in turtle units (y up), in drawing order; and where
 * they land on DreamCoder's 9 x 9 canvas once the drawing is centred on its bounding box.
 *
 * <p>Zero-length segments (a turn with the pen down) draw nothing but count for the bounding box,
 * as in DreamCoder's interpreter. A drawing is on the canvas when, after centring, every endpoint
 * lies in [0, 9] x [0, 9]: its bounding box is at most 9 units wide and tall.
 */
final class Drawing {
  /** The side of the canvas, in turtle units. */
  static final double CANVAS = 9;

  /** The turtle starts at the canvas centre (irrelevant after centring, kept for fidelity). */
  static final double START_X = 4.5;

  static final double START_Y = 4.5;

  /** Centred coordinates are rounded to this grid (1/4096 unit), see {@link #centred}. */
  private static final double GRID = 4096;

  static final Drawing EMPTY = new Drawing(new double[0], 0);

  private final double[] coordinates; // x0, y0, x1, y1 per segment
  private final int segments;
  private final double minX;
  private final double maxX;
  private final double minY;
  private final double maxY;

  private Drawing(double[] coordinates, int segments) {
    this.coordinates = coordinates;
    this.segments = segments;
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 4 * segments; i += 2) {
      x0 = Math.min(x0, coordinates[i]);
      x1 = Math.max(x1, coordinates[i]);
      y0 = Math.min(y0, coordinates[i + 1]);
      y1 = Math.max(y1, coordinates[i + 1]);
    }
    this.minX = x0;
    this.maxX = x1;
    this.minY = y0;
    this.maxY = y1;
  }

  /** The number of segments, zero-length ones included. */
  int segments() {
    return segments;
  }

  boolean isEmpty() {
    return segments == 0;
  }

  /** The width of the bounding box, in units (0 when empty). */
  double width() {
    return isEmpty() ? 0 : maxX - minX;
  }

  /** The height of the bounding box, in units (0 when empty). */
  double height() {
    return isEmpty() ? 0 : maxY - minY;
  }

  /** The summed length of the segments: DreamCoder's drawing cost. */
  double inkLength() {
    double sum = 0;
    for (int i = 0; i < 4 * segments; i += 4) {
      sum +=
          Math.hypot(coordinates[i + 2] - coordinates[i], coordinates[i + 3] - coordinates[i + 1]);
    }
    return sum;
  }

  /**
   * Whether every endpoint lies on the canvas once the drawing is centred (DreamCoder rejects a
   * program whose drawing does not); an empty drawing is on the canvas.
   */
  boolean onCanvas() {
    if (isEmpty()) {
      return true;
    }
    double dx = shiftX();
    double dy = shiftY();
    return minX + dx >= 0 && maxX + dx <= CANVAS && minY + dy >= 0 && maxY + dy <= CANVAS;
  }

  private double shiftX() {
    return CANVAS / 2 - (minX + maxX) / 2;
  }

  private double shiftY() {
    return CANVAS / 2 - (minY + maxY) / 2;
  }

  /**
   * The segments centred on the canvas (x0, y0, x1, y1 each), rounded to a grid of 1/4096 unit.
   * Different programs that draw the same figure compute its coordinates with different rounding
   * errors (a turn of 2/6 against one of 1/3); the grid absorbs them, so that the rendered pixels
   * are equal and an exact match of images means the same figure.
   */
  double[] centred() {
    double dx = shiftX();
    double dy = shiftY();
    double[] c = new double[4 * segments];
    for (int i = 0; i < c.length; i += 2) {
      c[i] = Math.rint((coordinates[i] + dx) * GRID) / GRID;
      c[i + 1] = Math.rint((coordinates[i + 1] + dy) * GRID) / GRID;
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Drawing d
        && d.segments == segments
        && Arrays.equals(coordinates, 0, 4 * segments, d.coordinates, 0, 4 * segments);
  }

  @Override
  public int hashCode() {
    int h = segments;
    for (int i = 0; i < 4 * segments; i++) {
      h = 31 * h + Double.hashCode(coordinates[i]);
    }
    return h;
  }

  /** {@code 4 segments, 1.00 x 1.00 units}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d segment%s, %.2f x %.2f units",
        segments,
        segments == 1 ? "" : "s",
        width(),
        height());
  }

  /** Collects segments in drawing order. */
  static final class Builder {
    private double[] coordinates = new double[32];
    private int segments;

    void add(double x0, double y0, double x1, double y1) {
      if (4 * segments + 4 > coordinates.length) {
        coordinates = Arrays.copyOf(coordinates, 2 * coordinates.length);
      }
      int i = 4 * segments++;
      coordinates[i] = x0;
      coordinates[i + 1] = y0;
      coordinates[i + 2] = x1;
      coordinates[i + 3] = y1;
    }

    Drawing build() {
      return segments == 0 ? EMPTY : new Drawing(coordinates, segments);
    }
  }
}

package reverie.tasks.logo;

import java.awt.image.BufferedImage;

/**
 * Renders drawings: the centred drawing on the 9 x 9 canvas, each segment a butt-capped stroke
 * 0.225 units wide (DreamCoder's Cairo rendering), anti-aliased by coverage of a 4 x 4 grid of
 * samples per pixel.
 *
 * <p>A sample is inked when it lies in the stroke of any segment, so the image is the union of the
 * strokes: it does not depend on the order or direction of the segments, or on segments drawn twice
 * (Cairo strokes the whole path at once, with the same effect). Each segment is scanned row by row
 * of samples with its endpoints in a canonical order, in plain double arithmetic, on coordinates
 * already rounded to a grid ({@link Drawing#centred}); so rendering is a deterministic function of
 * the drawing: the same bytes on every thread, run and machine. The work is proportional to the
 * segments' area in samples plus the image size; the number of segments is bounded by the
 * evaluation budget that made the drawing.
 */
final class Rasteriser {
  /** Samples per pixel along each axis; a pixel's grey level is its inked samples out of 16. */
  static final int SAMPLES = 4;

  /** The stroke width, in turtle units (DreamCoder's {@code VGWrapper}). */
  static final double STROKE = 0.225;

  private Rasteriser() {}

  /** Where a segment's samples go: one call per row of samples, for columns from..to inclusive. */
  private interface Spans {
    void fill(int row, int from, int to, int segment);
  }

  /** The greyscale coverage image of {@code d} at {@code size x size} pixels. */
  static GreyImage grey(Drawing d, int size) {
    int g = size * SAMPLES;
    int words = (g + 63) >>> 6;
    long[] bits = new long[g * words];
    int[] rows = {Integer.MAX_VALUE, -1};
    scan(
        d,
        g,
        (row, from, to, segment) -> {
          rows[0] = Math.min(rows[0], row);
          rows[1] = Math.max(rows[1], row);
          int base = row * words;
          int first = from >>> 6;
          int last = to >>> 6;
          for (int w = first; w <= last; w++) {
            int lo = w == first ? from & 63 : 0;
            int hi = w == last ? to & 63 : 63;
            long mask = (-1L >>> (63 - hi)) & (-1L << lo);
            bits[base + w] |= mask;
          }
        });
    byte[] pixels = new byte[size * size];
    if (rows[1] >= 0) {
      // SAMPLES divides 64, so a pixel's samples in one row never straddle two words; a word
      // holds the samples of 64 / SAMPLES pixels, skipped together when all four rows are blank.
      int n = SAMPLES * SAMPLES;
      int perWord = 64 / SAMPLES;
      long mask = (1L << SAMPLES) - 1;
      for (int py = rows[0] / SAMPLES; py <= rows[1] / SAMPLES; py++) {
        int row = py * SAMPLES * words;
        for (int word = 0; word < words; word++) {
          long any = 0;
          for (int s = 0; s < SAMPLES; s++) {
            any |= bits[row + s * words + word];
          }
          if (any == 0) {
            continue;
          }
          int last = Math.min(size, (word + 1) * perWord);
          for (int px = word * perWord; px < last; px++) {
            int shift = (px * SAMPLES) & 63;
            if (((any >>> shift) & mask) == 0) {
              continue;
            }
            int count = 0;
            for (int s = 0; s < SAMPLES; s++) {
              count += Long.bitCount((bits[row + s * words + word] >>> shift) & mask);
            }
            pixels[py * size + px] = (byte) ((count * 255 + n / 2) / n);
          }
        }
      }
    }
    return GreyImage.wrap(size, pixels);
  }

  /**
   * A picture of {@code d} at {@code size x size} pixels on white, each stroke coloured by its
   * place in the drawing from blue (first) to pink (last), as DreamCoder's figures show drawings;
   * where strokes overlap, the later one shows.
   */
  static BufferedImage colour(Drawing d, int size) {
    int g = size * SAMPLES;
    int[] owner = new int[g * g];
    scan(
        d,
        g,
        (row, from, to, segment) -> {
          int base = row * g;
          for (int i = from; i <= to; i++) {
            owner[base + i] = segment + 1;
          }
        });
    int n = Math.max(1, d.segments() - 1);
    int[] palette = new int[d.segments() + 1];
    palette[0] = 0xffffff;
    for (int s = 0; s < d.segments(); s++) {
      palette[s + 1] = gradient((double) s / n);
    }
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    int samples = SAMPLES * SAMPLES;
    for (int py = 0; py < size; py++) {
      for (int px = 0; px < size; px++) {
        int r = 0;
        int gr = 0;
        int b = 0;
        for (int sy = 0; sy < SAMPLES; sy++) {
          int base = (py * SAMPLES + sy) * g + px * SAMPLES;
          for (int sx = 0; sx < SAMPLES; sx++) {
            int c = palette[owner[base + sx]];
            r += c >>> 16;
            gr += (c >>> 8) & 0xff;
            b += c & 0xff;
          }
        }
        int rgb =
            ((r + samples / 2) / samples) << 16
                | ((gr + samples / 2) / samples) << 8
                | ((b + samples / 2) / samples);
        image.setRGB(px, py, rgb);
      }
    }
    return image;
  }

  /** Blue at 0 to pink at 1. */
  private static int gradient(double t) {
    int r = (int) Math.round(40 + t * (235 - 40));
    int g = (int) Math.round(90 + t * (70 - 90));
    int b = (int) Math.round(225 + t * (160 - 225));
    return r << 16 | g << 8 | b;
  }

  /** A greyscale image scaled to {@code size x size} pixels (nearest pixel), ink dark on white. */
  static BufferedImage picture(GreyImage image, int size) {
    BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    int n = image.size();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int v = 255 - image.get(x * n / size, y * n / size);
        out.setRGB(x, y, v << 16 | v << 8 | v);
      }
    }
    return out;
  }

  /**
   * Calls {@code spans} with the samples each segment's stroke covers on a {@code g x g} grid of
   * samples (sample (i, r) is the point (i + 0.5, r + 0.5), rows from the top).
   */
  private static void scan(Drawing d, int g, Spans spans) {
    double[] c = d.centred();
    double scale = g / Drawing.CANVAS;
    double half = STROKE / 2 * scale;
    for (int s = 0; s < d.segments(); s++) {
      double x0 = c[4 * s] * scale;
      double y0 = (Drawing.CANVAS - c[4 * s + 1]) * scale;
      double x1 = c[4 * s + 2] * scale;
      double y1 = (Drawing.CANVAS - c[4 * s + 3]) * scale;
      if (x0 > x1 || (x0 == x1 && y0 > y1)) {
        // A canonical direction, so that a segment and its reverse cover the same samples.
        double t = x0;
        x0 = x1;
        x1 = t;
        t = y0;
        y0 = y1;
        y1 = t;
      }
      double dx = x1 - x0;
      double dy = y1 - y0;
      double length = Math.sqrt(dx * dx + dy * dy);
      if (length == 0) {
        continue; // butt caps: a zero-length segment has no area
      }
      double ux = dx / length; // >= 0 after the canonical ordering
      double uy = dy / length;
      double reach = ux * half; // the stroke's vertical half-extent beyond the centre line
      int top = Math.max(0, (int) Math.ceil(Math.min(y0, y1) - reach - 0.5));
      int bottom = Math.min(g - 1, (int) Math.floor(Math.max(y0, y1) + reach - 0.5));
      for (int row = top; row <= bottom; row++) {
        double cy = row + 0.5 - y0;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        // Along the segment: 0 <= (X - x0) ux + cy uy <= length.
        double along = cy * uy;
        if (ux == 0) {
          if (along < 0 || along > length) {
            continue;
          }
        } else {
          lo = x0 + (0 - along) / ux;
          hi = x0 + (length - along) / ux;
        }
        // Across it: -half <= cy ux - (X - x0) uy <= half.
        double across = cy * ux;
        if (uy == 0) {
          if (across < -half || across > half) {
            continue;
          }
        } else {
          double a = x0 + (across - half) / uy;
          double b = x0 + (across + half) / uy;
          lo = Math.max(lo, Math.min(a, b));
          hi = Math.min(hi, Math.max(a, b));
        }
        int from = (int) Math.max(0, Math.ceil(lo - 0.5));
        int to = (int) Math.min(g - 1, Math.floor(hi - 0.5));
        if (from <= to) {
          spans.fill(row, from, to, s);
        }
      }
    }
  }
}

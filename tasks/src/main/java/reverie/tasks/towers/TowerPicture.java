package reverie.tasks.towers;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Pictures of towers: each block a filled rectangle with a darker outline, standing on a ground
 * line, on white. A program's tower is coloured by placing order from blue (first block) to pink
 * (last), as LOGO drawings are by stroke; a task's world, which has no order, is grey.
 *
 * <p>Blocks rest where dropping the plan leaves them ({@link World#heights}); the picture is
 * square, centred on the blocks' horizontal extent with the ground near the bottom, and shows a
 * view of at least {@value #MIN_VIEW} half units (four 3x1 blocks side by side), so that a small
 * tower is not blown up, plus a margin of a sixteenth of the view on every side. Everything is
 * integer pixel filling from rounded coordinates, so a picture is a deterministic function of the
 * blocks and the size: the same bytes on every call, thread and machine.
 */
final class TowerPicture {
  /** The smallest side of the view, in half units. */
  static final int MIN_VIEW = 24;

  static final int BACKGROUND = 0xffffff;
  static final int GROUND = 0x606060;
  static final int TARGET = 0xa8a8a8;

  private TowerPicture() {}

  /** The tower's blocks at rest, coloured by placing order from blue to pink. */
  static BufferedImage ofTower(Tower tower, int size) {
    int[] plan = tower.plan();
    int n = plan.length / 3;
    int[] fills = new int[n];
    for (int i = 0; i < n; i++) {
      fills[i] = gradient(n == 1 ? 0 : (double) i / (n - 1));
    }
    return draw(plan, fills, size);
  }

  /** A world's blocks, all grey. */
  static BufferedImage ofWorld(World world, int size) {
    int[] plan = world.plan();
    int[] fills = new int[plan.length / 3];
    Arrays.fill(fills, TARGET);
    return draw(plan, fills, size);
  }

  /** Blue at 0 to pink at 1 (LOGO's stroke colours). */
  static int gradient(double t) {
    int r = (int) Math.round(40 + t * (235 - 40));
    int g = (int) Math.round(90 + t * (70 - 90));
    int b = (int) Math.round(225 + t * (160 - 225));
    return r << 16 | g << 8 | b;
  }

  /** The outline of a block filled with {@code rgb}: each channel at 60%. */
  static int outline(int rgb) {
    int r = (rgb >>> 16) * 3 / 5;
    int g = ((rgb >>> 8) & 0xff) * 3 / 5;
    int b = (rgb & 0xff) * 3 / 5;
    return r << 16 | g << 8 | b;
  }

  /**
   * The blocks of {@code plan} (three ints {@code x, w, h} per block, in half units) dropped in
   * order, block {@code i} filled with {@code fills[i]}, in a {@code size x size} picture.
   */
  private static BufferedImage draw(int[] plan, int[] fills, int size) {
    int n = plan.length / 3;
    int[] y = World.heights(plan);
    long left = 0;
    long right = 0;
    long top = 0;
    for (int i = 0; i < n; i++) {
      long x0 = (long) plan[3 * i] - plan[3 * i + 1] / 2;
      long x1 = (long) plan[3 * i] + plan[3 * i + 1] / 2;
      left = i == 0 ? x0 : Math.min(left, x0);
      right = i == 0 ? x1 : Math.max(right, x1);
      top = Math.max(top, (long) y[i] + plan[3 * i + 2] / 2);
    }
    long side = Math.max(MIN_VIEW, Math.max(right - left, top));
    long margin = Math.max(1, side / 16);
    double scale = (double) size / (side + 2 * margin); // pixels per half unit
    // Twice the view's left edge, so that a tower of odd width stays centred in whole half units.
    long left2 = left + right - side - 2 * margin;
    int ground = size - (int) Math.round(margin * scale);
    int line = Math.max(1, size / 128);
    int[] pixels = new int[size * size];
    Arrays.fill(pixels, BACKGROUND);
    fill(pixels, size, 0, size, ground, ground + line, GROUND);
    for (int i = 0; i < n; i++) {
      int x0 = column(2L * plan[3 * i] - plan[3 * i + 1], left2, scale);
      int x1 = Math.max(x0 + 1, column(2L * plan[3 * i] + plan[3 * i + 1], left2, scale));
      int y0 = ground - (int) Math.round((y[i] + plan[3 * i + 2] / 2) * scale);
      int y1 = Math.max(y0 + 1, ground - (int) Math.round((y[i] - plan[3 * i + 2] / 2) * scale));
      fill(pixels, size, x0, x1, y0, y1, outline(fills[i]));
      fill(pixels, size, x0 + line, x1 - line, y0 + line, y1 - line, fills[i]);
    }
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, size, size, pixels, 0, size);
    return image;
  }

  /** The pixel column of {@code x2 / 2} half units, the view's left edge at {@code left2 / 2}. */
  private static int column(long x2, long left2, double scale) {
    return (int) Math.round((x2 - left2) * scale / 2);
  }

  /** Fills columns {@code [x0, x1)} of rows {@code [y0, y1)}, clipped to the picture. */
  private static void fill(int[] pixels, int size, int x0, int x1, int y0, int y1, int rgb) {
    int from = Math.max(0, x0);
    int to = Math.min(size, x1);
    for (int row = Math.max(0, y0); row < Math.min(size, y1); row++) {
      if (from < to) {
        Arrays.fill(pixels, row * size + from, row * size + to, rgb);
      }
    }
  }
}

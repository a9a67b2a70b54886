package reverie.tasks.towers;

import java.util.Arrays;
import reverie.dsl.eval.EvaluationException;

/**
 * A plan as DreamCoder's tower scorer sees it: centred, dropped without physics and sorted, blocks
 * {@code (x, y, w, h)} with {@code (x, y)} the block's centre. Two programs solve the same tower
 * task exactly when their worlds are equal; this is the target of every tower task.
 *
 * <p>Centring ({@code centerTower}, {@code tower_common.py}; {@code center_tower}, {@code
 * tower.ml}) subtracts {@code c = floor((max x - min x) / 2) + min x}, computed from block centres.
 * Dropping ({@code simulateWithoutPhysics}) places the blocks in plan order, each at the lowest
 * height where it rests on the floor or on a block placed before it that it overlaps horizontally:
 * {@code y = max(h/2, max(y' + h'/2 + h/2))}, where touching edges do not overlap. Sizes are in
 * DreamCoder's half units (a {@code 3x1} block is 6 wide and 2 high) and always even, so all of
 * this is exact in integers.
 *
 * <p>A world whose centres span more than {@value Tower#MAX_SPAN} units or that is more than
 * {@value #MAX_HEIGHT} high is no task's target (DreamCoder's filter on dreamed towers, {@code
 * Dreaming.ml}): {@link #of} fails for it. Immutable.
 */
final class World {
  /** The tallest world a task may have, in half units. */
  static final int MAX_HEIGHT = 250;

  static final World EMPTY = new World(new int[0]);

  static final EvaluationException TOO_TALL =
      new EvaluationException("a tower more than " + MAX_HEIGHT + " units high");

  /** Per block, {@code x, y, w, h}, sorted lexicographically; never modified. */
  private final int[] blocks;

  private World(int[] blocks) {
    this.blocks = blocks;
  }

  /**
   * The world of {@code plan} (three ints {@code x, w, h} per block, in placing order, sizes
   * positive and even); an {@link EvaluationException} when it is too wide or too tall.
   */
  static World of(int[] plan) {
    int n = plan.length / 3;
    if (n == 0) {
      return EMPTY;
    }
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, plan[3 * i]);
      max = Math.max(max, plan[3 * i]);
    }
    if ((long) max - min > Tower.MAX_SPAN) {
      throw Tower.TOO_WIDE;
    }
    int c = (max - min) / 2 + min;
    int[] heights = heights(plan);
    int[] b = new int[4 * n];
    int top = 0;
    for (int i = 0; i < n; i++) {
      b[4 * i] = plan[3 * i] - c;
      b[4 * i + 1] = heights[i];
      b[4 * i + 2] = plan[3 * i + 1];
      b[4 * i + 3] = plan[3 * i + 2];
      top = Math.max(top, heights[i] + plan[3 * i + 2] / 2);
    }
    // Every block rests on the floor or on another, so the lowest edge is 0 and the height is top.
    if (top > MAX_HEIGHT) {
      throw TOO_TALL;
    }
    sort(b);
    return new World(b);
  }

  /**
   * The height at which each block of {@code plan} comes to rest (its centre's y), dropping the
   * blocks in order; {@code O(n^2)} for {@code n} blocks, at most 100.
   */
  static int[] heights(int[] plan) {
    int n = plan.length / 3;
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int x = plan[3 * i];
      int w = plan[3 * i + 1];
      int h = plan[3 * i + 2];
      int rest = h / 2;
      for (int j = 0; j < i; j++) {
        int x2 = plan[3 * j];
        int w2 = plan[3 * j + 1];
        // Strict overlap: blocks that only touch at an edge do not hold each other up.
        if (x2 - w2 / 2 < x + w / 2 && x - w / 2 < x2 + w2 / 2) {
          rest = Math.max(rest, y[j] + plan[3 * j + 2] / 2 + h / 2);
        }
      }
      y[i] = rest;
    }
    return y;
  }

  /** The number of blocks. */
  int size() {
    return blocks.length / 4;
  }

  /** Block {@code i}'s {@code x, y, w, h}. */
  int[] block(int i) {
    return Arrays.copyOfRange(blocks, 4 * i, 4 * i + 4);
  }

  /**
   * A plan whose world this is: the blocks from the bottom up (by lower edge, then x), at their
   * centred x. Blocks that overlap horizontally are stacked, so the lower one is placed first and
   * dropping them again gives back this world.
   */
  int[] plan() {
    int n = size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int bottomA = blocks[4 * a + 1] - blocks[4 * a + 3] / 2;
          int bottomB = blocks[4 * b + 1] - blocks[4 * b + 3] / 2;
          return bottomA != bottomB
              ? Integer.compare(bottomA, bottomB)
              : Integer.compare(blocks[4 * a], blocks[4 * b]);
        });
    int[] plan = new int[3 * n];
    for (int i = 0; i < n; i++) {
      plan[3 * i] = blocks[4 * order[i]];
      plan[3 * i + 1] = blocks[4 * order[i] + 2];
      plan[3 * i + 2] = blocks[4 * order[i] + 3];
    }
    return plan;
  }

  /** Insertion sort of the 4-int blocks, lexicographically; worlds have at most 100 blocks. */
  private static void sort(int[] b) {
    int[] key = new int[4];
    for (int i = 4; i < b.length; i += 4) {
      System.arraycopy(b, i, key, 0, 4);
      int j = i - 4;
      while (j >= 0 && compare(b, j, key) > 0) {
        System.arraycopy(b, j, b, j + 4, 4);
        j -= 4;
      }
      System.arraycopy(key, 0, b, j + 4, 4);
    }
  }

  private static int compare(int[] b, int at, int[] key) {
    for (int k = 0; k < 4; k++) {
      int c = Integer.compare(b[at + k], key[k]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof World w && Arrays.equals(blocks, w.blocks);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(blocks);
  }

  @Override
  public String toString() {
    return "World" + Arrays.toString(blocks);
  }
}

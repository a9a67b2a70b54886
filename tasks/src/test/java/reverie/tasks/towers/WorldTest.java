package reverie.tasks.towers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import reverie.dsl.eval.EvaluationException;

/** Centring and dropping, by example and as properties over random plans. */
class WorldTest {

  private static int[] blocks(World w) {
    int[] b = new int[4 * w.size()];
    for (int i = 0; i < w.size(); i++) {
      System.arraycopy(w.block(i), 0, b, 4 * i, 4);
    }
    return b;
  }

  @Test
  void anArchIsCentredAndDroppedAsDreamCodersWorld() {
    // "arch leg 1" of tower_tasks.json: plan and world as DreamCoder computed them.
    World w = World.of(new int[] {0, 2, 6, 4, 2, 6, 2, 6, 2});
    assertArrayEquals(new int[] {-2, 3, 2, 6, 0, 7, 6, 2, 2, 3, 2, 6}, blocks(w));
  }

  @Test
  void blocksThatOnlyTouchDoNotHoldEachOtherUp() {
    assertArrayEquals(
        new int[] {-3, 1, 6, 2, 3, 1, 6, 2}, blocks(World.of(new int[] {0, 6, 2, 6, 6, 2})));
    assertArrayEquals(
        new int[] {-2, 1, 6, 2, 3, 3, 6, 2}, blocks(World.of(new int[] {0, 6, 2, 5, 6, 2})));
  }

  @Test
  void aBlockRestsOnTheHighestBlockItOverlaps() {
    // A 1x3 post at 0, a 3x1 beside it on the floor at 4, then a 3x1 across both, at 2.
    World w = World.of(new int[] {0, 2, 6, 5, 6, 2, 2, 6, 2});
    assertArrayEquals(new int[] {-2, 3, 2, 6, 0, 7, 6, 2, 3, 1, 6, 2}, blocks(w));
  }

  @Test
  void centringRoundsTheCentreDown() {
    // Centres at 0 and 3: c = floor(3 / 2) + 0 = 1.
    assertArrayEquals(
        new int[] {-1, 3, 2, 6, 2, 3, 2, 6}, blocks(World.of(new int[] {0, 2, 6, 3, 2, 6})));
  }

  @Test
  void towersTooTallOrTooWideAreNoTargets() {
    int[] stack = new int[3 * 42];
    for (int i = 0; i < 42; i++) {
      stack[3 * i + 1] = 2;
      stack[3 * i + 2] = 6;
    }
    assertSame(World.TOO_TALL, assertThrows(EvaluationException.class, () -> World.of(stack)));
    assertEquals(41, World.of(java.util.Arrays.copyOf(stack, 3 * 41)).size());
    assertSame(
        Tower.TOO_WIDE,
        assertThrows(EvaluationException.class, () -> World.of(new int[] {0, 2, 6, 361, 2, 6})));
    assertEquals(2, World.of(new int[] {0, 2, 6, 360, 2, 6}).size());
  }

  @Provide
  Arbitrary<int[]> plans() {
    Arbitrary<int[]> block =
        Combinators.combine(
                Arbitraries.integers().between(-30, 30),
                Arbitraries.of(
                    new int[] {6, 2}, new int[] {2, 6}, new int[] {4, 4}, new int[] {8, 2}))
            .as((x, size) -> new int[] {x, size[0], size[1]});
    return block
        .list()
        .ofMinSize(1)
        .ofMaxSize(30)
        .map(
            list -> {
              int[] plan = new int[3 * list.size()];
              for (int i = 0; i < list.size(); i++) {
                System.arraycopy(list.get(i), 0, plan, 3 * i, 3);
              }
              return plan;
            });
  }

  @Property(tries = 300, seed = "20240601")
  void centringMakesTheWorldTranslationInvariant(
      @ForAll("plans") int[] plan, @ForAll @IntRange(min = -200, max = 200) int shift) {
    int[] moved = plan.clone();
    for (int i = 0; i < moved.length; i += 3) {
      moved[i] += shift;
    }
    assertEquals(World.of(plan), World.of(moved));
  }

  @Property(tries = 300, seed = "20240602")
  void theWorldIsCentredAndEveryBlockRestsWithoutOverlapping(@ForAll("plans") int[] plan) {
    World w = World.of(plan);
    assertEquals(plan.length / 3, w.size());
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < w.size(); i++) {
      int[] a = w.block(i);
      min = Math.min(min, a[0]);
      max = Math.max(max, a[0]);
      boolean supported = a[1] == a[3] / 2;
      for (int j = 0; j < w.size(); j++) {
        int[] b = w.block(j);
        boolean overlapX = b[0] - b[2] / 2 < a[0] + a[2] / 2 && a[0] - a[2] / 2 < b[0] + b[2] / 2;
        boolean overlapY = b[1] - b[3] / 2 < a[1] + a[3] / 2 && a[1] - a[3] / 2 < b[1] + b[3] / 2;
        assertTrue(i == j || !(overlapX && overlapY), "blocks " + i + " and " + j + " intersect");
        supported |= overlapX && b[1] + b[3] / 2 == a[1] - a[3] / 2;
      }
      assertTrue(supported, "block " + i + " floats");
    }
    assertTrue(min + max == 0 || min + max == 1, min + " .. " + max);
  }

  @Property(tries = 300, seed = "20240603")
  void aWorldsOwnPlanDropsBackToIt(@ForAll("plans") int[] plan) {
    World w = World.of(plan);
    assertEquals(w, World.of(w.plan()));
  }

  /**
   * Dropping is order-consistent: placing the blocks in any other order that keeps every pair of
   * horizontally overlapping blocks in their order gives the same world.
   */
  @Property(tries = 300, seed = "20240604")
  void reorderingBlocksThatDoNotOverlapChangesNothing(
      @ForAll("plans") int[] plan, @ForAll long seed) {
    int n = plan.length / 3;
    List<int[]> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(new int[] {plan[3 * i], plan[3 * i + 1], plan[3 * i + 2]});
    }
    Random random = new Random(seed);
    for (int swap = 0; swap < 4 * n; swap++) {
      int i = random.nextInt(Math.max(1, n - 1));
      if (i + 1 < n && !overlap(order.get(i), order.get(i + 1))) {
        Collections.swap(order, i, i + 1);
      }
    }
    int[] reordered = new int[plan.length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(order.get(i), 0, reordered, 3 * i, 3);
    }
    assertEquals(World.of(plan), World.of(reordered));
  }

  private static boolean overlap(int[] a, int[] b) {
    return b[0] - b[1] / 2 < a[0] + a[1] / 2 && a[0] - a[1] / 2 < b[0] + b[1] / 2;
  }
}

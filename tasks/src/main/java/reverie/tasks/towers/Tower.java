package reverie.tasks.towers;

import java.util.Arrays;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.EvaluationException;

/**
 * The run-time value of type {@code tower}: DreamCoder's tower continuation, "the rest of the
 * building", which from a hand state (position, orientation) emits a plan of blocks. It is kept as
 * the blocks it emits relative to the hand, so that every primitive is a cheap eager operation and
 * the plan is at hand without running anything later.
 *
 * <p>From a hand at position {@code x0} with orientation {@code o0} (plus or minus one), block
 * {@code i} lands at {@code x0 + o0 * p[i] + q[i]}: {@code p} is the part of its offset that the
 * hand's orientation mirrors ({@code moveHand}), {@code q} the part that it does not ({@code left},
 * {@code right} of the old primitive set). So {@code moveHand d k} adds {@code d} to every {@code
 * p}, {@code reverseHand k} negates every {@code p}, {@code right d k} adds {@code d} to every
 * {@code q}, a block primitive puts a block at offset 0 before the blocks of {@code k}, and {@code
 * tower_embed body k} is the blocks of {@code body} applied to the empty tower followed by those of
 * {@code k}. A program's plan is its tower from DreamCoder's start state, position 0 and
 * orientation +1: block {@code i} at {@code p[i] + q[i]}.
 *
 * <p>Every tower a program builds has at most {@value #MAX_BLOCKS} blocks and its block centres
 * (from the start state) span at most {@value #MAX_SPAN} units, DreamCoder's limits on dreamed
 * towers; an operation that would break either fails with an {@link EvaluationException}, and each
 * charges the blocks it copies as list cells, so a runaway program fails within its budget.
 * Immutable; equal when the relative blocks are equal.
 */
final class Tower {
  /** The most blocks a tower may have. */
  static final int MAX_BLOCKS = 100;

  /** The widest span of block centres (from the start state) a tower may have. */
  static final int MAX_SPAN = 360;

  /** The furthest a block may be from the hand, far beyond any tower that fits the span. */
  static final int MAX_OFFSET = 1 << 24;

  static final Tower EMPTY = new Tower(new int[0]);

  static final EvaluationException TOO_MANY_BLOCKS =
      new EvaluationException("a tower of more than " + MAX_BLOCKS + " blocks");
  static final EvaluationException TOO_WIDE =
      new EvaluationException("a tower whose blocks span more than " + MAX_SPAN + " units");
  static final EvaluationException TOO_FAR =
      new EvaluationException("the hand moved more than " + MAX_OFFSET + " units");
  static final EvaluationException NOT_A_TOWER =
      new EvaluationException("a world (blocks with heights) cannot be built on; give a plan");

  private static final int FIELDS = 4;
  private static final int P = 0;
  private static final int Q = 1;
  private static final int W = 2;
  private static final int H = 3;

  /** Per block, {@code p, q, w, h}; never modified after construction. */
  private final int[] blocks;

  // The world, computed on first use; a benign race (the result is immutable and always the same).
  private World world;

  private Tower(int[] blocks) {
    this.blocks = blocks;
  }

  /**
   * A tower that emits the plan {@code (x, w, h)} relative to the hand, the offsets mirrored by its
   * orientation; {@code plan} holds three ints per block. The caller has validated it.
   */
  static Tower ofPlan(int[] plan) {
    int n = plan.length / 3;
    int[] b = new int[n * FIELDS];
    for (int i = 0; i < n; i++) {
      b[i * FIELDS + P] = plan[3 * i];
      b[i * FIELDS + W] = plan[3 * i + 1];
      b[i * FIELDS + H] = plan[3 * i + 2];
    }
    return new Tower(b);
  }

  /** {@code value} as a tower: a program's inputs and results of type {@code tower} are towers. */
  static Tower of(Object value) {
    if (value instanceof Tower t) {
      return t;
    }
    if (value instanceof World) {
      throw NOT_A_TOWER;
    }
    throw new IllegalStateException("not a tower: " + value);
  }

  /** The number of blocks. */
  int size() {
    return blocks.length / FIELDS;
  }

  /**
   * The plan from DreamCoder's start state (position 0, orientation +1): three ints {@code x, w, h}
   * per block, in the order the blocks are placed.
   */
  int[] plan() {
    int n = size();
    int[] plan = new int[3 * n];
    for (int i = 0; i < n; i++) {
      plan[3 * i] = blocks[i * FIELDS + P] + blocks[i * FIELDS + Q];
      plan[3 * i + 1] = blocks[i * FIELDS + W];
      plan[3 * i + 2] = blocks[i * FIELDS + H];
    }
    return plan;
  }

  /**
   * The centred, dropped and sorted blocks of the plan; an {@link EvaluationException} when the
   * tower is too tall to be a task's target ({@link World#of}).
   */
  World world() {
    World w = world;
    if (w == null) {
      w = World.of(plan());
      world = w;
    }
    return w;
  }

  /** A block of {@code w} by {@code h} at the hand, then this tower: a block primitive. */
  Tower afterBlock(int w, int h, Budget budget) {
    int n = size();
    if (n >= MAX_BLOCKS) {
      throw TOO_MANY_BLOCKS;
    }
    budget.allocate(n + 1);
    int[] b = new int[blocks.length + FIELDS];
    b[W] = w;
    b[H] = h;
    System.arraycopy(blocks, 0, b, FIELDS, blocks.length);
    return checked(b);
  }

  /** This tower after the hand moves {@code d} along its orientation: {@code moveHand d}. */
  Tower afterMove(long d, Budget budget) {
    return shifted(P, d, budget);
  }

  /** This tower after the hand moves {@code d} to the right, whatever its orientation. */
  Tower afterShift(long d, Budget budget) {
    return shifted(Q, d, budget);
  }

  /** This tower after the hand turns round: {@code reverseHand}. */
  Tower afterReverse(Budget budget) {
    if (blocks.length == 0) {
      return this;
    }
    budget.allocate(size());
    int[] b = blocks.clone();
    for (int i = P; i < b.length; i += FIELDS) {
      b[i] = -b[i];
    }
    return checked(b);
  }

  /** The blocks of this tower, then those of {@code later}, from the same hand: an embedding. */
  Tower then(Tower later, Budget budget) {
    if (later.blocks.length == 0) {
      return this;
    }
    if (blocks.length == 0) {
      return later;
    }
    int n = size() + later.size();
    if (n > MAX_BLOCKS) {
      throw TOO_MANY_BLOCKS;
    }
    budget.allocate(n);
    int[] b = Arrays.copyOf(blocks, blocks.length + later.blocks.length);
    System.arraycopy(later.blocks, 0, b, blocks.length, later.blocks.length);
    return checked(b);
  }

  private Tower shifted(int field, long d, Budget budget) {
    if (blocks.length == 0 || d == 0) {
      return this;
    }
    if (d > MAX_OFFSET || d < -MAX_OFFSET) {
      throw TOO_FAR;
    }
    budget.allocate(size());
    int[] b = blocks.clone();
    for (int i = field; i < b.length; i += FIELDS) {
      long moved = b[i] + d;
      if (moved > MAX_OFFSET || moved < -MAX_OFFSET) {
        throw TOO_FAR;
      }
      b[i] = (int) moved;
    }
    return checked(b);
  }

  /** A tower of {@code b} after checking the span of its centres from the start state. */
  private static Tower checked(int[] b) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < b.length; i += FIELDS) {
      int x = b[i + P] + b[i + Q];
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    if ((long) max - min > MAX_SPAN) {
      throw TOO_WIDE;
    }
    return new Tower(b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tower t && Arrays.equals(blocks, t.blocks);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(blocks);
  }

  @Override
  public String toString() {
    return "Tower" + Arrays.toString(plan());
  }
}

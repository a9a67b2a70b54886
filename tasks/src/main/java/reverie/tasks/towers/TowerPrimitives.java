package reverie.tasks.towers;

import static reverie.dsl.eval.Curried.metered1;
import static reverie.dsl.eval.Curried.metered2;
import static reverie.dsl.eval.Curried.metered3;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.FunctionValue;
import reverie.dsl.program.Primitive;
import reverie.dsl.type.Type;

/**
 * DreamCoder's tower primitives ({@code towerPrimitives.py}; {@code tower.ml}): the common ones
 * ({@code tower_loopM tower_embed 3x1 1x3} and the integers 1 to 8, {@code range(1, 9)}), and the
 * two ways to move the hand: the old set's {@code left}/{@code right}, which ignore the hand's
 * orientation, and the new set's {@code moveHand}/{@code reverseHand}, which DreamCoder's final
 * tower runs use ({@code --primitives new}). The meaning of each is in {@link Tower}.
 */
final class TowerPrimitives {
  static final Type INT = Type.of("int");
  static final Type TOWER = Type.of("tower");

  /** {@code tower -> tower}: a block, a move, a whole program. */
  static final Type STEP = Type.arrow(TOWER, TOWER);

  private static final ImmutableList<Primitive> COMMON = common();

  /** The new set, DreamCoder's default: the common primitives, {@code moveHand reverseHand}. */
  static final ImmutableList<Primitive> NEW =
      ImmutableList.<Primitive>builder()
          .addAll(COMMON)
          .add(new Primitive("moveHand", Type.arrow(INT, TOWER, TOWER)))
          .add(new Primitive("reverseHand", STEP))
          .build();

  /** The old set: the common primitives, {@code left right}. */
  static final ImmutableList<Primitive> OLD =
      ImmutableList.<Primitive>builder()
          .addAll(COMMON)
          .add(new Primitive("left", Type.arrow(INT, TOWER, TOWER)))
          .add(new Primitive("right", Type.arrow(INT, TOWER, TOWER)))
          .build();

  /** Every primitive of both sets, so that programs of either parse and run in both domains. */
  static final ImmutableList<Primitive> ALL =
      ImmutableList.<Primitive>builder()
          .addAll(NEW)
          .addAll(OLD.subList(COMMON.size(), OLD.size()))
          .build();

  /** The implementations of {@link #ALL}. */
  static final ImmutableMap<String, Object> IMPLEMENTATIONS = implementations();

  private TowerPrimitives() {}

  private static ImmutableList<Primitive> common() {
    ImmutableList.Builder<Primitive> p = ImmutableList.builder();
    p.add(
        new Primitive("tower_loopM", Type.arrow(INT, Type.arrow(INT, TOWER, TOWER), TOWER, TOWER)));
    p.add(new Primitive("tower_embed", Type.arrow(STEP, TOWER, TOWER)));
    p.add(new Primitive("3x1", STEP));
    p.add(new Primitive("1x3", STEP));
    for (int i = 1; i <= 8; i++) {
      p.add(new Primitive(Integer.toString(i), INT));
    }
    return p.build();
  }

  private static ImmutableMap<String, Object> implementations() {
    ImmutableMap.Builder<String, Object> b = ImmutableMap.builder();
    b.put("tower_loopM", metered3(TowerPrimitives::loop));
    b.put(
        "tower_embed",
        metered2(
            (FunctionValue body, Object k, Budget budget) ->
                Tower.of(body.apply(Tower.EMPTY, budget)).then(Tower.of(k), budget)));
    // Plan sizes are in half units, as DreamCoder's (x, 2w, 2h): a 3x1 block is 6 wide, 2 high.
    b.put("3x1", metered1((Object k, Budget budget) -> Tower.of(k).afterBlock(6, 2, budget)));
    b.put("1x3", metered1((Object k, Budget budget) -> Tower.of(k).afterBlock(2, 6, budget)));
    for (long i = 1; i <= 8; i++) {
      b.put(Long.toString(i), i);
    }
    b.put(
        "moveHand",
        metered2((Long d, Object k, Budget budget) -> Tower.of(k).afterMove(d, budget)));
    b.put("reverseHand", metered1((Object k, Budget budget) -> Tower.of(k).afterReverse(budget)));
    b.put(
        "left", metered2((Long d, Object k, Budget budget) -> Tower.of(k).afterShift(-d, budget)));
    b.put(
        "right", metered2((Long d, Object k, Budget budget) -> Tower.of(k).afterShift(d, budget)));
    return b.buildOrThrow();
  }

  /**
   * {@code tower_loopM n body k = body 0 (body 1 (... (body (n-1) k)))}, a right fold over {@code 0
   * .. n-1}; {@code k} when {@code n <= 0}. Each iteration is a step of the budget.
   */
  private static Object loop(Long n, FunctionValue body, Object k, Budget budget) {
    Object tower = k;
    for (long i = n - 1; i >= 0; i--) {
      budget.step();
      tower = body.apply2(i, tower, budget);
    }
    return tower;
  }
}

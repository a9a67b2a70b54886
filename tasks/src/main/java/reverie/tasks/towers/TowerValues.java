package reverie.tasks.towers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;
import reverie.dsl.InputException;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.type.Type;

/**
 * The JSON form of the towers domain's values. An {@code int} is a number. A {@code tower} is a
 * list of blocks: a plan, {@code [[x, w, h], ...]} in placing order, or a world, {@code [[x, y, w,
 * h], ...]} as DreamCoder's {@code world} field (the centred, dropped blocks). Sizes are in
 * DreamCoder's half units (a {@code 3x1} block is {@code [x, 6, 2]}), positive and even; every
 * number is an integer.
 *
 * <p>A plan reads as the tower that places those blocks relative to the hand (mirrored when the
 * hand is reversed), and a tower writes as its plan from the start state. A world reads as itself
 * after checking that it is what dropping its blocks gives (a block in mid-air is an error) and
 * centring it; it writes as given. The empty list is the empty tower, every program's input.
 */
final class TowerValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The largest block side, far beyond any tower that fits {@link World#MAX_HEIGHT}. */
  private static final int MAX_SIDE = 1000;

  private TowerValues() {}

  /** Reads a value of {@code type}; an {@link InputException} saying what is wrong. */
  static Object fromJson(JsonNode json, Type type) {
    if (type.equals(TowerPrimitives.INT)) {
      if (!json.isIntegralNumber() || !json.canConvertToLong()) {
        throw new InputException("expected an integer, found " + abbreviate(json));
      }
      return json.longValue();
    }
    if (!type.equals(TowerPrimitives.TOWER)) {
      throw new InputException("the towers domain has no values of type " + type);
    }
    if (!json.isArray()) {
      throw new InputException(
          "expected a tower: a plan [[x, w, h], ...] or a world [[x, y, w, h], ...], found "
              + abbreviate(json));
    }
    if (json.isEmpty()) {
      return Tower.EMPTY;
    }
    if (json.size() > Tower.MAX_BLOCKS) {
      throw new InputException(
          "a tower of " + json.size() + " blocks (at most " + Tower.MAX_BLOCKS + ")");
    }
    JsonNode first = json.get(0);
    int fields = first.isArray() ? first.size() : 0;
    if (fields != 3 && fields != 4) {
      throw new InputException(
          "block 0: expected [x, w, h] (a plan) or [x, y, w, h] (a world), found "
              + abbreviate(first));
    }
    int[] values = new int[fields * json.size()];
    for (int i = 0; i < json.size(); i++) {
      readBlock(json.get(i), i, fields, values);
    }
    return fields == 3 ? plan(values) : world(values);
  }

  private static void readBlock(JsonNode block, int i, int fields, int[] into) {
    String shape = fields == 3 ? "[x, w, h] like block 0" : "[x, y, w, h] like block 0";
    if (!block.isArray() || block.size() != fields) {
      throw new InputException(
          "block " + i + ": expected " + shape + ", found " + abbreviate(block));
    }
    for (int k = 0; k < fields; k++) {
      JsonNode v = block.get(k);
      if (!v.isIntegralNumber()
          || !v.canConvertToInt()
          || Math.abs((long) v.intValue()) > Tower.MAX_OFFSET) {
        throw new InputException(
            "block "
                + i
                + ": "
                + abbreviate(v)
                + " is not an integer of at most "
                + Tower.MAX_OFFSET
                + " in size");
      }
      into[fields * i + k] = v.intValue();
    }
    for (int k = fields - 2; k < fields; k++) {
      int side = into[fields * i + k];
      if (side <= 0 || side % 2 != 0 || side > MAX_SIDE) {
        throw new InputException(
            "block "
                + i
                + ": "
                + (k == fields - 2 ? "width " : "height ")
                + side
                + " is not a positive even number of at most "
                + MAX_SIDE
                + " (sizes are in half units: a 3x1 block is 6 wide and 2 high)");
      }
    }
  }

  private static Tower plan(int[] plan) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < plan.length; i += 3) {
      min = Math.min(min, plan[i]);
      max = Math.max(max, plan[i]);
    }
    if ((long) max - min > Tower.MAX_SPAN) {
      throw new InputException(
          "the plan's blocks span "
              + ((long) max - min)
              + " units (at most "
              + Tower.MAX_SPAN
              + ")");
    }
    return Tower.ofPlan(plan);
  }

  /** The world of the given blocks, after checking that they lie as dropping leaves them. */
  private static World world(int[] given) {
    int n = given.length / 4;
    // Drop the blocks bottom-up (by lower edge): a world placed in that order drops to itself.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          long bottomA = (long) given[4 * a + 1] - given[4 * a + 3] / 2;
          long bottomB = (long) given[4 * b + 1] - given[4 * b + 3] / 2;
          return bottomA != bottomB
              ? Long.compare(bottomA, bottomB)
              : Integer.compare(given[4 * a], given[4 * b]);
        });
    int[] plan = new int[3 * n];
    for (int i = 0; i < n; i++) {
      plan[3 * i] = given[4 * order[i]];
      plan[3 * i + 1] = given[4 * order[i] + 2];
      plan[3 * i + 2] = given[4 * order[i] + 3];
    }
    Tower tower = plan(plan);
    int[] heights = World.heights(plan);
    for (int i = 0; i < n; i++) {
      int b = order[i];
      if (heights[i] != given[4 * b + 1]) {
        throw new InputException(
            "block "
                + b
                + " "
                + Arrays.toString(Arrays.copyOfRange(given, 4 * b, 4 * b + 4)).replace(" ", "")
                + " is not where it would come to rest (y = "
                + heights[i]
                + "): a world is a plan's blocks dropped without physics");
      }
    }
    try {
      return tower.world();
    } catch (EvaluationException e) {
      throw new InputException("the world is " + e.getMessage().replace("a tower ", ""));
    }
  }

  /** Writes a value of {@code type}. */
  static JsonNode toJson(Object value, Type type) {
    if (value instanceof Long n) {
      return NODES.numberNode(n);
    }
    ArrayNode blocks = NODES.arrayNode();
    if (value instanceof World w) {
      for (int i = 0; i < w.size(); i++) {
        ArrayNode b = blocks.addArray();
        for (int v : w.block(i)) {
          b.add(v);
        }
      }
      return blocks;
    }
    int[] plan = Tower.of(value).plan();
    for (int i = 0; i < plan.length; i += 3) {
      blocks.addArray().add(plan[i]).add(plan[i + 1]).add(plan[i + 2]);
    }
    return blocks;
  }

  /**
   * What {@code reverie check} and listings show of a value: a tower as its world, so that an
   * output and a task's target can be compared by eye; its plan when it has no world.
   */
  static String show(Object value, Type type) {
    if (value instanceof Tower t) {
      try {
        return toJson(t.world(), type).toString();
      } catch (EvaluationException e) {
        return "plan " + toJson(t, type) + " (" + e.getMessage() + ")";
      }
    }
    return toJson(value, type).toString();
  }

  /**
   * The form the recognition model reads: per block of the world, bottom rows first, a letter for
   * its shape ({@code h} a 3x1 block, {@code v} a 1x3 block, {@code b} any other, followed by its
   * size), then its x and y; short, so that the featurizer's token limit keeps a dozen blocks.
   */
  static JsonNode featureJson(Object value, Type type) {
    World w;
    if (value instanceof World world) {
      w = world;
    } else if (value instanceof Tower t) {
      try {
        w = t.world();
      } catch (EvaluationException e) {
        return NODES.arrayNode();
      }
    } else {
      return toJson(value, type);
    }
    int[] plan = w.plan();
    int[] heights = World.heights(plan);
    ArrayNode tokens = NODES.arrayNode();
    for (int i = 0; i < plan.length / 3; i++) {
      int width = plan[3 * i + 1];
      int height = plan[3 * i + 2];
      if (width == 6 && height == 2) {
        tokens.add("h");
      } else if (width == 2 && height == 6) {
        tokens.add("v");
      } else {
        tokens.add("b").add(width).add(height);
      }
      tokens.add(plan[3 * i]).add(heights[i]);
    }
    return tokens;
  }

  private static String abbreviate(JsonNode json) {
    String s = json.toString();
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}

package reverie.tasks.towers;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import reverie.tasks.GeneratedTask;
import reverie.tasks.SuiteBuilder;

/**
 * The built-in {@code towers} suite: 74 towers in 14 families of graded size (stacks, rows, posts,
 * arches, arch stacks, bridges of arches, brick walls, staircases of both kinds and directions,
 * pyramids, pairs of towers), in the spirit of DreamCoder's tower tasks.
 *
 * <p>Each task's target is built twice, independently: by Java code that moves a hand and places
 * blocks step by step ({@link Hand}), which gives the task's world, and by a reference program in
 * the new primitive set, written in a small command language ({@link Command}) that translates to
 * continuation-passing programs as DreamCoder's {@code parseTower} does. A test checks that every
 * reference program solves its task.
 */
final class TowerSuite {
  static final String DESCRIPTION =
      "74 block towers in 14 families (stacks, rows, arches, bridges, walls, staircases, pyramids),"
          + " with reference programs";

  private TowerSuite() {}

  /** The suite's tasks, one example each (the empty tower to the target world). */
  static ImmutableList<GeneratedTask> generate(long seed) {
    Tasks t = new Tasks(new SuiteBuilder(TowerDomain.NAME, seed, 1, 1));
    for (int n = 1; n <= 6; n++) {
      int blocks = n;
      t.add(
          "v-stack",
          "v-stack with " + n + (n == 1 ? " block" : " blocks"),
          n == 1 ? new Command[] {V} : new Command[] {loop("i", n, V)},
          hand -> hand.repeat(blocks, Hand::v));
    }
    for (int n = 2; n <= 6; n++) {
      int blocks = n;
      t.add(
          "h-stack",
          "h-stack with " + n + " blocks",
          new Command[] {loop("i", n, H)},
          hand -> hand.repeat(blocks, Hand::h));
    }
    for (int n = 3; n <= 5; n++) {
      for (int d = 3; d <= 4; d++) {
        int blocks = n;
        int spacing = d;
        t.add(
            "v-row",
            "v-row with " + n + " blocks, spacing " + d,
            new Command[] {loop("i", n, V, move(d))},
            hand -> hand.repeat(blocks, h -> h.v().move(spacing)));
      }
    }
    for (int n = 2; n <= 4; n++) {
      for (int d = 7; d <= 8; d++) {
        int blocks = n;
        int spacing = d;
        t.add(
            "h-row",
            "h-row with " + n + " blocks, spacing " + d,
            new Command[] {loop("i", n, H, move(d))},
            hand -> hand.repeat(blocks, h -> h.h().move(spacing)));
      }
    }
    for (int n = 1; n <= 4; n++) {
      int blocks = n;
      t.add(
          "capped post",
          "capped post with " + n + (n == 1 ? " block" : " blocks"),
          new Command[] {loop("i", n, V), H},
          hand -> hand.repeat(blocks, Hand::v).h());
    }
    for (int n = 1; n <= 5; n++) {
      int legs = n;
      t.add(
          "arch",
          "arch with legs of " + n + (n == 1 ? " block" : " blocks"),
          new Command[] {loop("i", n, V), move(4), loop("j", n, V), REVERSE, move(2), H},
          hand -> hand.repeat(legs, Hand::v).move(4).repeat(legs, Hand::v).move(-2).h());
    }
    for (int n = 2; n <= 5; n++) {
      int arches = n;
      t.add(
          "arch stack",
          "arch stack with " + n + " arches",
          new Command[] {loop("i", n, V, move(4), V, REVERSE, move(2), H, move(2), REVERSE)},
          hand -> hand.repeat(arches, h -> h.v().move(4).v().move(-2).h().move(-2)));
    }
    for (int n = 2; n <= 4; n++) {
      for (int d = 6; d <= 8; d += 2) {
        int arches = n;
        int spacing = d;
        t.add(
            "bridge",
            "bridge with " + n + " arches, spacing " + d,
            new Command[] {loop("i", n, embed(V, move(4), V, REVERSE, move(2), H), move(d))},
            hand ->
                hand.repeat(
                    arches, h -> h.embed(e -> e.v().move(4).v().move(-2).h()).move(spacing)));
      }
    }
    for (int w = 2; w <= 4; w++) {
      for (int r = 1; r <= 3; r++) {
        int bricks = w;
        int rows = r;
        Command row = loop("j", w, H, move(6));
        t.add(
            "wall",
            "wall with " + w + " bricks, " + r + (r == 1 ? " double row" : " double rows"),
            new Command[] {loop("i", r, embed(row), embed(move(3), row))},
            hand ->
                hand.repeat(
                    rows,
                    h ->
                        h.embed(e -> e.repeat(bricks, b -> b.h().move(6)))
                            .embed(e -> e.move(3).repeat(bricks, b -> b.h().move(6)))));
      }
    }
    for (int k = 2; k <= 6; k++) {
      int steps = k;
      t.add(
          "staircase",
          "staircase with " + k + " steps",
          new Command[] {loop("i", k + 1, embed(loop("j", "i", V)), move(2))},
          hand -> hand.columns(steps, 2, Hand::v));
    }
    for (int k = 2; k <= 5; k++) {
      int steps = k;
      t.add(
          "descending staircase",
          "descending staircase with " + k + " steps",
          new Command[] {REVERSE, loop("i", k + 1, embed(loop("j", "i", V)), move(2))},
          hand -> hand.reverse().columns(steps, 2, Hand::v));
    }
    for (int k = 2; k <= 5; k++) {
      int steps = k;
      t.add(
          "h-staircase",
          "h-staircase with " + k + " steps",
          new Command[] {loop("i", k + 1, embed(loop("j", "i", H)), move(6))},
          hand -> hand.columns(steps, 6, Hand::h));
    }
    for (int k = 2; k <= 5; k++) {
      int levels = k;
      t.add(
          "pyramid",
          "pyramid with " + k + " levels",
          // Diagonal a (a = 0..k) has a bricks going up and to the left, 3 units apart.
          new Command[] {loop("a", k + 1, move(6), embed(REVERSE, loop("b", "a", H, move(3))))},
          hand -> {
            for (int a = 0; a <= levels; a++) {
              int count = a;
              hand.move(6).embed(e -> e.reverse().repeat(count, b -> b.h().move(3)));
            }
          });
    }
    for (int n = 2; n <= 4; n++) {
      for (int d = 4; d <= 6; d += 2) {
        int blocks = n;
        int spacing = d;
        t.add(
            "two towers",
            "two towers with " + n + " blocks, spacing " + d,
            new Command[] {loop("i", n, V), move(d), loop("j", n, V)},
            hand -> hand.repeat(blocks, Hand::v).move(spacing).repeat(blocks, Hand::v));
      }
    }
    return t.builder.build();
  }

  /** The suite under construction. */
  private static final class Tasks {
    final SuiteBuilder builder;

    Tasks(SuiteBuilder builder) {
      this.builder = builder;
    }

    void add(String family, String name, Command[] program, Consumer<Hand> build) {
      builder.add(
          family,
          name,
          TowerPrimitives.STEP,
          program(program),
          random -> ImmutableList.of(Tower.EMPTY),
          in -> {
            Hand hand = new Hand();
            build.accept(hand);
            return hand.world();
          });
    }
  }

  /**
   * A hand that places blocks step by step, as DreamCoder's {@code TowerState} does: the direct
   * Java meaning of a tower program, independent of the continuation values of {@link Tower}.
   */
  private static final class Hand {
    private int x;
    private int orientation = 1;
    private final List<int[]> blocks = new ArrayList<>();

    Hand v() {
      blocks.add(new int[] {x, 2, 6});
      return this;
    }

    Hand h() {
      blocks.add(new int[] {x, 6, 2});
      return this;
    }

    /**
     * Moves along the orientation ({@code moveHand}); negative distances turn round, move, turn.
     */
    Hand move(int d) {
      x += orientation * d;
      return this;
    }

    Hand reverse() {
      orientation = -orientation;
      return this;
    }

    Hand repeat(int times, Consumer<Hand> body) {
      for (int i = 0; i < times; i++) {
        body.accept(this);
      }
      return this;
    }

    /** Runs {@code body} and puts the hand back where it was, facing the same way. */
    Hand embed(Consumer<Hand> body) {
      int savedX = x;
      int savedOrientation = orientation;
      body.accept(this);
      x = savedX;
      orientation = savedOrientation;
      return this;
    }

    /** Columns of 0, 1, ..., {@code steps} blocks, {@code spacing} apart along the orientation. */
    Hand columns(int steps, int spacing, Consumer<Hand> block) {
      for (int i = 0; i <= steps; i++) {
        int height = i;
        embed(e -> e.repeat(height, block)).move(spacing);
      }
      return this;
    }

    World world() {
      int[] plan = new int[3 * blocks.size()];
      for (int i = 0; i < blocks.size(); i++) {
        System.arraycopy(blocks.get(i), 0, plan, 3 * i, 3);
      }
      return World.of(plan);
    }
  }

  // The command language of the reference programs, DreamCoder's tower source language with
  // moveHand/reverseHand: each command takes the program text of its continuation.

  /** A command: its program text given the names in scope (innermost first) and a continuation. */
  private interface Command {
    String emit(List<String> scope, String continuation);
  }

  private static final Command V = (scope, k) -> "(1x3 " + k + ")";
  private static final Command H = (scope, k) -> "(3x1 " + k + ")";
  private static final Command REVERSE = (scope, k) -> "(reverseHand " + k + ")";

  private static Command move(int d) {
    return (scope, k) -> "(moveHand " + number(d) + " " + k + ")";
  }

  private static Command loop(String variable, int count, Command... body) {
    return loop(variable, number(count), body);
  }

  /**
   * {@code tower_loopM count (lambda (lambda body)) k}: inside, {@code $0} is the body's
   * continuation and {@code $1} the loop variable; {@code count} is a number or a variable's name.
   */
  private static Command loop(String variable, String count, Command... body) {
    return (scope, k) -> {
      List<String> inner = new ArrayList<>();
      inner.add("");
      inner.add(variable);
      inner.addAll(scope);
      return "(tower_loopM "
          + expression(count, scope)
          + " (lambda (lambda "
          + block(body, inner)
          + ")) "
          + k
          + ")";
    };
  }

  /** {@code tower_embed (lambda body) k}. */
  private static Command embed(Command... body) {
    return (scope, k) -> {
      List<String> inner = new ArrayList<>();
      inner.add("");
      inner.addAll(scope);
      return "(tower_embed (lambda " + block(body, inner) + ") " + k + ")";
    };
  }

  /** The commands in sequence, continuing with {@code $0}, the innermost continuation. */
  private static String block(Command[] commands, List<String> scope) {
    String k = "$0";
    for (int i = commands.length - 1; i >= 0; i--) {
      k = commands[i].emit(scope, k);
    }
    return k;
  }

  private static String program(Command... commands) {
    return "(lambda " + block(commands, List.of()) + ")";
  }

  private static String expression(String e, List<String> scope) {
    int at = scope.indexOf(e);
    return at >= 0 ? "$" + at : e;
  }

  private static String number(int n) {
    if (n < 1 || n > 8) {
      throw new IllegalArgumentException("the tower primitives have the integers 1 to 8, not " + n);
    }
    return Integer.toString(n);
  }
}

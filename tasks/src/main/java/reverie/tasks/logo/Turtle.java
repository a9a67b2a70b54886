package reverie.tasks.logo;

import java.util.Arrays;

/**
 * A value of LOGO's type {@code turtle}: a continuation, "what the turtle does from here on",
 * represented as the list of commands it runs, so that it is plain immutable data.
 *
 * <p>DreamCoder's OCaml turtle is a function from a state to the segments drawn and the final
 * state; its primitives take the rest of the program as their last argument ({@code logo_FWRT l a
 * k} moves, turns, then runs {@code k}). Reverie evaluates arguments first, so a continuation
 * {@code k} is built before the primitive that runs before it: each primitive puts its commands in
 * front of its continuation's, and the program's result, run from the start state ({@link
 * #drawing}), draws what the OCaml function draws. A program's input is {@link #START}, the empty
 * continuation ({@code logo_NOP}).
 *
 * <p>{@code logo_PT} and {@code logo_GETSET} save something on entry and restore it when their body
 * calls its continuation. A body may drop its continuation (return an outer one instead), so a
 * restore command names the save it belongs to by identity ({@link Save#restore}), never by
 * nesting.
 *
 * <p>Every command node is charged as one allocated cell by the primitive that makes it, so the
 * length of a turtle is bounded by the evaluation budget and so is the work of drawing it. Two
 * turtles are equal when they draw the same segments in the same order.
 */
abstract sealed class Turtle permits Turtle.Start, Turtle.Step, Turtle.Save, Turtle.Restore {

  /** The empty continuation: nothing more to do. */
  static final Turtle START = new Start();

  // Derived lazily and cached; racy publication is fine because both are deterministic functions
  // of the immutable command list (the same value whichever thread computes it first).
  private Drawing drawing;
  private GreyImage image;

  /** The next command, or null at {@link #START}. */
  abstract Turtle next();

  /** What running the commands from the start state draws (computed once). */
  final Drawing drawing() {
    Drawing d = drawing;
    if (d == null) {
      d = run();
      drawing = d;
    }
    return d;
  }

  /**
   * The drawing rendered at {@code size} pixels for matching ({@link Rasteriser#grey}), cached for
   * the last size asked for: the wake checks one program against many tasks with the same target
   * size.
   */
  final GreyImage image(int size) {
    GreyImage i = image;
    if (i == null || i.size() != size) {
      i = Rasteriser.grey(drawing(), size);
      image = i;
    }
    return i;
  }

  boolean isStart() {
    return this == START;
  }

  private Drawing run() {
    Drawing.Builder out = new Drawing.Builder();
    double x = Drawing.START_X;
    double y = Drawing.START_Y;
    double heading = 0; // in turns, counter-clockwise from +x
    boolean pen = true;
    // Saved states by the restore command they belong to; a restore finds its own by identity.
    Restore[] keys = new Restore[4];
    double[] saved = new double[16];
    int count = 0;
    for (Turtle t = this; t != START; t = t.next()) {
      if (t instanceof Step s) {
        double nx = x + s.length * StrictMath.cos(2 * Math.PI * heading);
        double ny = y + s.length * StrictMath.sin(2 * Math.PI * heading);
        if (pen) {
          out.add(x, y, nx, ny);
        }
        x = nx;
        y = ny;
        heading += s.angle;
      } else if (t instanceof Save save) {
        if (count == keys.length) {
          keys = Arrays.copyOf(keys, 2 * count);
          saved = Arrays.copyOf(saved, 8 * count);
        }
        keys[count] = save.restore;
        saved[4 * count] = x;
        saved[4 * count + 1] = y;
        saved[4 * count + 2] = heading;
        saved[4 * count + 3] = pen ? 1 : 0;
        count++;
        if (save.liftsPen()) {
          pen = false;
        }
      } else if (t instanceof Restore r) {
        for (int k = count - 1; k >= 0; k--) {
          if (keys[k] == r) {
            if (r.wholeState) {
              x = saved[4 * k];
              y = saved[4 * k + 1];
              heading = saved[4 * k + 2];
            }
            pen = saved[4 * k + 3] != 0;
            break;
          }
        }
      }
    }
    return out.build();
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof Turtle t && (t == this || drawing().equals(t.drawing()));
  }

  @Override
  public final int hashCode() {
    return drawing().hashCode();
  }

  @Override
  public String toString() {
    return isStart() ? "start" : "turtle drawing " + drawing();
  }

  /** The end of every command list: {@code logo_NOP}. */
  static final class Start extends Turtle {
    private Start() {}

    @Override
    Turtle next() {
      return null;
    }
  }

  /**
   * {@code logo_FWRT}: move forward by {@code length} (drawing when the pen is down), then turn.
   */
  static final class Step extends Turtle {
    final double length;
    final double angle;
    private final Turtle next;

    Step(double length, double angle, Turtle next) {
      this.length = length;
      this.angle = angle;
      this.next = next;
    }

    @Override
    Turtle next() {
      return next;
    }
  }

  /**
   * The entry of {@code logo_PT} (save the pen, lift it) or {@code logo_GETSET} (save the whole
   * state), naming the restore command its body's continuation starts with.
   */
  static final class Save extends Turtle {
    final Restore restore;
    private final Turtle next;

    Save(Restore restore, Turtle next) {
      this.restore = restore;
      this.next = next;
    }

    /** Whether this is a pen-up block's entry (which lifts the pen) rather than an embedding's. */
    boolean liftsPen() {
      return !restore.wholeState;
    }

    @Override
    Turtle next() {
      return next;
    }
  }

  /**
   * Puts back what the matching {@link Save} saved: the pen ({@code logo_PT}) or position, heading
   * and pen ({@code logo_GETSET}).
   */
  static final class Restore extends Turtle {
    final boolean wholeState;
    private final Turtle next;

    Restore(boolean wholeState, Turtle next) {
      this.wholeState = wholeState;
      this.next = next;
    }

    @Override
    Turtle next() {
      return next;
    }
  }
}

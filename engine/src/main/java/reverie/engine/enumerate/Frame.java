package reverie.engine.enumerate;

import reverie.dsl.program.Program;

/**
 * An unfinished node of the program being enumerated: a lambda waiting for its body ({@code
 * partial} null), or an application {@code partial} waiting for {@code remaining} more arguments.
 * Immutable and shared, so backtracking only restores a pointer. When code is built, it also holds
 * the head's code and the code of the argument finished last, with the frame before it ({@code
 * earlier}) holding the ones before: finishing an argument adds one frame instead of copying an
 * array of all the finished ones. The head's id and arity let the symmetry checks see where a hole
 * is.
 */
final class Frame {
  final Program partial;
  final int remaining;
  final Frame parent;
  final Code head;

  /** The code of argument {@code arity - remaining - 1}, or null before the first is finished. */
  final Code argument;

  /** The frame before {@link #argument} was finished; null before the first. */
  final Frame earlier;

  /** The application's head (a production, or {@code -(j + 1)} for {@code $j}); 0 for a lambda. */
  final int headId;

  /**
   * How many arguments the head takes in all; {@code arity - remaining} is the one being filled.
   */
  final int arity;

  /** A lambda frame. */
  static Frame lambda(Frame parent) {
    return new Frame(null, 1, parent, 0, 1, null, null, null);
  }

  Frame(Program partial, int remaining, Frame parent, int headId, int arity) {
    this(partial, remaining, parent, headId, arity, null, null, null);
  }

  Frame(
      Program partial,
      int remaining,
      Frame parent,
      int headId,
      int arity,
      Code head,
      Code argument,
      Frame earlier) {
    this.partial = partial;
    this.remaining = remaining;
    this.parent = parent;
    this.headId = headId;
    this.arity = arity;
    this.head = head;
    this.argument = argument;
    this.earlier = earlier;
  }

  /**
   * The codes of this application's finished arguments followed by {@code last}, which completes
   * it: {@code arity} codes in order.
   */
  Code[] argumentsThen(Code last) {
    Code[] out = new Code[arity];
    out[arity - 1] = last;
    Frame f = this;
    for (int i = arity - 2; i >= 0; i--) {
      out[i] = f.argument;
      f = f.earlier;
    }
    return out;
  }
}

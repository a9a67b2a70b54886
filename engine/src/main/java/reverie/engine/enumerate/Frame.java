package reverie.engine.enumerate;

import reverie.dsl.program.Program;

/**
 * An unfinished node of the program being enumerated: a lambda waiting for its body ({@code
 * partial} null), or an application {@code partial} waiting for {@code remaining} more arguments.
 * Immutable and shared, so backtracking only restores a pointer. When code is built, it also holds
 * the head's code and the code of the arguments finished so far; the head's id and arity let the
 * symmetry checks see where a hole is.
 */
final class Frame {
  private static final Code[] NONE = new Code[0];

  final Program partial;
  final int remaining;
  final Frame parent;
  final Code head;
  final Code[] arguments;

  /** The application's head (a production, or {@code -(j + 1)} for {@code $j}); 0 for a lambda. */
  final int headId;

  /**
   * How many arguments the head takes in all; {@code arity - remaining} is the one being filled.
   */
  final int arity;

  /** A lambda frame. */
  static Frame lambda(Frame parent) {
    return new Frame(null, 1, parent, 0, 1, null, NONE);
  }

  Frame(Program partial, int remaining, Frame parent, int headId, int arity) {
    this(partial, remaining, parent, headId, arity, null, NONE);
  }

  Frame(
      Program partial,
      int remaining,
      Frame parent,
      int headId,
      int arity,
      Code head,
      Code[] arguments) {
    this.partial = partial;
    this.remaining = remaining;
    this.parent = parent;
    this.headId = headId;
    this.arity = arity;
    this.head = head;
    this.arguments = arguments;
  }
}

package reverie.engine.enumerate;

import reverie.dsl.program.Program;

/**
 * An unfinished node of the program being enumerated: a lambda waiting for its body ({@code
 * partial} null), or an application {@code partial} waiting for {@code remaining} more arguments.
 * Immutable and shared, so backtracking only restores a pointer. When code is built, it also holds
 * the head's code and the code of the arguments finished so far.
 */
final class Frame {
  private static final Code[] NONE = new Code[0];

  final Program partial;
  final int remaining;
  final Frame parent;
  final Code head;
  final Code[] arguments;

  Frame(Program partial, int remaining, Frame parent) {
    this(partial, remaining, parent, null, NONE);
  }

  Frame(Program partial, int remaining, Frame parent, Code head, Code[] arguments) {
    this.partial = partial;
    this.remaining = remaining;
    this.parent = parent;
    this.head = head;
    this.arguments = arguments;
  }
}

package reverie.engine.enumerate;

import reverie.dsl.program.Program;

/**
 * An unfinished node of the program being enumerated: a lambda waiting for its body ({@code partial} null),
 * or an application {@code partial} waiting for {@code remaining} more arguments. Immutable and shared, so
 * backtracking only restores a pointer.
 */
final class Frame {
  final Program partial;
  final int remaining;
  final Frame parent;

  Frame(Program partial, int remaining, Frame parent) {
    this.partial = partial;
    this.remaining = remaining;
    this.parent = parent;
  }
}

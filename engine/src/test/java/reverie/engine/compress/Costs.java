package reverie.engine.compress;

import java.util.List;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;

/**
 * An independent implementation of Stitch's cost model on {@link Program}s, for checking the
 * compressor.
 */
final class Costs {
  private Costs() {}

  /** Cost of a program; an invention counts as one primitive. */
  static long of(Program p) {
    if (p instanceof Application a) {
      return 1 + of(a.function()) + of(a.argument());
    }
    if (p instanceof Abstraction l) {
      return 1 + of(l.body());
    }
    if (p instanceof Index || p instanceof Primitive || p instanceof Invented) {
      return 100;
    }
    throw new AssertionError(p);
  }

  /** Sum over tasks of the cheapest program. */
  static long corpus(List<? extends List<Program>> byTask) {
    long total = 0;
    for (List<Program> task : byTask) {
      total += task.stream().mapToLong(Costs::of).min().orElse(0);
    }
    return total;
  }
}

package reverie.engine.compress;

import java.util.List;
import reverie.dsl.program.Invented;

/** Decides whether the compressor may learn a (well-typed) invention. */
@FunctionalInterface
public interface InventionFilter {
  /** Admits every invention. */
  InventionFilter ANY = (candidate, learnedBefore) -> true;

  /**
   * Whether {@code candidate} may join the library, given the inventions learned before it in the
   * same compression (the existing library is the filter's own business).
   */
  boolean admits(Invented candidate, List<Invented> learnedBefore);
}

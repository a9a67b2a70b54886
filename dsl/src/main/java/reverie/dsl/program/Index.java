package reverie.dsl.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.SortedSet;

/** A variable as a de Bruijn index: {@code $0} is bound by the nearest enclosing lambda. */
public record Index(int index) implements Program {

  public Index {
    checkArgument(index >= 0, "negative index %s", index);
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public Program shift(int delta, int cutoff) {
    if (index < cutoff) {
      return this;
    }
    int shifted = index + delta;
    if (shifted < cutoff) {
      // The free variable would be captured by a binder below the cutoff, or become negative.
      throw new IllegalArgumentException(
          "shifting free $" + (index - cutoff) + " by " + delta + " makes it negative");
    }
    return new Index(shifted);
  }

  @Override
  public Program substitute(int target, Program value) {
    return index == target ? value : this;
  }

  @Override
  public void collectFreeIndices(int depth, SortedSet<Integer> into) {
    if (index >= depth) {
      into.add(index - depth);
    }
  }

  @Override
  public Optional<Program> reduceStep() {
    return Optional.empty();
  }

  @Override
  public Program inlineInventions() {
    return this;
  }

  @Override
  public String toString() {
    return "$" + index;
  }
}

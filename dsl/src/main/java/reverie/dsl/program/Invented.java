package reverie.dsl.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.SortedSet;
import reverie.dsl.type.Type;

/**
 * A closed program used as a new primitive (an invention), printed {@code #body}; equal by body.
 */
public record Invented(Program body, Type type) implements Program {

  public Invented {
    checkArgument(body.isClosed(), "an invention must be closed: %s", body);
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public Program shift(int delta, int cutoff) {
    return this;
  }

  @Override
  public Program substitute(int index, Program value) {
    return this;
  }

  @Override
  public void collectFreeIndices(int depth, SortedSet<Integer> into) {}

  @Override
  public Optional<Program> reduceStep() {
    return Optional.empty();
  }

  @Override
  public Program inlineInventions() {
    return body.inlineInventions();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Invented i && i.body.equals(body);
  }

  @Override
  public int hashCode() {
    return 31 * body.hashCode() + 7;
  }

  @Override
  public String toString() {
    return "#" + body;
  }
}

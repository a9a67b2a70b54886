package reverie.dsl.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.SortedSet;
import reverie.dsl.type.Type;

/**
 * A named built-in with a type scheme; equal by name. Its implementation lives in a domain's table,
 * so programs stay data.
 */
public record Primitive(String name, Type type) implements Program {

  public Primitive {
    checkArgument(
        !name.isEmpty()
            && name.chars().noneMatch(c -> c == '(' || c == ')' || Character.isWhitespace(c)),
        "bad primitive name '%s'",
        name);
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
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Primitive p && p.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}

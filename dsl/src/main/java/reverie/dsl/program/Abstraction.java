package reverie.dsl.program;

import java.util.Optional;
import java.util.SortedSet;

/** A lambda: {@code (lambda body)}, binding {@code $0} in its body. */
public record Abstraction(Program body) implements Program {

  @Override
  public int size() {
    return 1 + body.size();
  }

  @Override
  public Program shift(int delta, int cutoff) {
    Program shifted = body.shift(delta, cutoff + 1);
    return shifted == body ? this : new Abstraction(shifted);
  }

  @Override
  public Program substitute(int index, Program value) {
    // Under a binder the target index and the value's free indices both move up by one.
    return new Abstraction(body.substitute(index + 1, value.shift(1)));
  }

  @Override
  public void collectFreeIndices(int depth, SortedSet<Integer> into) {
    body.collectFreeIndices(depth + 1, into);
  }

  @Override
  public Optional<Program> reduceStep() {
    return body.reduceStep().map(Abstraction::new);
  }

  @Override
  public Program inlineInventions() {
    return new Abstraction(body.inlineInventions());
  }

  @Override
  public String toString() {
    return "(lambda " + body + ")";
  }
}

package reverie.dsl.program;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Application of a function to one argument; {@code (f x y)} is {@code ((f x) y)}. */
public record Application(Program function, Program argument) implements Program {

  @Override
  public int size() {
    return function.size() + argument.size();
  }

  @Override
  public Program shift(int delta, int cutoff) {
    Program f = function.shift(delta, cutoff);
    Program a = argument.shift(delta, cutoff);
    return f == function && a == argument ? this : new Application(f, a);
  }

  @Override
  public Program substitute(int index, Program value) {
    return new Application(function.substitute(index, value), argument.substitute(index, value));
  }

  @Override
  public void collectFreeIndices(int depth, SortedSet<Integer> into) {
    function.collectFreeIndices(depth, into);
    argument.collectFreeIndices(depth, into);
  }

  @Override
  public Optional<Program> reduceStep() {
    if (function instanceof Abstraction lambda) {
      // (lambda b) v  ->  b[$0 := v], with the value lifted under the binder and the binder
      // removed.
      return Optional.of(lambda.body().substitute(0, argument.shift(1)).shift(-1));
    }
    Optional<Program> reducedFunction = function.reduceStep();
    if (reducedFunction.isPresent()) {
      return Optional.of(new Application(reducedFunction.get(), argument));
    }
    return argument.reduceStep().map(a -> new Application(function, a));
  }

  @Override
  public Program inlineInventions() {
    return new Application(function.inlineInventions(), argument.inlineInventions());
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("(").append(applicationHead());
    List<Program> arguments = applicationArguments();
    for (Program a : arguments) {
      b.append(' ').append(a);
    }
    return b.append(')').toString();
  }
}

package reverie.dsl.type;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.function.IntFunction;

/**
 * A type constructor applied to its arguments: {@code int}, {@code list(t0)}, or an arrow {@code a
 * -> b}.
 */
public record TypeConstructor(String name, ImmutableList<Type> arguments) implements Type {

  public TypeConstructor {
    checkArgument(!name.isEmpty(), "empty type constructor name");
    arguments = ImmutableList.copyOf(arguments);
    checkArgument(
        !name.equals(ARROW) || arguments.size() == 2,
        "an arrow takes two types, not %s",
        arguments);
  }

  @Override
  public boolean isPolymorphic() {
    for (Type a : arguments) {
      if (a.isPolymorphic()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean occurs(int variable) {
    for (Type a : arguments) {
      if (a.occurs(variable)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int variableBound() {
    int bound = 0;
    for (Type a : arguments) {
      bound = Math.max(bound, a.variableBound());
    }
    return bound;
  }

  @Override
  public Type mapVariables(IntFunction<Type> replacement) {
    if (arguments.isEmpty()) {
      return this;
    }
    ImmutableList.Builder<Type> mapped = ImmutableList.builderWithExpectedSize(arguments.size());
    for (Type a : arguments) {
      mapped.add(a.mapVariables(replacement));
    }
    return new TypeConstructor(name, mapped.build());
  }

  @Override
  public String toString() {
    if (name.equals(ARROW)) {
      Type left = arguments.get(0);
      String l = left.isArrow() ? "(" + left + ")" : left.toString();
      return l + " -> " + arguments.get(1);
    }
    if (arguments.isEmpty()) {
      return name;
    }
    StringBuilder b = new StringBuilder(name).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(arguments.get(i));
    }
    return b.append(')').toString();
  }
}

package reverie.dsl.type;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.function.IntFunction;

/** A type variable, printed {@code t<id>}. */
public record TypeVariable(int id) implements Type {

  public TypeVariable {
    checkArgument(id >= 0, "negative type variable %s", id);
  }

  @Override
  public boolean isPolymorphic() {
    return true;
  }

  @Override
  public boolean occurs(int variable) {
    return id == variable;
  }

  @Override
  public int variableBound() {
    return id + 1;
  }

  @Override
  public Type mapVariables(IntFunction<Type> replacement) {
    return replacement.apply(id);
  }

  @Override
  public String toString() {
    return "t" + id;
  }
}

package reverie.dsl.type;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A simple type: a type variable or a constructor applied to argument types; arrows are the
 * constructor {@code ->}.
 */
public sealed interface Type permits TypeVariable, TypeConstructor {

  String ARROW = "->";

  /** The function type {@code argument -> result}. */
  static Type arrow(Type argument, Type result) {
    return new TypeConstructor(ARROW, ImmutableList.of(argument, result));
  }

  /** The curried function type {@code t0 -> t1 -> ... -> tn}; needs at least one type. */
  static Type arrow(Type first, Type... rest) {
    if (rest.length == 0) {
      return first;
    }
    Type result = rest[rest.length - 1];
    for (int i = rest.length - 2; i >= 0; i--) {
      result = arrow(rest[i], result);
    }
    return arrow(first, result);
  }

  /** A constructor applied to arguments, such as {@code list(int)}. */
  static TypeConstructor of(String name, Type... arguments) {
    return new TypeConstructor(name, ImmutableList.copyOf(arguments));
  }

  /** The type variable {@code t<id>}. */
  static TypeVariable variable(int id) {
    return new TypeVariable(id);
  }

  /** Parses DreamCoder's printed form, such as {@code (t0 -> t1) -> list(t0) -> list(t1)}. */
  static Type parse(String text) {
    return TypeParser.parse(text);
  }

  /** True for {@code a -> b}. */
  default boolean isArrow() {
    return this instanceof TypeConstructor c && c.name().equals(ARROW);
  }

  /** The argument side of an arrow. */
  default Type argumentType() {
    if (!isArrow()) {
      throw new IllegalStateException("not a function type: " + this);
    }
    return ((TypeConstructor) this).arguments().get(0);
  }

  /** The result side of an arrow. */
  default Type resultType() {
    if (!isArrow()) {
      throw new IllegalStateException("not a function type: " + this);
    }
    return ((TypeConstructor) this).arguments().get(1);
  }

  /** The argument types of a curried function type, left to right (empty for a non-arrow). */
  default List<Type> functionArguments() {
    List<Type> arguments = new ArrayList<>();
    Type t = this;
    while (t.isArrow()) {
      arguments.add(t.argumentType());
      t = t.resultType();
    }
    return arguments;
  }

  /** What a curried function type finally returns (the type itself for a non-arrow). */
  default Type finalResult() {
    Type t = this;
    while (t.isArrow()) {
      t = t.resultType();
    }
    return t;
  }

  /** Whether any type variable occurs in this type. */
  boolean isPolymorphic();

  /** Whether the variable {@code id} occurs in this type. */
  boolean occurs(int id);

  /** One more than the largest variable id in this type, or 0 when it has none. */
  int variableBound();

  /** Replaces every variable by {@code replacement.apply(id)}. */
  Type mapVariables(IntFunction<Type> replacement);

  /**
   * Renames the variables to t0, t1, ... in order of first appearance, so that equal schemes print
   * equally.
   */
  default Type canonical() {
    java.util.Map<Integer, Integer> names = new java.util.HashMap<>();
    collectVariables(this, names);
    return mapVariables(id -> new TypeVariable(names.get(id)));
  }

  private static void collectVariables(Type t, java.util.Map<Integer, Integer> names) {
    if (t instanceof TypeVariable v) {
      names.putIfAbsent(v.id(), names.size());
    } else {
      for (Type a : ((TypeConstructor) t).arguments()) {
        collectVariables(a, names);
      }
    }
  }
}

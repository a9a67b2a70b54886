package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;
import reverie.dsl.type.TypeVariable;

/**
 * Interns type-constructor names to small ints and converts between {@link Type} and {@link
 * FastType}.
 */
final class TypeNames {
  static final int ARROW = 0;
  // Constructor ids and arities share one int in key encodings: id * ARITY_LIMIT + arity.
  static final int ARITY_LIMIT = 64;

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  TypeNames() {
    intern(Type.ARROW);
  }

  static int encode(int constructor, int arity) {
    if (arity >= ARITY_LIMIT) {
      throw new IllegalArgumentException("type constructor with " + arity + " arguments");
    }
    return constructor * ARITY_LIMIT + arity;
  }

  int intern(String name) {
    Integer id = ids.get(name);
    if (id == null) {
      id = names.size();
      ids.put(name, id);
      names.add(name);
    }
    return id;
  }

  /** The fast form of {@code t}, keeping variable ids. */
  FastType fromType(Type t) {
    if (t instanceof TypeVariable v) {
      return FastType.variable(v.id());
    }
    TypeConstructor c = (TypeConstructor) t;
    FastType[] args = new FastType[c.arguments().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = fromType(c.arguments().get(i));
    }
    return FastType.constructor(intern(c.name()), args);
  }

  /** The foundation form of {@code t}, keeping variable ids. */
  Type toType(FastType t) {
    if (t.isVariable()) {
      return Type.variable(t.variable);
    }
    ImmutableList.Builder<Type> args = ImmutableList.builder();
    for (FastType a : t.arguments) {
      args.add(toType(a));
    }
    return new TypeConstructor(names.get(t.constructor), args.build());
  }
}

package reverie.dsl.type;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * A mutable substitution for Hindley-Milner unification, with a trail so that bindings can be
 * undone.
 *
 * <p>Search code calls {@link #mark()} before a tentative unification and {@link #undo(int)} to go
 * back, instead of copying the context per candidate (the cost that makes naive enumerators slow).
 */
public final class TypeContext {
  private Type[] bindings = new Type[16];
  private int nextVariable;
  // Variables bound since the start, in binding order; undo pops them.
  private final IntArrayList trail = new IntArrayList();

  public TypeContext() {}

  /** A context whose fresh variables start above every variable of {@code reserved}. */
  public TypeContext(Type reserved) {
    nextVariable = reserved.variableBound();
    ensureCapacity(nextVariable);
  }

  /** A new unbound variable. */
  public TypeVariable fresh() {
    ensureCapacity(nextVariable + 1);
    return new TypeVariable(nextVariable++);
  }

  /** Number of variables handed out so far. */
  public int variableCount() {
    return nextVariable;
  }

  /**
   * A copy of {@code scheme} with all its variables renamed to fresh ones (instantiation of a type
   * scheme).
   */
  public Type instantiate(Type scheme) {
    int bound = scheme.variableBound();
    if (bound == 0) {
      return scheme;
    }
    int offset = nextVariable;
    nextVariable += bound;
    ensureCapacity(nextVariable);
    return scheme.mapVariables(id -> new TypeVariable(id + offset));
  }

  /** A point to return to with {@link #undo(int)}. */
  public int mark() {
    return trail.size();
  }

  /** Forgets every binding made since {@code mark}. Fresh variables are not reclaimed. */
  public void undo(int mark) {
    for (int i = trail.size() - 1; i >= mark; i--) {
      bindings[trail.getInt(i)] = null;
    }
    trail.size(mark);
  }

  /** Follows bindings at the top of {@code t} only. */
  public Type shallow(Type t) {
    while (t instanceof TypeVariable v && v.id() < bindings.length && bindings[v.id()] != null) {
      t = bindings[v.id()];
    }
    return t;
  }

  /** {@code t} with every bound variable replaced, recursively. */
  public Type resolve(Type t) {
    t = shallow(t);
    if (t instanceof TypeConstructor c && c.isPolymorphic()) {
      return c.mapVariables(
          id -> {
            Type bound = id < bindings.length ? bindings[id] : null;
            return bound == null ? new TypeVariable(id) : resolve(bound);
          });
    }
    return t;
  }

  /** Unifies or throws {@link TypeError}; on failure the bindings made by this call are undone. */
  public void unify(Type a, Type b) {
    int mark = mark();
    if (!unifyInternal(a, b)) {
      undo(mark);
      throw new TypeError(resolve(a), resolve(b), "");
    }
  }

  /** Unifies and returns true, or returns false and leaves the context as it was. */
  public boolean tryUnify(Type a, Type b) {
    int mark = mark();
    if (unifyInternal(a, b)) {
      return true;
    }
    undo(mark);
    return false;
  }

  private boolean unifyInternal(Type a, Type b) {
    a = shallow(a);
    b = shallow(b);
    if (a instanceof TypeVariable va) {
      if (b instanceof TypeVariable vb && vb.id() == va.id()) {
        return true;
      }
      return bind(va.id(), b);
    }
    if (b instanceof TypeVariable vb) {
      return bind(vb.id(), a);
    }
    TypeConstructor ca = (TypeConstructor) a;
    TypeConstructor cb = (TypeConstructor) b;
    if (!ca.name().equals(cb.name()) || ca.arguments().size() != cb.arguments().size()) {
      return false;
    }
    for (int i = 0; i < ca.arguments().size(); i++) {
      if (!unifyInternal(ca.arguments().get(i), cb.arguments().get(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean bind(int variable, Type t) {
    if (occursResolved(variable, t)) {
      return false;
    }
    ensureCapacity(variable + 1);
    bindings[variable] = t;
    trail.add(variable);
    return true;
  }

  private boolean occursResolved(int variable, Type t) {
    t = shallow(t);
    if (t instanceof TypeVariable v) {
      return v.id() == variable;
    }
    for (Type a : ((TypeConstructor) t).arguments()) {
      if (occursResolved(variable, a)) {
        return true;
      }
    }
    return false;
  }

  private void ensureCapacity(int size) {
    if (size > bindings.length) {
      bindings = Arrays.copyOf(bindings, Math.max(size, bindings.length * 2));
    }
  }
}

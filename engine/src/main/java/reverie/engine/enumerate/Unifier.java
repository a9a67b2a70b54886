package reverie.engine.enumerate;

import java.util.Arrays;

/**
 * A trail-based substitution over {@link FastType}, the enumerator's specialised {@link
 * reverie.dsl.type.TypeContext}: bindings are undone in LIFO order and, unlike the general context,
 * fresh variables are reclaimed on undo, so a search running for hours keeps its variable ids
 * small.
 */
final class Unifier {
  private FastType[] bindings = new FastType[64];
  private FastType[] variables = new FastType[64];
  private int next;
  private int[] trail = new int[64];
  private int trailSize;

  Unifier(int firstFreeVariable) {
    next = firstFreeVariable;
    ensure(next);
  }

  /**
   * The shared term for variable {@code id} (variables are interned per unifier to avoid
   * allocation).
   */
  FastType variable(int id) {
    ensure(id + 1);
    FastType v = variables[id];
    if (v == null) {
      v = FastType.variable(id);
      variables[id] = v;
    }
    return v;
  }

  int nextVariable() {
    return next;
  }

  /** Reserves {@code count} fresh variables and returns the first id. */
  int allocate(int count) {
    int first = next;
    next += count;
    ensure(next);
    return first;
  }

  /** A point to return to: the trail length and the next variable id, packed. */
  long mark() {
    return ((long) trailSize << 32) | next;
  }

  void undo(long mark) {
    int size = (int) (mark >>> 32);
    for (int i = trailSize - 1; i >= size; i--) {
      bindings[trail[i]] = null;
    }
    trailSize = size;
    next = (int) mark;
  }

  FastType shallow(FastType t) {
    while (t.constructor == FastType.VARIABLE) {
      FastType b = bindings[t.variable];
      if (b == null) {
        return t;
      }
      t = b;
    }
    return t;
  }

  /** {@code t} with every bound variable replaced, recursively. */
  FastType resolve(FastType t) {
    t = shallow(t);
    if (t.ground || t.isVariable()) {
      return t;
    }
    FastType[] args = null;
    for (int i = 0; i < t.arguments.length; i++) {
      FastType r = resolve(t.arguments[i]);
      if (r != t.arguments[i]) {
        if (args == null) {
          args = t.arguments.clone();
        }
        args[i] = r;
      }
    }
    return args == null ? t : FastType.constructor(t.constructor, args);
  }

  /**
   * Binds a variable that is known to be unbound, with no occurs check (the caller has proved it
   * safe).
   */
  void bindUnchecked(int variable, FastType t) {
    bindings[variable] = t;
    push(variable);
  }

  /** Unifies; on failure some bindings may remain, so callers undo to their mark. */
  boolean unify(FastType a, FastType b) {
    a = shallow(a);
    b = shallow(b);
    if (a == b) {
      return true;
    }
    if (a.isVariable()) {
      if (b.isVariable() && a.variable == b.variable) {
        return true;
      }
      return bind(a.variable, b);
    }
    if (b.isVariable()) {
      return bind(b.variable, a);
    }
    if (a.constructor != b.constructor || a.arguments.length != b.arguments.length) {
      return false;
    }
    if (a.ground && b.ground) {
      return a.equals(b);
    }
    for (int i = 0; i < a.arguments.length; i++) {
      if (!unify(a.arguments[i], b.arguments[i])) {
        return false;
      }
    }
    return true;
  }

  private boolean bind(int variable, FastType t) {
    if (occurs(variable, t)) {
      return false;
    }
    bindings[variable] = t;
    push(variable);
    return true;
  }

  private boolean occurs(int variable, FastType t) {
    if (t.ground) {
      return false;
    }
    t = shallow(t);
    if (t.isVariable()) {
      return t.variable == variable;
    }
    for (FastType a : t.arguments) {
      if (occurs(variable, a)) {
        return true;
      }
    }
    return false;
  }

  private void push(int variable) {
    if (trailSize == trail.length) {
      trail = Arrays.copyOf(trail, trailSize * 2);
    }
    trail[trailSize++] = variable;
  }

  private void ensure(int size) {
    if (size > bindings.length) {
      int n = Math.max(size, bindings.length * 2);
      bindings = Arrays.copyOf(bindings, n);
      variables = Arrays.copyOf(variables, n);
    }
  }
}

package reverie.engine.enumerate;

import java.util.Arrays;

/**
 * The enumerator's own immutable type term: an interned constructor id with arguments, or a
 * variable id.
 *
 * <p>Unlike {@link reverie.dsl.type.Type} it compares constructors by int and caches groundness, so
 * the hot path of enumeration resolves, encodes and instantiates types without string comparisons
 * or list copies.
 */
final class FastType {
  static final int VARIABLE = -1;
  private static final FastType[] NONE = new FastType[0];

  /** Interned constructor id, or {@link #VARIABLE}. */
  final int constructor;

  /** Variable id when {@link #constructor} is {@link #VARIABLE}. */
  final int variable;

  final FastType[] arguments;
  final boolean ground;
  // Preorder key encoding of a ground type, computed once (see CandidateCache); null for non-ground
  // types.
  private int[] code;

  private FastType(int constructor, int variable, FastType[] arguments) {
    this.constructor = constructor;
    this.variable = variable;
    this.arguments = arguments;
    boolean g = constructor != VARIABLE;
    for (FastType a : arguments) {
      g &= a.ground;
    }
    this.ground = g;
  }

  static FastType variable(int id) {
    return new FastType(VARIABLE, id, NONE);
  }

  static FastType constructor(int id, FastType... arguments) {
    return new FastType(id, 0, arguments.length == 0 ? NONE : arguments);
  }

  boolean isVariable() {
    return constructor == VARIABLE;
  }

  boolean isArrow() {
    return constructor == TypeNames.ARROW;
  }

  /** The preorder encoding used in candidate-table keys; only for ground types. */
  int[] code() {
    int[] c = code;
    if (c == null) {
      c = new int[nodes(this)];
      encodeGround(this, c, 0);
      code = c;
    }
    return c;
  }

  private static int nodes(FastType t) {
    int n = 1;
    for (FastType a : t.arguments) {
      n += nodes(a);
    }
    return n;
  }

  private static int encodeGround(FastType t, int[] buffer, int pos) {
    buffer[pos++] = TypeNames.encode(t.constructor, t.arguments.length);
    for (FastType a : t.arguments) {
      pos = encodeGround(a, buffer, pos);
    }
    return pos;
  }

  /** Largest variable id plus one (0 when ground). */
  int variableBound() {
    if (isVariable()) {
      return variable + 1;
    }
    int b = 0;
    for (FastType a : arguments) {
      b = Math.max(b, a.variableBound());
    }
    return b;
  }

  /**
   * Renames every variable {@code v} to {@code mapping[v]}; ground subterms are shared, not copied.
   */
  FastType rename(int[] mapping) {
    if (ground) {
      return this;
    }
    if (isVariable()) {
      return variable(mapping[variable]);
    }
    FastType[] args = new FastType[arguments.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = arguments[i].rename(mapping);
    }
    return new FastType(constructor, 0, args);
  }

  /**
   * Like {@link #rename(int[])}, with the unifier's shared variable terms (no allocation per
   * variable).
   */
  FastType rename(int[] mapping, Unifier u) {
    if (ground) {
      return this;
    }
    if (constructor == VARIABLE) {
      return u.variable(mapping[variable]);
    }
    FastType[] args = new FastType[arguments.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = arguments[i].rename(mapping, u);
    }
    return new FastType(constructor, 0, args);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FastType t)) {
      return false;
    }
    return constructor == t.constructor
        && (constructor != VARIABLE || variable == t.variable)
        && Arrays.equals(arguments, t.arguments);
  }

  @Override
  public int hashCode() {
    return constructor == VARIABLE
        ? 31 * variable + 7
        : 31 * constructor + Arrays.hashCode(arguments);
  }

  @Override
  public String toString() {
    return isVariable() ? "t" + variable : constructor + Arrays.toString(arguments);
  }
}

package reverie.engine.compress;

/**
 * A partial abstraction in the top-down search: the body filled so far in pre-order (the open holes are a
 * stack whose top is the leftmost), the corpus nodes it matches, and for each match what sits at each open
 * hole and what each argument receives.
 */
final class Pattern {
  static final int T_APP = 0;
  static final int T_LAM = 1;
  static final int T_VAR = 2;
  static final int T_PRIM = 3;
  static final int T_ARG = 4;

  /** The body so far in pre-order; a token is a kind (low 3 bits) and a payload. */
  final int[] tokens;
  /** Lambda depth of each open hole inside the body, stack order. */
  final int[] holeDepth;
  /** For each open hole, the node at that hole in each match. */
  final int[][] holeNodes;
  /** The matched corpus nodes. */
  final int[] locs;
  /** Lambda depth of the first occurrence of each argument. */
  final int[] argDepth;
  /** For each argument, the value it receives in each match (shifted out of the body; compare only). */
  final int[][] argShifted;
  /** For each argument, the corpus node at its first occurrence in each match. */
  final int[][] argOrig;
  /** Cost of the filled part of the body. */
  final int fixedCost;
  /** Upper bound on the utility of any completion. */
  final long bound;

  Pattern(
      int[] tokens,
      int[] holeDepth,
      int[][] holeNodes,
      int[] locs,
      int[] argDepth,
      int[][] argShifted,
      int[][] argOrig,
      int fixedCost,
      long bound) {
    this.tokens = tokens;
    this.holeDepth = holeDepth;
    this.holeNodes = holeNodes;
    this.locs = locs;
    this.argDepth = argDepth;
    this.argShifted = argShifted;
    this.argOrig = argOrig;
    this.fixedCost = fixedCost;
    this.bound = bound;
  }

  int arity() {
    return argDepth.length;
  }

  int holes() {
    return holeDepth.length;
  }

  static int token(int kind, int payload) {
    return kind | (payload << 3);
  }

  static int kind(int token) {
    return token & 7;
  }

  static int payload(int token) {
    return token >>> 3;
  }
}

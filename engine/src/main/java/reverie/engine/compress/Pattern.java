package reverie.engine.compress;

/**
 * A partial abstraction in the top-down search: the body filled so far in fill order (pre-order
 * with an application's argument before its function; the open holes are a stack), the corpus nodes
 * it matches, and where its open holes and arguments sit, as paths from the matched node and as
 * nodes per match.
 */
final class Pattern {
  static final int T_APP = 0;
  static final int T_LAM = 1;
  static final int T_VAR = 2;
  static final int T_PRIM = 3;
  static final int T_ARG = 4;

  /** Path steps. */
  static final int FUNCTION = 0;

  static final int ARGUMENT = 1;
  static final int BODY = 2;

  /** The body so far in pre-order; a token is a kind (low 3 bits) and a payload. */
  final int[] tokens;

  /** Path of each open hole from the matched node, stack order (top = last). */
  final int[][] holePaths;

  /**
   * Per open hole, the node at it in each match (set right after construction). Walking the hole's
   * path instead costs the body's depth per match, which dominated the search on deep corpora.
   */
  int[][] holeNodes;

  /** Lambda depth of each open hole inside the body. */
  final int[] holeDepth;

  /** Path of the first occurrence of each argument. */
  final int[][] argPaths;

  /** Lambda depth of the first occurrence of each argument. */
  final int[] argDepth;

  /**
   * For each argument, the value it receives in each match (shifted out of the body; compare only).
   */
  final int[][] argValues;

  /**
   * For each pair of arguments j > k (at j(j-1)/2 + k), a match where they receive different
   * values, or -1 when none is known yet (a new argument's pairs).
   */
  int[] differ = new int[0];

  /** The matched corpus nodes. */
  final int[] locs;

  /**
   * Per match: node cost - name cost - application cost x arity - cost of the arguments so far, an
   * upper bound on what the match alone can save.
   */
  final int[] slack;

  /** Cost of the filled part of the body. */
  final int fixedCost;

  /** Upper bound on the utility of any completion. */
  final long bound;

  Pattern(
      int[] tokens,
      int[][] holePaths,
      int[] holeDepth,
      int[][] argPaths,
      int[] argDepth,
      int[][] argValues,
      int[] locs,
      int[] slack,
      int fixedCost,
      long bound) {
    this.tokens = tokens;
    this.holePaths = holePaths;
    this.holeDepth = holeDepth;
    this.argPaths = argPaths;
    this.argDepth = argDepth;
    this.argValues = argValues;
    this.locs = locs;
    this.slack = slack;
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

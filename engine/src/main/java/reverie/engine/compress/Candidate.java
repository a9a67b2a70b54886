package reverie.engine.compress;

import java.util.Arrays;

/**
 * A finished abstraction found by the search: its body tokens, matches and exact utility (the
 * corpus cost reduction minus the structure penalty).
 */
record Candidate(
    int[] tokens,
    int[] locs,
    int[] argDepth,
    int[][] argOrig,
    long[] gain,
    int bodyCost,
    long reduction,
    long utility) {

  int arity() {
    return argDepth.length;
  }

  /** Deterministic order: higher utility first, then the token sequences lexicographically. */
  static int compare(Candidate a, Candidate b) {
    int c = Long.compare(b.utility, a.utility);
    return c != 0 ? c : Arrays.compare(a.tokens, b.tokens);
  }
}

package reverie.engine.compress;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * The exact cost reduction an abstraction brings to a corpus, by dynamic programming over the
 * hash-consed program graph: for every ancestor of a match, bottom-up, the best reduction inside
 * its subtree is either the sum of its children's or, at a match, the local gain plus the best
 * reductions inside the arguments. Overlapping matches are thus resolved optimally, and each task
 * counts by its cheapest program.
 *
 * <p>The result depends only on the subtree (matching is invariant under shifting free indices), so
 * one value per node id serves every occurrence. Scratch arrays are owned by one thread; reuse
 * across calls is why stamps are used instead of clearing.
 */
final class RewriteDp {
  private final Corpus corpus;
  private final int[] inSet;
  private final int[] matchStamp;
  private final int[] matchIndex;
  private final long[] best;
  private final int[] taskStamp;
  private int stamp;
  private int[] order = new int[256];
  // the nodes of the current run as a bit set, to list them in ascending order without sorting when
  // they
  // are many: on deep corpora the ancestors of a few matches reach a large part of the corpus
  private final long[] marked;
  private int count;

  RewriteDp(Corpus corpus) {
    this.corpus = corpus;
    inSet = new int[corpus.size];
    matchStamp = new int[corpus.size];
    matchIndex = new int[corpus.size];
    best = new long[corpus.size];
    taskStamp = new int[corpus.numTasks];
    marked = new long[(corpus.size + 63) >>> 6];
  }

  /**
   * The reduction of the corpus cost (sum over tasks of the cheapest program) when rewriting with
   * the matches {@code locs}, where using match {@code i} saves {@code gain[i]} plus what can be
   * saved inside its arguments {@code argOrig[j][i]}.
   */
  long reduction(int[] locs, long[] gain, int[][] argOrig) {
    run(locs, gain, argOrig);
    long total = 0;
    stampTasks();
    for (int t = 0; t < corpus.numTasks; t++) {
      if (taskStamp[t] == stamp) {
        long min = Long.MAX_VALUE;
        for (int p : corpus.programsOfTask[t]) {
          min = Math.min(min, corpus.programCost(p) - value(corpus.roots[p]));
        }
        total += corpus.taskCost[t] - min;
      }
    }
    return total;
  }

  private void stampTasks() {
    for (int p = 0; p < corpus.roots.length; p++) {
      int r = corpus.roots[p];
      if (inSet[r] == stamp && best[r] > 0) {
        taskStamp[corpus.taskOf[p]] = stamp;
      }
    }
  }

  /**
   * The best reduction inside node {@code n} after {@link #run} (0 for nodes without matches
   * below).
   */
  long value(int n) {
    return inSet[n] == stamp ? best[n] : 0;
  }

  /**
   * Whether the last {@link #run} rewrites node {@code n} with the abstraction; -1 if not, else the
   * match.
   */
  int useAt(int n, long[] gain, int[][] argOrig) {
    if (inSet[n] != stamp || matchStamp[n] != stamp) {
      return -1;
    }
    int i = matchIndex[n];
    long use = useValue(i, gain, argOrig);
    return use > childSum(n) ? i : -1;
  }

  /** Computes {@link #value} for every ancestor of a match. */
  void run(int[] locs, long[] gain, int[][] argOrig) {
    stamp++;
    if (stamp == Integer.MAX_VALUE) {
      throw new IllegalStateException("stamp overflow");
    }
    count = 0;
    for (int i = 0; i < locs.length; i++) {
      int n = locs[i];
      matchStamp[n] = stamp;
      matchIndex[n] = i;
      add(n);
    }
    for (int i = 0; i < count; i++) {
      int n = order[i];
      for (int k = corpus.parentStart[n]; k < corpus.parentStart[n + 1]; k++) {
        add(corpus.parents[k]);
      }
    }
    // ascending ids = children before parents
    if (count >= marked.length >>> 2) {
      int q = 0;
      for (int w = 0; w < marked.length; w++) {
        long bits = marked[w];
        while (bits != 0) {
          order[q++] = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
        }
        marked[w] = 0;
      }
    } else {
      for (int i = 0; i < count; i++) {
        marked[order[i] >>> 6] = 0;
      }
      IntArrays.quickSort(order, 0, count);
    }
    for (int i = 0; i < count; i++) {
      int n = order[i];
      long v = childSum(n);
      if (matchStamp[n] == stamp) {
        v = Math.max(v, useValue(matchIndex[n], gain, argOrig));
      }
      best[n] = v;
    }
  }

  private void add(int n) {
    if (inSet[n] == stamp) {
      return;
    }
    inSet[n] = stamp;
    marked[n >>> 6] |= 1L << n;
    best[n] = 0;
    if (count == order.length) {
      order = java.util.Arrays.copyOf(order, count * 2);
    }
    order[count++] = n;
  }

  private long useValue(int i, long[] gain, int[][] argOrig) {
    long v = gain[i];
    for (int[] column : argOrig) {
      v += value(column[i]);
    }
    return v;
  }

  private long childSum(int n) {
    NodeStore s = corpus.store;
    int k = s.kind(n);
    if (k == NodeStore.APP) {
      return value(s.left(n)) + value(s.right(n));
    }
    if (k == NodeStore.LAM) {
      return value(s.left(n));
    }
    return 0;
  }
}

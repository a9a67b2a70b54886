package reverie.engine.compress;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Canonical ids for corpus subtrees with their free indices shifted down, so that two argument
 * values taken at different lambda depths compare with one int comparison. A shifted term that
 * exists in the corpus gets its corpus id; others get fresh ids above the corpus. Thread-safe; ids
 * are only ever compared, never read back as nodes.
 */
final class ShiftedTerms {
  private final NodeStore store;
  private final int corpusSize;
  private final ConcurrentHashMap<Long, Integer> memo = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Integer> extra = new ConcurrentHashMap<>();
  private final AtomicInteger next;

  ShiftedTerms(Corpus corpus) {
    this.store = corpus.store;
    this.corpusSize = corpus.size;
    this.next = new AtomicInteger(corpusSize);
  }

  /**
   * The id of node {@code n} with every free index lowered by {@code d} (none may be below {@code
   * d}).
   */
  int down(int n, int d) {
    if (d == 0 || store.free(n) == 0) {
      return n;
    }
    long key = ((long) n << 6) | d;
    Integer known = memo.get(key);
    if (known != null) {
      return known;
    }
    int r = shift(n, d, 0);
    memo.put(key, r);
    return r;
  }

  private int shift(int n, int d, int cutoff) {
    if ((store.free(n) >>> cutoff) == 0) {
      return n;
    }
    switch (store.kind(n)) {
      case NodeStore.VAR:
        return term(NodeStore.VAR, store.left(n) - d, 0, false);
      case NodeStore.LAM:
        return term(NodeStore.LAM, shift(store.left(n), d, cutoff + 1), 0, true);
      case NodeStore.APP:
        int l = shift(store.left(n), d, cutoff);
        int r = shift(store.right(n), d, cutoff);
        return term(NodeStore.APP, l, r, true);
      default:
        throw new AssertionError("a primitive has no free index");
    }
  }

  private int term(int kind, int l, int r, boolean children) {
    if (!children || (l < corpusSize && r < corpusSize)) {
      int id = store.find(kind, l, r);
      if (id >= 0) {
        return id;
      }
    }
    return extra.computeIfAbsent(NodeStore.key(kind, l, r), k -> next.getAndIncrement());
  }
}

package reverie.engine.compress;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import reverie.dsl.InputException;

/**
 * Hash-consed terms in parallel int arrays: equal subtrees share one id, children always have
 * smaller ids than their parents, and each node knows its cost and its free de Bruijn indices (a
 * bit mask).
 *
 * <p>Why: the search compares and groups millions of subtrees; with hash-consing, equality is an
 * int comparison and every per-node fact is computed once. Not thread-safe while growing; the
 * search only reads a finished store.
 */
final class NodeStore {
  static final int APP = 0;
  static final int LAM = 1;
  static final int VAR = 2;
  static final int PRIM = 3;

  /** Free indices above this cannot be tracked in the 64-bit mask. */
  static final int MAX_INDEX = 62;

  private final CostModel costs;
  private final List<String> symbols;
  private final Object2IntOpenHashMap<String> symbolIds;
  private int[] kind = new int[1024];
  private int[] left = new int[1024];
  private int[] right = new int[1024];
  private int[] cost = new int[1024];
  private long[] free = new long[1024];
  private int size;
  // key (kind, left, right) -> id; fastutil because it is the hottest map of the whole compressor
  private final Long2IntOpenHashMap index = new Long2IntOpenHashMap();

  NodeStore(CostModel costs) {
    this(costs, new ArrayList<>());
  }

  /** A fresh store sharing the symbol table of {@code symbolsFrom} (so symbol ids stay valid). */
  NodeStore(CostModel costs, List<String> symbols) {
    this.costs = costs;
    this.symbols = new ArrayList<>(symbols);
    this.symbolIds = new Object2IntOpenHashMap<>();
    symbolIds.defaultReturnValue(-1);
    for (int i = 0; i < this.symbols.size(); i++) {
      symbolIds.put(this.symbols.get(i), i);
    }
    index.defaultReturnValue(-1);
  }

  CostModel costs() {
    return costs;
  }

  List<String> symbols() {
    return symbols;
  }

  int symbol(String name) {
    int id = symbolIds.getInt(name);
    if (id < 0) {
      id = symbols.size();
      symbols.add(name);
      symbolIds.put(name, id);
    }
    return id;
  }

  String symbolName(int id) {
    return symbols.get(id);
  }

  int size() {
    return size;
  }

  int kind(int n) {
    return kind[n];
  }

  /** Function of an application, body of a lambda, index of a variable, symbol of a primitive. */
  int left(int n) {
    return left[n];
  }

  /** Argument of an application. */
  int right(int n) {
    return right[n];
  }

  int cost(int n) {
    return cost[n];
  }

  /** Bit i is set when {@code $i} occurs free (counted from this node). */
  long free(int n) {
    return free[n];
  }

  static long key(int kind, int left, int right) {
    return ((long) kind << 62) | ((long) left << 31) | right;
  }

  /** The id of an existing node, or -1. */
  int find(int kind, int left, int right) {
    return index.get(key(kind, left, right));
  }

  int app(int f, int x) {
    return intern(APP, f, x);
  }

  int lam(int body) {
    return intern(LAM, body, 0);
  }

  int var(int i) {
    if (i > MAX_INDEX) {
      throw new InputException(
          "variable $" + i + " is too deep for the compressor (at most $" + MAX_INDEX + ")");
    }
    return intern(VAR, i, 0);
  }

  int prim(int symbol) {
    return intern(PRIM, symbol, 0);
  }

  int prim(String name) {
    return prim(symbol(name));
  }

  private int intern(int k, int l, int r) {
    long key = key(k, l, r);
    int id = index.get(key);
    if (id >= 0) {
      return id;
    }
    if (size == kind.length) {
      int n = size * 2;
      kind = Arrays.copyOf(kind, n);
      left = Arrays.copyOf(left, n);
      right = Arrays.copyOf(right, n);
      cost = Arrays.copyOf(cost, n);
      free = Arrays.copyOf(free, n);
    }
    id = size++;
    kind[id] = k;
    left[id] = l;
    right[id] = r;
    switch (k) {
      case APP -> {
        cost[id] = costs.application() + cost[l] + cost[r];
        free[id] = free[l] | free[r];
      }
      case LAM -> {
        cost[id] = costs.lambda() + cost[l];
        free[id] = free[l] >>> 1;
      }
      case VAR -> {
        cost[id] = costs.variable();
        free[id] = 1L << l;
      }
      default -> {
        cost[id] = costs.primitive();
        free[id] = 0;
      }
    }
    index.put(key, id);
    return id;
  }

  /** Copies node {@code n} of {@code from} (with the same symbol table) into this store. */
  int copy(NodeStore from, int n, int[] memo) {
    if (memo[n] >= 0) {
      return memo[n];
    }
    int r =
        switch (from.kind(n)) {
          case APP -> app(copy(from, from.left(n), memo), copy(from, from.right(n), memo));
          case LAM -> lam(copy(from, from.left(n), memo));
          case VAR -> var(from.left(n));
          default -> prim(from.symbolName(from.left(n)));
        };
    memo[n] = r;
    return r;
  }

  /** Node {@code n} with its free indices {@code >= cutoff} moved by {@code delta}. */
  int shift(int n, int delta, int cutoff) {
    if (delta == 0 || (free[n] >>> cutoff) == 0) {
      return n;
    }
    return switch (kind[n]) {
      case VAR -> var(left[n] + delta);
      case LAM -> lam(shift(left[n], delta, cutoff + 1));
      case APP -> {
        int l = shift(left[n], delta, cutoff);
        int r = shift(right[n], delta, cutoff);
        yield app(l, r);
      }
      default -> n;
    };
  }

  /**
   * Prints node {@code n}; arguments of a pattern are not nodes, so this prints plain programs
   * only. {@code lambda} is the keyword to print ("lam" for Stitch, "lambda" for DreamCoder).
   */
  String print(int n, String lambda) {
    StringBuilder sb = new StringBuilder();
    print(n, lambda, sb);
    return sb.toString();
  }

  private void print(int n, String lambda, StringBuilder sb) {
    switch (kind[n]) {
      case APP -> {
        // flatten the application spine: (f a b c)
        int depth = 0;
        int head = n;
        while (kind[head] == APP) {
          head = left[head];
          depth++;
        }
        int[] args = new int[depth];
        int h = n;
        for (int i = depth - 1; i >= 0; i--) {
          args[i] = right[h];
          h = left[h];
        }
        sb.append('(');
        print(head, lambda, sb);
        for (int a : args) {
          sb.append(' ');
          print(a, lambda, sb);
        }
        sb.append(')');
      }
      case LAM -> {
        sb.append('(').append(lambda).append(' ');
        print(left[n], lambda, sb);
        sb.append(')');
      }
      case VAR -> sb.append('$').append(left[n]);
      default -> sb.append(symbols.get(left[n]));
    }
  }
}

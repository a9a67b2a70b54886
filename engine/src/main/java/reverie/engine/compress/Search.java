package reverie.engine.compress;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One step of Stitch's top-down abstraction search: best-first over partial abstractions ordered by an
 * upper bound on utility, pruned against the best finished abstractions (branch and bound), returning the
 * {@code want} best finished abstractions.
 *
 * <p>The bound of a pattern is the sum over its matches of occurrences x (node cost - name cost), minus
 * the structure penalty of its filled part plus one cheapest leaf per open hole. Refining a hole only
 * removes matches and adds body cost, so the bound never grows, and a pattern whose bound is below the
 * {@code want}-th best utility found can be dropped with all its descendants.
 */
final class Search {
  private final Corpus corpus;
  private final NodeStore store;
  private final CompressionConfig config;
  private final CostModel costs;
  private final int want;
  private final long[] ub;
  private final ShiftedTerms shifted;
  private final Object lock = new Object();
  private final PriorityQueue<Pattern> queue =
      new PriorityQueue<>((a, b) -> Long.compare(b.bound, a.bound));
  private final List<Candidate> top = new ArrayList<>();
  private final Set<List<Integer>> seen = new HashSet<>();
  private volatile long cutoff = 1;
  private int active;
  private long expansions;
  private final Predicate<Candidate> accept;

  Search(Corpus corpus, CompressionConfig config, int want, Predicate<Candidate> accept) {
    this.accept = accept;
    this.corpus = corpus;
    this.store = corpus.store;
    this.config = config;
    this.costs = config.costs();
    this.want = want;
    this.shifted = new ShiftedTerms(corpus);
    ub = new long[corpus.size];
    for (int n = 0; n < corpus.size; n++) {
      ub[n] = corpus.occurrences[n] * Math.max(0, store.cost(n) - costs.primitive());
    }
  }

  long expansions() {
    return expansions;
  }

  /** The best finished abstractions, best first; empty when none has positive utility. */
  List<Candidate> run() {
    RewriteDp dp = new RewriteDp(corpus);
    seedArityZero(dp);
    Pattern root = rootPattern();
    if (root != null) {
      queue.add(root);
    }
    int threads = config.threads();
    if (threads <= 1) {
      work(dp);
    } else {
      List<Thread> workers = new ArrayList<>();
      List<Throwable> failures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        RewriteDp own = t == 0 ? dp : new RewriteDp(corpus);
        Thread th =
            new Thread(
                () -> {
                  try {
                    work(own);
                  } catch (Throwable e) {
                    synchronized (failures) {
                      failures.add(e);
                    }
                    synchronized (lock) {
                      queue.clear();
                      cutoff = Long.MAX_VALUE;
                      lock.notifyAll();
                    }
                  }
                },
                "compress-" + t);
        workers.add(th);
        th.start();
      }
      for (Thread th : workers) {
        try {
          th.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      if (!failures.isEmpty()) {
        Throwable f = failures.get(0);
        if (f instanceof RuntimeException r) {
          throw r;
        }
        if (f instanceof Error e) {
          throw e;
        }
        throw new IllegalStateException(f);
      }
    }
    return List.copyOf(top);
  }

  private long penalty(long bodyCost) {
    return (long) (bodyCost * config.structurePenalty());
  }

  private boolean inTwoTasks(int[] locs) {
    if (config.allowSingleTask()) {
      return true;
    }
    int first = -1;
    for (int n : locs) {
      if (corpus.multiTask[n]) {
        return true;
      }
      int t = corpus.firstTask[n];
      if (t >= 0) {
        if (first < 0) {
          first = t;
        } else if (first != t) {
          return true;
        }
      }
    }
    return false;
  }

  private Pattern rootPattern() {
    IntArrayList locs = new IntArrayList();
    long sum = 0;
    for (int n = 0; n < corpus.size; n++) {
      if (ub[n] > 0) {
        locs.add(n);
        sum += ub[n];
      }
    }
    int[] l = locs.toIntArray();
    if (l.length == 0 || !inTwoTasks(l)) {
      return null;
    }
    long bound = sum - penalty(costs.cheapestLeaf());
    return new Pattern(
        new int[0], new int[] {0}, new int[][] {l}, l, new int[0], new int[0][], new int[0][], 0, bound);
  }

  /** Every closed subtree as an arity-0 abstraction: a strong first cutoff for the search. */
  private void seedArityZero(RewriteDp dp) {
    IntArrayList nodes = new IntArrayList();
    for (int n = 0; n < corpus.size; n++) {
      if (store.free(n) == 0 && ub[n] > 0 && (config.allowSingleTask() || corpus.multiTask[n])) {
        nodes.add(n);
      }
    }
    long[] bounds = new long[corpus.size];
    for (int n : nodes) {
      bounds[n] = ub[n] - penalty(store.cost(n));
    }
    int[] order = nodes.toIntArray();
    IntArrays.quickSort(order, (a, b) -> Long.compare(bounds[b], bounds[a]));
    for (int n : order) {
      if (bounds[n] < cutoff) {
        break;
      }
      int[] locs = {n};
      long[] gain = {store.cost(n) - costs.primitive()};
      long reduction = dp.reduction(locs, gain, new int[0][]);
      long utility = reduction - penalty(store.cost(n));
      if (utility >= cutoff) {
        IntArrayList tokens = new IntArrayList();
        tokensOf(n, tokens);
        offer(
            new Candidate(
                tokens.toIntArray(), locs, new int[0], new int[0][], gain, store.cost(n), reduction, utility));
      }
    }
  }

  private void tokensOf(int n, IntArrayList out) {
    switch (store.kind(n)) {
      case NodeStore.APP -> {
        out.add(Pattern.token(Pattern.T_APP, 0));
        tokensOf(store.left(n), out);
        tokensOf(store.right(n), out);
      }
      case NodeStore.LAM -> {
        out.add(Pattern.token(Pattern.T_LAM, 0));
        tokensOf(store.left(n), out);
      }
      case NodeStore.VAR -> out.add(Pattern.token(Pattern.T_VAR, store.left(n)));
      default -> out.add(Pattern.token(Pattern.T_PRIM, store.left(n)));
    }
  }

  private void offer(Candidate c) {
    if (c.utility() < cutoff || (accept != null && !accept.test(c))) {
      return;
    }
    synchronized (lock) {
      if (c.utility() < cutoff) {
        return;
      }
      List<Integer> key = Arrays.stream(c.tokens()).boxed().toList();
      if (!seen.add(key)) {
        return;
      }
      int i = 0;
      while (i < top.size() && Candidate.compare(top.get(i), c) <= 0) {
        i++;
      }
      top.add(i, c);
      if (top.size() > want) {
        top.remove(top.size() - 1);
      }
      if (top.size() == want) {
        cutoff = Math.max(1, top.get(want - 1).utility());
      }
    }
  }

  private void work(RewriteDp dp) {
    while (true) {
      Pattern p;
      synchronized (lock) {
        while (true) {
          p = queue.poll();
          if (p != null && p.bound < cutoff) {
            queue.clear();
            p = null;
          }
          if (p != null) {
            active++;
            break;
          }
          if (active == 0) {
            lock.notifyAll();
            return;
          }
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          }
        }
      }
      List<Pattern> children = new ArrayList<>();
      try {
        expand(p, dp, children);
      } finally {
        synchronized (lock) {
          expansions++;
          for (Pattern c : children) {
            if (c.bound >= cutoff) {
              queue.add(c);
            }
          }
          active--;
          lock.notifyAll();
        }
      }
    }
  }

  private void expand(Pattern p, RewriteDp dp, List<Pattern> out) {
    int h = p.holes() - 1;
    int d = p.holeDepth[h];
    int[] at = p.holeNodes[h];
    int count = p.locs.length;
    Int2ObjectOpenHashMap<IntArrayList> groups = new Int2ObjectOpenHashMap<>();
    for (int i = 0; i < count; i++) {
      int n = at[i];
      int token;
      switch (store.kind(n)) {
        case NodeStore.APP -> token = Pattern.token(Pattern.T_APP, 0);
        case NodeStore.LAM -> token = Pattern.token(Pattern.T_LAM, 0);
        case NodeStore.VAR -> {
          if (store.left(n) >= d) {
            continue; // refers outside the abstraction: only an argument can take it
          }
          token = Pattern.token(Pattern.T_VAR, store.left(n));
        }
        default -> token = Pattern.token(Pattern.T_PRIM, store.left(n));
      }
      IntArrayList g = groups.get(token);
      if (g == null) {
        g = new IntArrayList();
        groups.put(token, g);
      }
      g.add(i);
    }
    int[] keys = groups.keySet().toIntArray();
    Arrays.sort(keys);
    for (int token : keys) {
      Pattern c = child(p, token, groups.get(token).toIntArray(), null, dp);
      if (c != null) {
        out.add(c);
      }
    }
    if (p.tokens.length == 0) {
      return; // a body that is just an argument never saves anything
    }
    long mask = d == 0 ? 0 : (d >= 64 ? -1L : (1L << d) - 1);
    IntArrayList valid = new IntArrayList();
    for (int i = 0; i < count; i++) {
      if ((store.free(at[i]) & mask) == 0) {
        valid.add(i);
      }
    }
    if (valid.isEmpty()) {
      return;
    }
    int[] v = valid.toIntArray();
    int[] values = new int[count];
    for (int i : v) {
      values[i] = shifted.down(at[i], d);
    }
    int arity = p.arity();
    for (int j = 0; j < arity; j++) {
      int[] column = p.argShifted[j];
      IntArrayList same = new IntArrayList();
      for (int i : v) {
        if (column[i] == values[i]) {
          same.add(i);
        }
      }
      if (!same.isEmpty()) {
        Pattern c = child(p, Pattern.token(Pattern.T_ARG, j), same.toIntArray(), null, dp);
        if (c != null) {
          out.add(c);
        }
      }
    }
    if (arity < config.maxArity()) {
      boolean constant = true;
      boolean closed = true;
      for (int i : v) {
        constant &= values[i] == values[v[0]];
        closed &= store.free(at[i]) == 0;
      }
      if (constant && closed) {
        return; // always the same closed value: inlining it is better
      }
      for (int j = 0; j < arity; j++) {
        boolean identical = true;
        int[] column = p.argShifted[j];
        for (int i : v) {
          if (column[i] != values[i]) {
            identical = false;
            break;
          }
        }
        if (identical) {
          return; // always equal to argument j: reusing it is better
        }
      }
      Pattern c = child(p, Pattern.token(Pattern.T_ARG, arity), v, values, dp);
      if (c != null) {
        out.add(c);
      }
    }
  }

  private int tokenCost(int token) {
    return switch (Pattern.kind(token)) {
      case Pattern.T_APP -> costs.application();
      case Pattern.T_LAM -> costs.lambda();
      case Pattern.T_VAR -> costs.variable();
      case Pattern.T_PRIM -> costs.primitive();
      default -> costs.argument();
    };
  }

  /**
   * The child of {@code p} that fills its top hole with {@code token} keeping the matches {@code sel}
   * (indices into p's matches); {@code values} is given for a new argument. Finished children are scored
   * and offered here; returns the child if it still has holes and can beat the cutoff.
   */
  private Pattern child(Pattern p, int token, int[] sel, int[] values, RewriteDp dp) {
    int h = p.holes() - 1;
    int d = p.holeDepth[h];
    int kind = Pattern.kind(token);
    int newHoles = kind == Pattern.T_APP ? 2 : kind == Pattern.T_LAM ? 1 : 0;
    int holes = h + newHoles;
    int fixed = p.fixedCost + tokenCost(token);
    long sum = 0;
    int[] locs = new int[sel.length];
    for (int i = 0; i < sel.length; i++) {
      locs[i] = p.locs[sel[i]];
      sum += ub[locs[i]];
    }
    long bound = sum - penalty(fixed + (long) holes * costs.cheapestLeaf());
    if (bound < cutoff || !inTwoTasks(locs)) {
      return null;
    }
    int[] tokens = Arrays.copyOf(p.tokens, p.tokens.length + 1);
    tokens[p.tokens.length] = token;
    int[] holeDepth = Arrays.copyOf(p.holeDepth, holes);
    int[][] holeNodes = new int[holes][];
    for (int k = 0; k < h; k++) {
      holeNodes[k] = select(p.holeNodes[k], sel);
    }
    int[] at = p.holeNodes[h];
    if (kind == Pattern.T_APP) {
      holeDepth[h] = d;
      holeDepth[h + 1] = d;
      int[] x = new int[sel.length];
      int[] f = new int[sel.length];
      for (int i = 0; i < sel.length; i++) {
        x[i] = store.right(at[sel[i]]);
        f[i] = store.left(at[sel[i]]);
      }
      holeNodes[h] = x;
      holeNodes[h + 1] = f;
    } else if (kind == Pattern.T_LAM) {
      holeDepth[h] = d + 1;
      int[] b = new int[sel.length];
      for (int i = 0; i < sel.length; i++) {
        b[i] = store.left(at[sel[i]]);
      }
      holeNodes[h] = b;
    }
    int arity = p.arity() + (values != null ? 1 : 0);
    int[] argDepth = Arrays.copyOf(p.argDepth, arity);
    int[][] argShifted = new int[arity][];
    int[][] argOrig = new int[arity][];
    for (int j = 0; j < p.arity(); j++) {
      argShifted[j] = select(p.argShifted[j], sel);
      argOrig[j] = select(p.argOrig[j], sel);
    }
    if (values != null) {
      argDepth[arity - 1] = d;
      argShifted[arity - 1] = select(values, sel);
      argOrig[arity - 1] = select(at, sel);
    }
    if (holes > 0) {
      return new Pattern(tokens, holeDepth, holeNodes, locs, argDepth, argShifted, argOrig, fixed, bound);
    }
    finish(tokens, locs, argDepth, argShifted, argOrig, fixed, dp);
    return null;
  }

  private static int[] select(int[] column, int[] sel) {
    int[] r = new int[sel.length];
    for (int i = 0; i < sel.length; i++) {
      r[i] = column[sel[i]];
    }
    return r;
  }

  private void finish(
      int[] tokens, int[] locs, int[] argDepth, int[][] argShifted, int[][] argOrig, int bodyCost, RewriteDp dp) {
    int arity = argDepth.length;
    // the pruning rules again on the final matches: a constant closed argument or two arguments that are
    // always equal make an abstraction that a simpler one dominates
    for (int j = 0; j < arity; j++) {
      boolean constant = true;
      for (int i = 1; i < locs.length && constant; i++) {
        constant = argShifted[j][i] == argShifted[j][0];
      }
      if (constant && store.free(argOrig[j][0]) == 0) {
        return;
      }
      for (int k = 0; k < j; k++) {
        if (Arrays.equals(argShifted[j], argShifted[k])) {
          return;
        }
      }
    }
    long[] gain = new long[locs.length];
    long base = costs.primitive() + (long) arity * costs.application();
    for (int i = 0; i < locs.length; i++) {
      long g = store.cost(locs[i]) - base;
      for (int j = 0; j < arity; j++) {
        g -= store.cost(argOrig[j][i]);
      }
      gain[i] = g;
    }
    long reduction = dp.reduction(locs, gain, argOrig);
    long utility = reduction - penalty(bodyCost);
    if (utility >= cutoff) {
      offer(new Candidate(tokens, locs, argDepth, argOrig, gain, bodyCost, reduction, utility));
    }
  }
}

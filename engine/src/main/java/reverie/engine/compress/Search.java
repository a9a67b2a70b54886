package reverie.engine.compress;

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
 * One step of Stitch's top-down abstraction search: best-first over partial abstractions ordered by
 * an upper bound on utility, pruned against the best finished abstractions (branch and bound),
 * returning the {@code want} best finished abstractions.
 *
 * <p>The bound of a pattern is the sum over its matches of occurrences x (node cost - name cost),
 * minus the structure penalty of its filled part plus one cheapest leaf per open hole. Refining a
 * hole only removes matches and adds body cost, so the bound never grows, and a pattern whose bound
 * is below the {@code want}-th best utility found can be dropped with all its descendants.
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
    Scratch first = new Scratch(corpus);
    seedArityZero(first.dp);
    Pattern root = rootPattern();
    if (root != null) {
      queue.add(root);
    }
    int threads = config.threads();
    if (threads <= 1) {
      work(first);
    } else {
      List<Thread> workers = new ArrayList<>();
      List<Throwable> failures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Scratch own = t == 0 ? first : new Scratch(corpus);
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
    int[] slack = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      slack[i] = store.cost(l[i]) - costs.primitive();
    }
    long bound = sum - penalty(costs.cheapestLeaf());
    Pattern root =
        new Pattern(
            new int[0],
            new int[][] {new int[0]},
            new int[] {0},
            new int[0][],
            new int[0],
            new int[0][],
            l,
            slack,
            0,
            bound);
    root.holeNodes = new int[][] {l};
    return root;
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
                tokens.toIntArray(),
                locs,
                new int[0],
                new int[0][],
                gain,
                store.cost(n),
                reduction,
                utility));
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

  private void work(Scratch sc) {
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
      // dive: keep refining the most promising child without queueing it, so finished abstractions
      // (and a
      // high cutoff) come early and fewer children are ever stored
      List<Pattern> children = new ArrayList<>();
      try {
        while (p != null) {
          children.clear();
          expand(p, sc, children);
          Pattern next = null;
          for (Pattern c : children) {
            if (next == null || c.bound > next.bound) {
              next = c;
            }
          }
          synchronized (lock) {
            expansions++;
            for (Pattern c : children) {
              if (c != next && c.bound >= cutoff) {
                queue.add(c);
              }
            }
            if (next != null && next.bound < cutoff) {
              next = null;
            }
            if (next != null && !queue.isEmpty() && active > 1) {
              lock.notifyAll();
            }
          }
          p = next;
        }
      } finally {
        synchronized (lock) {
          active--;
          lock.notifyAll();
        }
      }
    }
  }

  /**
   * The hole nodes of {@code c}, a child of {@code p} just expanded (so p's top hole nodes are
   * known), from p's arrays: the holes below the top keep their nodes for the kept matches; a
   * filled application or lambda opens holes at the children of the top hole's nodes.
   */
  private void deriveHoleNodes(Pattern p, Pattern c, int[] sel) {
    int h = p.holes() - 1;
    int[] at = p.holeNodes[h];
    int[][] nodes = new int[c.holes()][];
    for (int k = 0; k < h; k++) {
      nodes[k] = p.holeNodes[k] == null ? null : select(p.holeNodes[k], sel);
    }
    int kind = Pattern.kind(c.tokens[c.tokens.length - 1]);
    if (kind == Pattern.T_APP) {
      int[] argument = new int[sel.length];
      int[] function = new int[sel.length];
      for (int i = 0; i < sel.length; i++) {
        int n = at[sel[i]];
        argument[i] = store.right(n);
        function[i] = store.left(n);
      }
      nodes[h] = function;
      nodes[h + 1] = argument;
    } else if (kind == Pattern.T_LAM) {
      int[] body = new int[sel.length];
      for (int i = 0; i < sel.length; i++) {
        body[i] = store.left(at[sel[i]]);
      }
      nodes[h] = body;
    }
    c.holeNodes = nodes;
  }

  private int walk(int n, int[] path) {
    for (int step : path) {
      n = step == Pattern.ARGUMENT ? store.right(n) : store.left(n);
    }
    return n;
  }

  /** Per-worker buffers, sized for the largest match list (the whole corpus). */
  private static final class Scratch {
    final RewriteDp dp;
    final int[] tok;
    final int[] order;
    final int[] sel;
    final int[] values;
    final int[] valid;
    final long[] taskSum;
    final int[] touched;
    // tiny open-addressing map token -> group, cleared by the list of used slots
    final int[] slotKey = new int[1024];
    final int[] slotGroup = new int[1024];
    final int[] usedSlots = new int[1024];

    Scratch(Corpus corpus) {
      dp = new RewriteDp(corpus);
      int n = corpus.size + 1;
      tok = new int[n];
      order = new int[n];
      sel = new int[n];
      values = new int[n];
      valid = new int[n];
      taskSum = new long[corpus.numTasks];
      touched = new int[corpus.numTasks];
      Arrays.fill(slotKey, -1);
    }
  }

  private void expand(Pattern p, Scratch sc, List<Pattern> out) {
    int h = p.holes() - 1;
    int d = p.holeDepth[h];
    int[] path = p.holePaths[h];
    int count = p.locs.length;
    int[] at = p.holeNodes[h];
    int[] tok = sc.tok;
    for (int i = 0; i < count; i++) {
      int n = at[i];
      int token;
      switch (store.kind(n)) {
        case NodeStore.APP -> token = Pattern.token(Pattern.T_APP, 0);
        case NodeStore.LAM -> token = Pattern.token(Pattern.T_LAM, 0);
        case NodeStore.VAR -> {
          int index = store.left(n);
          // an index referring outside the abstraction: only an argument can take it
          token = index >= d ? -1 : Pattern.token(Pattern.T_VAR, index);
        }
        default -> token = Pattern.token(Pattern.T_PRIM, store.left(n));
      }
      tok[i] = token;
    }
    // group matches by what sits at the hole (counting sort; each group keeps its indices
    // ascending)
    int groups = 0;
    int[] groupToken = new int[16];
    int[] groupSize = new int[16];
    int mask = sc.slotKey.length - 1;
    for (int i = 0; i < count; i++) {
      int t = tok[i];
      if (t < 0) {
        continue;
      }
      int slot = (t * 0x9E3779B1) >>> 22 & mask;
      while (sc.slotKey[slot] != t && sc.slotKey[slot] != -1) {
        slot = (slot + 1) & mask;
      }
      int g;
      if (sc.slotKey[slot] == -1) {
        if (groups == groupToken.length) {
          groupToken = Arrays.copyOf(groupToken, groups * 2);
          groupSize = Arrays.copyOf(groupSize, groups * 2);
        }
        sc.slotKey[slot] = t;
        sc.slotGroup[slot] = groups;
        sc.usedSlots[groups] = slot;
        g = groups++;
        groupToken[g] = t;
        if (groups == sc.usedSlots.length - 1) {
          throw new IllegalStateException("too many distinct symbols at one hole");
        }
      } else {
        g = sc.slotGroup[slot];
      }
      groupSize[g]++;
      tok[i] = g;
    }
    for (int g = 0; g < groups; g++) {
      sc.slotKey[sc.usedSlots[g]] = -1;
    }
    int[] groupStart = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      groupStart[g + 1] = groupStart[g] + groupSize[g];
    }
    int[] fill = Arrays.copyOf(groupStart, groups);
    int[] order = sc.order;
    for (int i = 0; i < count; i++) {
      if (tok[i] >= 0) {
        order[fill[tok[i]]++] = i;
      }
    }
    // visit groups by token so that the order of children is deterministic
    Integer[] byToken = new Integer[groups];
    for (int g = 0; g < groups; g++) {
      byToken[g] = g;
    }
    final int[] tokens = groupToken;
    Arrays.sort(byToken, (a, b) -> Integer.compare(tokens[a], tokens[b]));
    for (int g : byToken) {
      Pattern c = child(p, groupToken[g], order, groupStart[g], groupSize[g], at, null, sc);
      if (c != null) {
        out.add(c);
      }
    }
    if (p.tokens.length == 0) {
      return; // a body that is just an argument never saves anything
    }
    long freeMask = d == 0 ? 0 : (d >= 64 ? -1L : (1L << d) - 1);
    int[] v = sc.valid;
    int validCount = 0;
    for (int i = 0; i < count; i++) {
      if ((store.free(at[i]) & freeMask) == 0) {
        v[validCount++] = i;
      }
    }
    if (validCount == 0) {
      return;
    }
    int[] values = sc.values;
    for (int k = 0; k < validCount; k++) {
      int i = v[k];
      values[i] = shifted.down(at[i], d);
    }
    int arity = p.arity();
    boolean identicalToSome = false;
    int[] same = sc.sel;
    for (int j = 0; j < arity; j++) {
      int[] column = p.argValues[j];
      int sameCount = 0;
      for (int k = 0; k < validCount; k++) {
        int i = v[k];
        if (column[i] == values[i]) {
          same[sameCount++] = i;
        }
      }
      if (sameCount == validCount) {
        identicalToSome = true;
      }
      if (sameCount > 0) {
        Pattern c = child(p, Pattern.token(Pattern.T_ARG, j), same, 0, sameCount, at, null, sc);
        if (c != null) {
          out.add(c);
        }
      }
    }
    if (arity < config.maxArity() && !identicalToSome) {
      boolean constant = true;
      boolean closed = true;
      int first = values[v[0]];
      for (int k = 0; k < validCount; k++) {
        int i = v[k];
        constant &= values[i] == first;
        closed &= store.free(at[i]) == 0;
      }
      if (constant && closed) {
        return; // always the same closed value: inlining it is better
      }
      Pattern c = child(p, Pattern.token(Pattern.T_ARG, arity), v, 0, validCount, at, values, sc);
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

  private static int[] extend(int[] path, int step) {
    int[] r = Arrays.copyOf(path, path.length + 1);
    r[path.length] = step;
    return r;
  }

  /**
   * The child of {@code p} that fills its top hole with {@code token} keeping the matches {@code
   * sel[from .. from+len)} (indices into p's matches, whose top-hole nodes are {@code at}); {@code
   * values} (per match of p, the shifted value) when the token opens a new argument. Matches that
   * can no longer save anything (slack <= 0) are dropped: the exact rewrite would never use them.
   * Finished children are scored and offered here; returns the child if it still has holes and can
   * beat the cutoff.
   */
  private Pattern child(
      Pattern p, int token, int[] sel, int from, int len, int[] at, int[] values, Scratch sc) {
    boolean newArg = values != null;
    int h = p.holes() - 1;
    int d = p.holeDepth[h];
    int kind = Pattern.kind(token);
    int newHoles = kind == Pattern.T_APP ? 2 : kind == Pattern.T_LAM ? 1 : 0;
    int holes = h + newHoles;
    int fixed = p.fixedCost + tokenCost(token);
    // a task cannot shrink below one leaf: matches inside one task are capped at that task's cost
    long sum = 0;
    int kept = 0;
    int touchedCount = 0;
    int argCost = costs.application();
    for (int k = from; k < from + len; k++) {
      int s = sel[k];
      int sl = p.slack[s];
      if (newArg) {
        sl -= argCost + store.cost(at[s]);
      }
      if (sl > 0) {
        int loc = p.locs[s];
        long v = corpus.occurrences[loc] * sl;
        if (corpus.multiTask[loc]) {
          sum += v;
        } else {
          int t = corpus.firstTask[loc];
          if (sc.taskSum[t] == 0) {
            sc.touched[touchedCount++] = t;
          }
          sc.taskSum[t] += v;
        }
        kept++;
      }
    }
    long leaf = costs.cheapestLeaf();
    for (int i = 0; i < touchedCount; i++) {
      int t = sc.touched[i];
      sum += Math.min(sc.taskSum[t], Math.max(0, corpus.taskCost[t] - leaf));
      sc.taskSum[t] = 0;
    }
    long bound = sum - penalty(fixed + (long) holes * costs.cheapestLeaf());
    if (bound < cutoff || kept == 0) {
      return null;
    }
    int[] keptSel = new int[kept];
    int[] locs = new int[kept];
    int[] slack = new int[kept];
    int q = 0;
    for (int k = from; k < from + len; k++) {
      int s = sel[k];
      int sl = p.slack[s];
      if (newArg) {
        sl -= argCost + store.cost(at[s]);
      }
      if (sl > 0) {
        keptSel[q] = s;
        locs[q] = p.locs[s];
        slack[q++] = sl;
      }
    }
    if (!inTwoTasks(locs)) {
      return null;
    }
    if (kept == 1 && store.free(locs[0]) == 0) {
      return null; // one closed subtree: the arity-zero abstraction of it is better and already
      // scored
    }
    int arity = p.arity() + (newArg ? 1 : 0);
    int[][] argValues = new int[arity][];
    for (int j = 0; j < p.arity(); j++) {
      argValues[j] = select(p.argValues[j], keptSel);
    }
    if (newArg) {
      argValues[arity - 1] = select(values, keptSel);
    }
    int[] differ = p.differ;
    if (kept < p.locs.length) {
      differ = differingMatches(argValues, p.differ, keptSel);
      if (differ == null) {
        return null;
      }
    }
    int[] tokens = Arrays.copyOf(p.tokens, p.tokens.length + 1);
    tokens[p.tokens.length] = token;
    int[] path = p.holePaths[h];
    int[] holeDepth = Arrays.copyOf(p.holeDepth, holes);
    int[][] holePaths = Arrays.copyOf(p.holePaths, holes);
    if (kind == Pattern.T_APP) {
      holeDepth[h] = d;
      holeDepth[h + 1] = d;
      // the argument is filled first: arguments are small, so the stack of open holes stays shallow
      // even
      // along a long application spine, and carrying every hole's nodes stays cheap
      holePaths[h] = extend(path, Pattern.FUNCTION);
      holePaths[h + 1] = extend(path, Pattern.ARGUMENT);
    } else if (kind == Pattern.T_LAM) {
      holeDepth[h] = d + 1;
      holePaths[h] = extend(path, Pattern.BODY);
    }
    int[] argDepth = p.argDepth;
    int[][] argPaths = p.argPaths;
    if (newArg) {
      argDepth = Arrays.copyOf(p.argDepth, p.arity() + 1);
      argDepth[p.arity()] = d;
      argPaths = Arrays.copyOf(p.argPaths, p.arity() + 1);
      argPaths[p.arity()] = path;
    }
    if (holes > 0) {
      Pattern c =
          new Pattern(
              tokens, holePaths, holeDepth, argPaths, argDepth, argValues, locs, slack, fixed,
              bound);
      c.differ = differ;
      deriveHoleNodes(p, c, keptSel);
      return c;
    }
    finish(tokens, locs, slack, argPaths, argDepth, fixed, sc.dp);
    return null;
  }

  /**
   * Stitch's argument capture and redundant argument rules, checked whenever the matches shrink: an
   * argument that receives one closed value everywhere, or two that always receive the same value,
   * mean a simpler abstraction (the value inlined, or one argument reused) does at least as well.
   * Returns null when one applies, else the new witnesses (see {@link Pattern#differ}): a parent's
   * witness that survives in {@code keptSel} is reused, which spares comparing two long, mostly
   * equal argument columns.
   */
  private int[] differingMatches(int[][] argValues, int[] parentDiffer, int[] keptSel) {
    int arity = argValues.length;
    int[] differ = new int[arity * (arity - 1) / 2];
    for (int j = 0; j < arity; j++) {
      int[] column = argValues[j];
      boolean constant = true;
      for (int i = 1; i < column.length && constant; i++) {
        constant = column[i] == column[0];
      }
      if (constant && column[0] < corpus.size && store.free(column[0]) == 0) {
        return null;
      }
      for (int k = 0; k < j; k++) {
        int pair = j * (j - 1) / 2 + k;
        int w =
            pair < parentDiffer.length && parentDiffer[pair] >= 0
                ? Arrays.binarySearch(keptSel, parentDiffer[pair])
                : -1;
        if (w < 0) {
          w = Arrays.mismatch(column, argValues[k]);
          if (w < 0) {
            return null;
          }
        }
        differ[pair] = w;
      }
    }
    return differ;
  }

  private static int[] select(int[] column, int[] sel) {
    if (sel.length == column.length) {
      return column; // sel is increasing, so it is the identity
    }
    int[] r = new int[sel.length];
    for (int i = 0; i < sel.length; i++) {
      r[i] = column[sel[i]];
    }
    return r;
  }

  private void finish(
      int[] tokens,
      int[] locs,
      int[] slack,
      int[][] argPaths,
      int[] argDepth,
      int bodyCost,
      RewriteDp dp) {
    int arity = argDepth.length;
    int[][] argOrig = new int[arity][locs.length];
    int[][] argShifted = new int[arity][locs.length];
    for (int j = 0; j < arity; j++) {
      for (int i = 0; i < locs.length; i++) {
        argOrig[j][i] = walk(locs[i], argPaths[j]);
        argShifted[j][i] = shifted.down(argOrig[j][i], argDepth[j]);
      }
    }
    // the pruning rules again on the final matches: a constant closed argument or two arguments
    // that are
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
    for (int i = 0; i < locs.length; i++) {
      gain[i] = slack[i];
    }
    long reduction = dp.reduction(locs, gain, argOrig);
    long utility = reduction - penalty(bodyCost);
    if (utility >= cutoff) {
      // the candidate speaks plain pre-order (function first) with arguments numbered by first
      // appearance
      int[] canonical = new int[tokens.length];
      int[] newIndex = new int[arity];
      Arrays.fill(newIndex, -1);
      int[] next = {0};
      canonicalize(tokens, new int[] {0}, canonical, new int[] {0}, newIndex, next);
      int[] depths = new int[arity];
      int[][] orig = new int[arity][];
      for (int j = 0; j < arity; j++) {
        depths[newIndex[j]] = argDepth[j];
        orig[newIndex[j]] = argOrig[j];
      }
      offer(new Candidate(canonical, locs, depths, orig, gain, bodyCost, reduction, utility));
    }
  }

  /**
   * Copies the subtree at {@code in[from[0]]} (fill order: an application's argument before its
   * function) to {@code out} in pre-order, renumbering arguments in order of first appearance
   * there.
   */
  private static void canonicalize(
      int[] in, int[] from, int[] out, int[] to, int[] newIndex, int[] next) {
    int t = in[from[0]++];
    int kind = Pattern.kind(t);
    if (kind == Pattern.T_APP) {
      int argumentStart = from[0];
      skip(in, from);
      out[to[0]++] = t;
      canonicalize(in, from, out, to, newIndex, next); // the function
      int end = from[0];
      from[0] = argumentStart;
      canonicalize(in, from, out, to, newIndex, next);
      from[0] = end;
    } else if (kind == Pattern.T_LAM) {
      out[to[0]++] = t;
      canonicalize(in, from, out, to, newIndex, next);
    } else if (kind == Pattern.T_ARG) {
      int j = Pattern.payload(t);
      if (newIndex[j] < 0) {
        newIndex[j] = next[0]++;
      }
      out[to[0]++] = Pattern.token(Pattern.T_ARG, newIndex[j]);
    } else {
      out[to[0]++] = t;
    }
  }

  private static void skip(int[] in, int[] from) {
    int open = 1;
    while (open > 0) {
      int kind = Pattern.kind(in[from[0]++]);
      open += kind == Pattern.T_APP ? 1 : kind == Pattern.T_LAM ? 0 : -1;
    }
  }
}

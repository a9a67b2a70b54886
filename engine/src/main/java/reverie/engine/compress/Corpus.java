package reverie.engine.compress;

import java.util.Arrays;

/**
 * The programs being compressed, as roots in one finished {@link NodeStore}, with what the search
 * needs per node: the distinct parents, how many times the node occurs in the corpus, and whether
 * it occurs in two or more tasks.
 */
final class Corpus {
  final NodeStore store;

  /** Number of nodes. */
  final int size;

  /** Root node of each program, in input order. */
  final int[] roots;

  /** Task of each program. */
  final int[] taskOf;

  final int numTasks;

  /** Programs of each task. */
  final int[][] programsOfTask;

  /** Cheapest program cost of each task. */
  final long[] taskCost;

  /** Sum of {@link #taskCost}: the corpus cost. */
  final long cost;

  /** Number of occurrences of each node over all programs (with repetition). */
  final long[] occurrences;

  /** CSR lists of distinct parents. */
  final int[] parentStart;

  final int[] parents;

  /** One task the node occurs in (-1 when unreachable) and whether it occurs in another one too. */
  final int[] firstTask;

  final boolean[] multiTask;

  Corpus(NodeStore store, int[] roots, int[] taskOf) {
    this.store = store;
    this.size = store.size();
    this.roots = roots.clone();
    this.taskOf = taskOf.clone();
    int tasks = 0;
    for (int t : taskOf) {
      tasks = Math.max(tasks, t + 1);
    }
    this.numTasks = tasks;
    int[] counts = new int[tasks];
    for (int t : taskOf) {
      counts[t]++;
    }
    programsOfTask = new int[tasks][];
    for (int t = 0; t < tasks; t++) {
      programsOfTask[t] = new int[counts[t]];
    }
    Arrays.fill(counts, 0);
    for (int p = 0; p < roots.length; p++) {
      programsOfTask[taskOf[p]][counts[taskOf[p]]++] = p;
    }
    taskCost = new long[tasks];
    long total = 0;
    for (int t = 0; t < tasks; t++) {
      long best = Long.MAX_VALUE;
      for (int p : programsOfTask[t]) {
        best = Math.min(best, store.cost(roots[p]));
      }
      taskCost[t] = programsOfTask[t].length == 0 ? 0 : best;
      total += taskCost[t];
    }
    cost = total;

    occurrences = new long[size];
    firstTask = new int[size];
    multiTask = new boolean[size];
    Arrays.fill(firstTask, -1);
    for (int p = 0; p < roots.length; p++) {
      occurrences[roots[p]]++;
      mergeTask(roots[p], taskOf[p]);
    }
    int[] parentCount = new int[size + 1];
    // children have smaller ids, so a descending sweep sees every parent before its children
    for (int n = size - 1; n >= 0; n--) {
      int k = store.kind(n);
      if (k == NodeStore.APP || k == NodeStore.LAM) {
        int l = store.left(n);
        occurrences[l] += occurrences[n];
        pass(n, l);
        parentCount[l]++;
        if (k == NodeStore.APP) {
          int r = store.right(n);
          occurrences[r] += occurrences[n];
          pass(n, r);
          if (r != l) {
            parentCount[r]++;
          }
        }
      }
    }
    parentStart = new int[size + 1];
    for (int n = 0; n < size; n++) {
      parentStart[n + 1] = parentStart[n] + parentCount[n];
    }
    parents = new int[parentStart[size]];
    int[] fill = Arrays.copyOf(parentStart, size);
    for (int n = 0; n < size; n++) {
      int k = store.kind(n);
      if (k == NodeStore.APP || k == NodeStore.LAM) {
        int l = store.left(n);
        parents[fill[l]++] = n;
        if (k == NodeStore.APP && store.right(n) != l) {
          parents[fill[store.right(n)]++] = n;
        }
      }
    }
  }

  private void mergeTask(int n, int task) {
    if (firstTask[n] < 0) {
      firstTask[n] = task;
    } else if (firstTask[n] != task) {
      multiTask[n] = true;
    }
  }

  private void pass(int parent, int child) {
    if (firstTask[parent] < 0) {
      return;
    }
    mergeTask(child, firstTask[parent]);
    if (multiTask[parent]) {
      multiTask[child] = true;
    }
  }

  /** Cost of program {@code p} as it stands. */
  long programCost(int p) {
    return store.cost(roots[p]);
  }
}

package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.program.Program;
import reverie.tasks.Example;
import reverie.tasks.Likelihood;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * Scores candidates on tasks for one worker thread: the fast path runs the enumerator's incremental
 * {@link Code} and applies the domain's likelihood, stopping at the first example that does not
 * match; a candidate that passes is then scored by the {@link Scorer} itself, whose verdict is the
 * one that counts. Owns mutable budgets: one checker per thread.
 */
final class TaskChecker {
  private final Scorer scorer;
  private final Likelihood likelihood;
  private final Budget official;
  private Budget shared;
  // The last fast run: its code, inputs and outcome (an output, or Code.FAILED). The enumerator
  // checks each program against every task still searching, and tasks often share their inputs
  // (every LOGO task runs on the start state): a program is then run once per distinct input, not
  // once per task. Code is immutable and runs deterministically (budget failures are re-run on a
  // fresh budget), so a remembered outcome is the one a new run would give.
  private Code lastCode;
  private java.util.List<Object> lastInputs;
  private Object lastOutput;
  // What the last run cost: steps plus list cells (0 when the memo answered).
  private long lastRunCost;
  private final java.util.Map<Task, ExampleOrder> orders = new java.util.IdentityHashMap<>();
  private Task lastTask;
  private ExampleOrder lastOrder;

  TaskChecker(Scorer scorer) {
    this.scorer = scorer;
    this.likelihood = scorer.likelihood();
    this.official = scorer.meter();
    this.shared = scorer.meter();
  }

  /**
   * Whether fast-path {@code code} matches every example of {@code task} (a finite log-likelihood).
   *
   * <p>Only the evaluator can restart a {@link Budget}, and a fresh one per run costs an allocation
   * and a clock read, which adds up over millions of short runs. So runs share one budget, whose
   * counters and clock carry over, and a run that exceeds it is run again with a fresh budget: the
   * verdict is always that of a fresh budget.
   *
   * <p>The examples are tried in the task's {@link ExampleOrder}; the verdict is the same in any
   * order.
   */
  boolean passes(Code code, Task task) {
    return passes(code, task, orderOf(task));
  }

  /** As {@link #passes(Code, Task)}, with the order kept by the caller for this checker. */
  boolean passes(Code code, Task task, ExampleOrder order) {
    // Indexed, not for-each: an ImmutableList iterator per candidate and task shows in profiles.
    ImmutableList<Example> examples = task.examples();
    if (examples.size() < 2) {
      return examples.isEmpty() || matches(code, examples.get(0));
    }
    if (order.nextCheckProbes()) {
      return probe(code, examples, order);
    }
    int[] tried = order.order;
    for (int i = 0; i < tried.length; i++) {
      if (!matches(code, examples.get(tried[i]))) {
        return false;
      }
    }
    return true;
  }

  private boolean matches(Code code, Example e) {
    Object out = runFast(code, e);
    return out != Code.FAILED
        && likelihood.logLikelihood(out, e.output()) != Double.NEGATIVE_INFINITY;
  }

  /**
   * A check that measures: every example is run, starting from a different one each time, so that
   * each is measured as often at the front as the others, until the first rejection and then on
   * while the runs after it stay cheap (a candidate that loops costs its budget once per example it
   * is run on).
   */
  private boolean probe(Code code, ImmutableList<Example> examples, ExampleOrder order) {
    int n = examples.size();
    int first = (int) (order.checks % n);
    boolean passes = true;
    long afterRejection = 0;
    for (int k = 0; k < n; k++) {
      int i = (first + k) % n;
      boolean match = matches(code, examples.get(i));
      order.record(i, lastRunCost, !match);
      if (!passes) {
        afterRejection += lastRunCost;
        if (afterRejection > ExampleOrder.PROBE_COST) {
          break;
        }
      }
      passes &= match;
    }
    order.probed();
    return passes;
  }

  private ExampleOrder orderOf(Task task) {
    if (task != lastTask) {
      lastTask = task;
      lastOrder = orders.computeIfAbsent(task, ExampleOrder::of);
    }
    return lastOrder;
  }

  /** The order in which {@code task}'s examples are tried now (for tests). */
  int[] order(Task task) {
    return orderOf(task).order.clone();
  }

  /**
   * The order in which one task's examples are tried. Most candidates fail, and a check stops at
   * the first example that rejects, so a check costs what the examples before that one cost. Tried
   * by ascending cost per rejection (the steps and list cells a run takes, over the share of runs
   * that reject), cheap and selective examples come first and the expected cost is least: the
   * classic order of independent filters. The figures are measured, not guessed from the inputs'
   * sizes, since what an example costs depends on the programs being tried: the first {@link
   * #PROBES} checks of the task run every example, and so do {@link #PROBES} more after intervals
   * that grow sixteenfold; the order is sorted again after each such window and fixed in between.
   */
  static final class ExampleOrder {
    static final int PROBES = 64;
    // A probe stops once the runs after the first rejection have cost this much (steps and cells).
    static final long PROBE_COST = 20_000;
    private static final long FIRST_INTERVAL = 4_096;

    final int[] order;
    private final long[] cost;
    private final long[] rejections;
    private long checks;
    // The first check of the current or next measuring window.
    private long probeStart;

    /** The order of a task not yet measured: the task's own. */
    static ExampleOrder of(Task task) {
      return new ExampleOrder(task.examples().size());
    }

    private ExampleOrder(int examples) {
      order = new int[examples];
      for (int i = 0; i < examples; i++) {
        order[i] = i;
      }
      cost = new long[examples];
      rejections = new long[examples];
    }

    /** Counts a check; returns whether it measures. */
    boolean nextCheckProbes() {
      long k = checks++;
      return k >= probeStart && k < probeStart + PROBES;
    }

    void record(int example, long runCost, boolean rejected) {
      cost[example] += runCost;
      if (rejected) {
        rejections[example]++;
      }
    }

    /** A measuring check is over: at the end of a window, sorts the examples, plans the next. */
    void probed() {
      if (checks == probeStart + PROBES) {
        Integer[] sorted = new Integer[order.length];
        for (int i = 0; i < sorted.length; i++) {
          sorted[i] = i;
        }
        // One added to both sides: an example that never rejected sorts by its cost alone,
        // behind every one that did at a similar cost. Ties keep the task's order.
        java.util.Arrays.sort(
            sorted,
            java.util.Comparator.comparingDouble(i -> (cost[i] + 1.0) / (rejections[i] + 1.0)));
        for (int i = 0; i < sorted.length; i++) {
          order[i] = sorted[i];
        }
        probeStart = probeStart == 0 ? FIRST_INTERVAL : probeStart * 16;
      }
    }
  }

  /** The output of {@code code} on {@code e}'s inputs, or {@link Code#FAILED}. */
  private Object runFast(Code code, Example e) {
    if (code == lastCode && sameInputs(e.inputs(), lastInputs)) {
      lastRunCost = 0;
      return lastOutput;
    }
    lastCode = code;
    lastInputs = e.inputs();
    lastOutput = runFresh(code, e);
    return lastOutput;
  }

  /**
   * Whether two input tuples are the same values: element by element identity, which is cheap and
   * enough (tasks that share inputs share the value objects, as LOGO's start state).
   */
  private static boolean sameInputs(java.util.List<Object> a, java.util.List<Object> b) {
    if (a == b) {
      return true;
    }
    if (b == null || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  private Object runFresh(Code code, Example e) {
    long before = shared.steps() + shared.cells();
    Object out = Code.attempt(code, e.inputs(), shared);
    if (out == Code.FAILED && Code.pending().budgetExceeded()) {
      shared = scorer.meter();
      out = Code.attempt(code, e.inputs(), shared);
      before = 0;
    }
    lastRunCost = shared.steps() + shared.cells() - before;
    return out;
  }

  /** Compiles {@code program} with the official evaluator. */
  CompiledProgram compile(Program program) {
    return scorer.compile(program);
  }

  /** The official log-likelihood of {@code task} under {@code program}. */
  double logLikelihood(CompiledProgram program, Task task) {
    return scorer.logLikelihood(task, program, official);
  }
}

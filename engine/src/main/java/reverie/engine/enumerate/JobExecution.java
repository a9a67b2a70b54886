package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.program.Program;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * One {@link SearchJob} being run: enumerates its request under its grammar, checks every program
 * against the tasks still searching, keeps each task's best programs, and charges CPU time.
 *
 * <p>A task stops searching when it has {@code topK} programs or when the CPU time charged to it
 * reaches the timeout; the job's CPU time is charged in equal shares to its searching tasks. Under
 * a program budget a task stops after exactly that many programs have been checked against it, and
 * the job runs on one thread whatever it is given, so that which programs those are is the
 * enumeration's canonical order and not the threads' timing. The counters may be read from another
 * thread while the job runs (for progress).
 */
public final class JobExecution {
  private static final int FLUSH_INTERVAL = 256;

  private final SearchJob job;
  private final Scorer scorer;
  private final List<TaskState> tasks = new ArrayList<>();
  // Programs each task may be checked against; Long.MAX_VALUE without a program budget.
  private final long maxPrograms;
  // The tasks still searching; replaced (never mutated) when one finishes, read without locking.
  private volatile TaskState[] active;
  private double chargedNanos;
  // Written under the job's lock; read racily by progress reporters.
  private volatile long programs;
  private volatile Runnable onTaskFinished = () -> {};

  /** An execution of {@code job} scored by {@code scorer} (of the job's domain and budget). */
  public JobExecution(SearchJob job, Scorer scorer) {
    if (!scorer.domain().name().equals(job.domain())) {
      throw new IllegalArgumentException(
          "job "
              + job.id()
              + " is of domain "
              + job.domain()
              + ", the scorer of "
              + scorer.domain().name());
    }
    this.job = job;
    this.scorer = scorer;
    this.maxPrograms = job.budget().maxPrograms().orElse(Long.MAX_VALUE);
    for (Task t : job.tasks()) {
      tasks.add(new TaskState(t, tasks.size()));
    }
    active = tasks.toArray(new TaskState[0]);
  }

  /** Runs {@code job} to the end on {@code threads} threads and returns its result. */
  public static JobResult run(SearchJob job, Scorer scorer, int threads) {
    return new JobExecution(job, scorer).run(threads, () -> false);
  }

  public SearchJob job() {
    return job;
  }

  /** Called (from a worker thread) whenever a task stops searching. */
  public void onTaskFinished(Runnable r) {
    onTaskFinished = r;
  }

  /**
   * Runs the enumeration on {@code threads} threads (the search space split as {@link
   * ProgramEnumeration} does; one under a program budget) until every task has stopped or {@code
   * cancelled} answers true.
   */
  public JobResult run(int threads, BooleanSupplier cancelled) {
    // The domain's symmetry rules: programs a no larger one does better are never checked.
    ProgramEnumeration enumeration =
        new ProgramEnumeration(job.grammar(), job.request(), scorer.domain().symmetries());
    ProgramEnumeration.Outcome outcome =
        enumeration.run(
            maxPrograms == Long.MAX_VALUE ? threads : 1,
            job.budget().maxDescriptionLength(),
            w -> new Checker(new CodeBuilder(enumeration.grammar(), scorer.table())),
            () -> active.length == 0 || cancelled.getAsBoolean());
    finishAll(outcome.programs());
    return result();
  }

  /** Tasks that have stopped searching. */
  public int finished() {
    int n = 0;
    for (TaskState s : tasks) {
      n += s.done ? 1 : 0;
    }
    return n;
  }

  /** Tasks with at least one program. */
  public int solved() {
    int n = 0;
    for (TaskState s : tasks) {
      n += s.solved() ? 1 : 0;
    }
    return n;
  }

  /** Programs enumerated so far. */
  public long programs() {
    return programs;
  }

  /** The tasks' outcomes so far, in the job's order. */
  public synchronized JobResult result() {
    ImmutableList.Builder<TaskOutcome> outcomes = ImmutableList.builder();
    for (TaskState s : tasks) {
      outcomes.add(s.outcome());
    }
    return new JobResult(job.id(), outcomes.build(), chargedNanos / 1e9, programs);
  }

  /** Charges CPU time in equal shares to the searching tasks; ends those over the timeout. */
  private synchronized void charge(long cpuNanos, long programCount) {
    programs += programCount;
    TaskState[] now = active;
    if (now.length == 0) {
      return;
    }
    chargedNanos += cpuNanos;
    double share = (double) cpuNanos / now.length;
    double limit = job.budget().timeoutSeconds() * 1e9;
    boolean changed = false;
    for (TaskState s : now) {
      s.chargedNanos += share;
      s.programsTried += programCount;
      if (s.chargedNanos >= limit) {
        s.done = true;
        changed = true;
      }
    }
    if (changed) {
      refreshActive();
    }
  }

  private synchronized void finished(TaskState s, long unflushedPrograms) {
    s.programsTried += unflushedPrograms;
    s.done = true;
    refreshActive();
  }

  private void refreshActive() {
    List<TaskState> still = new ArrayList<>();
    for (TaskState s : active) {
      if (!s.done) {
        still.add(s);
      }
    }
    active = still.toArray(new TaskState[0]);
    onTaskFinished.run();
  }

  /** Stops every task; {@code enumerated} counts the programs since the workers' last flush too. */
  private synchronized void finishAll(long enumerated) {
    programs = Math.max(programs, enumerated);
    for (TaskState s : tasks) {
      s.done = true;
    }
    active = new TaskState[0];
  }

  /** One task's state: its best programs so far and the CPU time charged to it. */
  private final class TaskState {
    final Task task;
    // The task's place in the job: workers keep per-task state in arrays by it.
    final int index;
    final List<FrontierEntry> entries = new ArrayList<>();
    volatile boolean done;
    double chargedNanos;
    long programsTried;
    // Under a program budget: programs checked against the task, counted exactly (one thread).
    long checked;

    TaskState(Task task, int index) {
      this.task = task;
      this.index = index;
    }

    /** Offers a program that solves the task; returns true when the frontier became full. */
    synchronized boolean offer(Program p, double logPrior, double logLikelihood) {
      for (FrontierEntry e : entries) {
        if (e.program().equals(p)) {
          return false;
        }
      }
      entries.add(new FrontierEntry(p, logPrior, logLikelihood));
      entries.sort(Frontier.BEST_FIRST);
      int k = job.budget().topK();
      while (entries.size() > k) {
        entries.remove(entries.size() - 1);
      }
      return entries.size() >= k;
    }

    synchronized TaskOutcome outcome() {
      return new TaskOutcome(
          task.name(),
          new Frontier(task.name(), task.request(), ImmutableList.copyOf(entries)),
          chargedNanos / 1e9,
          maxPrograms == Long.MAX_VALUE ? programsTried : checked);
    }

    synchronized boolean solved() {
      return !entries.isEmpty();
    }
  }

  /**
   * A worker's sink: checks each program's fast code against the searching tasks, confirms a pass
   * with the scorer, and reports CPU time.
   */
  private final class Checker implements CodeSink {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final CodeBuilder builder;
    private final TaskChecker checker;
    // The order in which this worker tries each task's examples, by TaskState.index: an array,
    // since a program is checked against every task still searching.
    private final TaskChecker.ExampleOrder[] orders = new TaskChecker.ExampleOrder[tasks.size()];
    private Thread thread;
    private long lastCpu;
    private int pending;

    Checker(CodeBuilder builder) {
      this.builder = builder;
      this.checker = new TaskChecker(scorer);
    }

    @Override
    public CodeBuilder codeBuilder() {
      return builder;
    }

    @Override
    public boolean accept(Program program, Code code, double logPrior) {
      if (++pending >= FLUSH_INTERVAL) {
        flush();
      }
      CompiledProgram official = null;
      for (TaskState s : active) {
        if (s.done) {
          continue;
        }
        // Under a program budget, the task's last program: it stops after this check.
        boolean last = maxPrograms != Long.MAX_VALUE && ++s.checked >= maxPrograms;
        TaskChecker.ExampleOrder order = orders[s.index];
        if (order == null) {
          order = orders[s.index] = TaskChecker.ExampleOrder.of(s.task);
        }
        if (checker.passes(code, s.task, order)) {
          if (official == null) {
            official = checker.compile(program);
          }
          double logLikelihood = checker.logLikelihood(official, s.task);
          if (logLikelihood > Double.NEGATIVE_INFINITY
              && s.offer(program, logPrior, logLikelihood)) {
            // The programs of this worker since its last flush would otherwise be charged only to
            // the tasks still searching: count them here so a task finished inside the first flush
            // interval does not report 0 programs tried (other workers' unflushed ones are lost).
            finished(s, pending);
            continue;
          }
        }
        if (last) {
          finished(s, pending);
        }
      }
      return active.length > 0;
    }

    private void flush() {
      long now = CPU.getCurrentThreadCpuTime();
      // Worker sinks may move between pool threads from one window to the next; a new thread
      // restarts the clock (losing at most one flush interval of time).
      if (Thread.currentThread() != thread) {
        thread = Thread.currentThread();
        lastCpu = now;
      }
      charge(now - lastCpu, pending);
      lastCpu = now;
      pending = 0;
    }
  }
}

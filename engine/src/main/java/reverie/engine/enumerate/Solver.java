package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domains;
import reverie.tasks.Example;
import reverie.tasks.Task;

/**
 * The wake phase: searches programs for tasks in decreasing prior order and keeps each task's best
 * programs.
 *
 * <p>Tasks with the same request type and the same grammar form one job with one enumeration; every
 * program is checked against each task of the job that is still searching. A task stops searching
 * when it has {@code topK} programs or when the CPU time charged to it reaches the timeout; the CPU
 * time of a job is charged in equal shares to its searching tasks. With at least as many jobs as
 * threads, jobs run in parallel on one thread each; otherwise the threads are divided among the
 * jobs and each job's search space is split (see {@link ProgramEnumeration}).
 */
public final class Solver {
  private static final int FLUSH_INTERVAL = 256;

  private Solver() {}

  /**
   * A task as the solver sees it: a name, a request, a domain and the examples as parallel lists of
   * inputs and outputs; {@code source} is what the caller passed in (a {@code Task}), handed back
   * in results.
   */
  record Problem(
      String name,
      Type request,
      String domain,
      List<List<Object>> inputs,
      List<Object> outputs,
      Object source) {}

  /** Solves with one unigram grammar for every task. */
  public static SolveResult solve(List<Task> tasks, Grammar grammar, SolveConfig config) {
    ContextualGrammar g = contextual(grammar);
    return solve(tasks, t -> g, config);
  }

  /** Solves with one contextual grammar for every task. */
  public static SolveResult solve(List<Task> tasks, ContextualGrammar grammar, SolveConfig config) {
    return solve(tasks, t -> grammar, config);
  }

  /**
   * Solves with a grammar per task (for example from a recognition model); tasks whose grammars are
   * equal and whose requests are equal share one enumeration.
   */
  public static SolveResult solve(
      List<Task> tasks, Function<? super Task, ContextualGrammar> grammarOf, SolveConfig config) {
    List<Problem> problems = new ArrayList<>();
    for (Task t : tasks) {
      List<List<Object>> inputs = new ArrayList<>();
      List<Object> outputs = new ArrayList<>();
      for (Example e : t.examples()) {
        inputs.add(e.inputs());
        outputs.add(e.output());
      }
      problems.add(new Problem(t.name(), t.request(), t.domain(), inputs, outputs, t));
    }
    Outcome outcome = solveProblems(problems, p -> grammarOf.apply((Task) p.source()), config);
    ImmutableList.Builder<TaskResult> results = ImmutableList.builder();
    for (ProblemResult r : outcome.results()) {
      results.add(
          new TaskResult(
              (Task) r.problem().source(), r.frontier(), r.seconds(), r.programsTried()));
    }
    return new SolveResult(
        results.build(), outcome.cpuSeconds(), outcome.wallSeconds(), outcome.programs());
  }

  /** What solving did for one problem (see {@link TaskResult}). */
  record ProblemResult(Problem problem, Frontier frontier, double seconds, long programsTried) {}

  /** The totals of a run and one result per problem, in order. */
  record Outcome(
      List<ProblemResult> results, double cpuSeconds, double wallSeconds, long programs) {}

  static Outcome solveProblems(
      List<Problem> tasks, Function<Problem, ContextualGrammar> grammarOf, SolveConfig config) {
    checkArgument(
        tasks.stream().map(Problem::name).distinct().count() == tasks.size(),
        "task names must be distinct");
    long wallStart = System.nanoTime();
    Map<List<Object>, Job> byKey = new LinkedHashMap<>();
    List<TaskState> states = new ArrayList<>();
    for (Problem t : tasks) {
      ContextualGrammar g = grammarOf.apply(t);
      Job job =
          byKey.computeIfAbsent(
              List.of(g, t.request(), t.domain()),
              k -> new Job(g, t.request(), t.domain(), config));
      TaskState s = new TaskState(t, job);
      job.add(s);
      states.add(s);
    }
    List<Job> jobs = new ArrayList<>(byKey.values());
    jobs.forEach(Job::start);
    Progress progress = new Progress(jobs, tasks.size(), config.listener(), wallStart);
    jobs.forEach(j -> j.progress = progress);
    ScheduledExecutorService ticker = null;
    if (config.listener() != SolveListener.NONE) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread th = new Thread(r, "solve-progress");
                th.setDaemon(true);
                return th;
              });
      ticker.scheduleAtFixedRate(progress::report, 1, 1, TimeUnit.SECONDS);
    }
    int threads = config.threads();
    // Each job gets threads in proportion to its budget (tasks x timeout), rounded up; jobs start
    // largest
    // first and each waits until its threads are free. A job holding all the budget gets every
    // thread and
    // splits its search; many small jobs run side by side on one thread each. The total wall time
    // is then
    // close to the total budget divided by the threads.
    List<Job> order = new ArrayList<>(jobs);
    order.sort((a, b) -> Integer.compare(b.tasks.size(), a.tasks.size()));
    int totalTasks = tasks.size();
    Semaphore free = new Semaphore(threads, true);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(jobs.size(), threads)),
            r -> {
              Thread th = new Thread(r, "solve-job");
              th.setDaemon(true);
              return th;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Job job : order) {
        int share =
            Math.min(
                threads,
                Math.max(
                    1, (int) Math.ceil((double) threads * job.tasks.size() / totalTasks - 1e-9)));
        futures.add(
            pool.submit(
                () -> {
                  free.acquireUninterruptibly(share);
                  try {
                    job.run(share);
                  } finally {
                    free.release(share);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while solving", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      if (ticker != null) {
        ticker.shutdownNow();
      }
    }
    progress.report();
    List<ProblemResult> results = new ArrayList<>();
    double cpu = 0;
    long programs = 0;
    for (Job j : jobs) {
      cpu += j.chargedNanos / 1e9;
      programs += j.programs;
    }
    for (TaskState s : states) {
      results.add(s.result());
    }
    return new Outcome(results, cpu, (System.nanoTime() - wallStart) / 1e9, programs);
  }

  /** The contextual grammar that uses {@code g} in every context. */
  public static ContextualGrammar contextual(Grammar g) {
    return CompiledGrammar.contextual(g);
  }

  /** One task's state: its best programs so far and the CPU time charged to it. */
  private static final class TaskState {
    final Problem task;
    final Job job;
    final List<FrontierEntry> entries = new ArrayList<>();
    volatile boolean done;
    double chargedNanos;
    long programsTried;

    TaskState(Problem task, Job job) {
      this.task = task;
      this.job = job;
    }

    /** Offers a program that passed every example; returns true when the frontier became full. */
    synchronized boolean offer(Program p, double logPrior, int k) {
      for (FrontierEntry e : entries) {
        if (e.program().equals(p)) {
          return false;
        }
      }
      entries.add(new FrontierEntry(p, logPrior, 0.0));
      entries.sort(Frontier.BEST_FIRST);
      while (entries.size() > k) {
        entries.remove(entries.size() - 1);
      }
      return entries.size() >= k;
    }

    synchronized ProblemResult result() {
      return new ProblemResult(
          task,
          new Frontier(task.name(), task.request(), ImmutableList.copyOf(entries)),
          chargedNanos / 1e9,
          programsTried);
    }

    synchronized boolean solved() {
      return !entries.isEmpty();
    }
  }

  /** Tasks sharing one enumeration, and the accounting of its CPU time. */
  private static final class Job {
    final ContextualGrammar grammar;
    final Type request;
    final String domain;
    final SolveConfig config;
    final List<TaskState> tasks = new ArrayList<>();
    // The tasks still searching; replaced (never mutated) when one finishes, read without locking.
    volatile TaskState[] active = new TaskState[0];
    double chargedNanos;
    // Written under the job's lock; read racily by the progress reporter (a long read is atomic if
    // volatile).
    volatile long programs;
    Progress progress;

    Job(ContextualGrammar grammar, Type request, String domain, SolveConfig config) {
      this.grammar = grammar;
      this.request = request;
      this.domain = domain;
      this.config = config;
    }

    void add(TaskState s) {
      tasks.add(s);
    }

    void start() {
      active = tasks.toArray(new TaskState[0]);
    }

    void run(int threads) {
      ProgramEnumeration enumeration = new ProgramEnumeration(grammar, request);
      Map<String, Object> implementations = Domains.byName(domain).implementations();
      enumeration.run(
          threads,
          config.maxDescriptionLength(),
          w -> new Checker(this, new CodeBuilder(enumeration.grammar(), implementations)),
          () -> active.length == 0);
      finishAll();
    }

    /** Charges CPU time in equal shares to the searching tasks; ends those over the timeout. */
    synchronized void charge(long cpuNanos, long programCount) {
      programs += programCount;
      TaskState[] now = active;
      if (now.length == 0) {
        return;
      }
      chargedNanos += cpuNanos;
      double share = (double) cpuNanos / now.length;
      double limit = config.timeoutSeconds() * 1e9;
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

    synchronized void finished(TaskState s, long unflushedPrograms) {
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
      if (progress != null) {
        progress.report();
      }
    }

    synchronized void finishAll() {
      for (TaskState s : tasks) {
        s.done = true;
      }
      active = new TaskState[0];
    }
  }

  /**
   * A worker's sink: checks each program's fast code against the job's searching tasks, confirms a
   * pass with the official evaluator, and reports CPU time.
   */
  private static final class Checker implements CodeSink {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final Job job;
    private final CodeBuilder builder;
    private final TaskChecker checker;
    private Thread thread;
    private long lastCpu;
    private int pending;

    Checker(Job job, CodeBuilder builder) {
      this.job = job;
      this.builder = builder;
      SolveConfig c = job.config;
      this.checker = new TaskChecker(c.evaluationSteps(), c.evaluationNanos(), c.evaluationCells());
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
      for (TaskState s : job.active) {
        if (s.done || !checker.passes(code, s.task.inputs(), s.task.outputs())) {
          continue;
        }
        if (official == null) {
          official = checker.compile(program, job.domain);
        }
        if (checker.passes(official, s.task.inputs(), s.task.outputs())
            && s.offer(program, logPrior, job.config.topK())) {
          // The programs of this worker since its last flush would otherwise be charged only to
          // the tasks still searching: count them here so a task finished inside the first flush
          // interval does not report 0 programs tried (other workers' unflushed ones are lost).
          job.finished(s, pending);
        }
      }
      return job.active.length > 0;
    }

    private void flush() {
      long now = CPU.getCurrentThreadCpuTime();
      // Worker sinks may move between pool threads from one window to the next; a new thread
      // restarts
      // the clock (losing at most one flush interval of time).
      if (Thread.currentThread() != thread) {
        thread = Thread.currentThread();
        lastCpu = now;
      }
      job.charge(now - lastCpu, pending);
      lastCpu = now;
      pending = 0;
    }
  }

  /** Counts finished and solved tasks for the listener. */
  private static final class Progress {
    private final List<Job> jobs;
    private final int total;
    private final SolveListener listener;
    private final long wallStart;
    private final AtomicInteger lastFinished = new AtomicInteger(-1);

    Progress(List<Job> jobs, int total, SolveListener listener, long wallStart) {
      this.jobs = jobs;
      this.total = total;
      this.listener = listener;
      this.wallStart = wallStart;
    }

    void report() {
      if (listener == SolveListener.NONE) {
        return;
      }
      int finished = 0;
      int solved = 0;
      long programs = 0;
      for (Job j : jobs) {
        for (TaskState s : j.tasks) {
          finished += s.done ? 1 : 0;
          solved += s.solved() ? 1 : 0;
        }
        programs += j.programs;
      }
      lastFinished.set(finished);
      listener.progress(
          new SolveListener.SolveProgress(
              finished, solved, total, (System.nanoTime() - wallStart) / 1e9, programs));
    }
  }
}

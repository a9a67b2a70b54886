package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reverie.tasks.Domain;
import reverie.tasks.Scorer;

/**
 * Runs a {@link SearchPlan} on this machine's threads.
 *
 * <p>Each job gets threads in proportion to its share of the plan's tasks, rounded up; jobs start
 * largest first and each waits until its threads are free. A job holding all the tasks gets every
 * thread and splits its search ({@link ProgramEnumeration}); many small jobs run side by side on
 * one thread each. The total wall time is then close to the total budget divided by the threads.
 *
 * <p>Under a program budget every job runs on one thread (so that its frontiers do not depend on
 * timing), and jobs are cut into pieces ({@link BalancedPlan}) so that a plan of few large jobs
 * still keeps every thread busy.
 */
public final class LocalRunner implements JobRunner {
  private final Domain domain;
  private final int threads;

  /** A runner for jobs of {@code domain} on {@code threads} threads. */
  public LocalRunner(Domain domain, int threads) {
    checkArgument(threads >= 1, "threads must be at least 1, not %s", threads);
    this.domain = domain;
    this.threads = threads;
  }

  @Override
  public Outcome run(SearchPlan plan, SearchListener listener) {
    if (plan.hasProgramBudget() && threads > 1) {
      BalancedPlan balanced = BalancedPlan.of(plan, threads);
      Outcome pieces = runJobs(balanced.pieces(), balanced.listenerFor(listener));
      return new Outcome(
          balanced.merge(pieces.results()), pieces.cpuSeconds(), pieces.wallSeconds());
    }
    return runJobs(plan, listener);
  }

  private Outcome runJobs(SearchPlan plan, SearchListener listener) {
    long wallStart = System.nanoTime();
    List<JobExecution> executions = new ArrayList<>();
    for (SearchJob job : plan.jobs()) {
      executions.add(new JobExecution(job, new Scorer(domain, job.budget().evaluation())));
    }
    AtomicInteger jobsDone = new AtomicInteger();
    Runnable report =
        () -> listener.progress(progress(executions, plan.taskCount(), wallStart, jobsDone.get()));
    executions.forEach(e -> e.onTaskFinished(report));
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(daemon("solve-progress"));
    ticker.scheduleAtFixedRate(report, 1, 1, TimeUnit.SECONDS);
    List<JobExecution> order = new ArrayList<>(executions);
    order.sort(Comparator.comparingInt((JobExecution e) -> e.job().tasks().size()).reversed());
    int totalTasks = plan.taskCount();
    Semaphore free = new Semaphore(threads, true);
    JobResult[] results = new JobResult[executions.size()];
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(executions.size(), threads)), daemon("solve-job"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (JobExecution execution : order) {
        int share =
            plan.hasProgramBudget()
                ? 1
                : Math.min(
                    threads,
                    Math.max(
                        1,
                        (int)
                            Math.ceil(
                                (double) threads * execution.job().tasks().size() / totalTasks
                                    - 1e-9)));
        futures.add(
            pool.submit(
                () -> {
                  free.acquireUninterruptibly(share);
                  JobResult r;
                  try {
                    r = execution.run(share, listener::cancelled);
                  } finally {
                    free.release(share);
                  }
                  results[execution.job().id()] = r;
                  jobsDone.incrementAndGet();
                  listener.jobFinished(r);
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
      ticker.shutdownNow();
    }
    report.run();
    double cpu = 0;
    for (JobResult r : results) {
      cpu += r.cpuSeconds();
    }
    return new Outcome(ImmutableList.copyOf(results), cpu, (System.nanoTime() - wallStart) / 1e9);
  }

  private static SolveListener.SolveProgress progress(
      List<JobExecution> executions, int total, long wallStart, int jobsDone) {
    int finished = 0;
    int solved = 0;
    long programs = 0;
    for (JobExecution e : executions) {
      finished += e.finished();
      solved += e.solved();
      programs += e.programs();
    }
    return new SolveListener.SolveProgress(
        finished,
        solved,
        total,
        (System.nanoTime() - wallStart) / 1e9,
        programs,
        jobsDone,
        executions.size());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread th = new Thread(r, name);
      th.setDaemon(true);
      return th;
    };
  }
}

package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;

/**
 * The outcome of {@link Solver#solve}: one result per task, in the order given, the totals, and the
 * search jobs that failed for good (their tasks have empty frontiers).
 */
public record SolveResult(
    ImmutableList<TaskResult> tasks,
    double cpuSeconds,
    double wallSeconds,
    long programs,
    ImmutableList<JobRunner.Failure> failures) {

  public SolveResult {
    tasks = ImmutableList.copyOf(tasks);
    failures = ImmutableList.copyOf(failures);
  }

  /** A result in which every job finished. */
  public SolveResult(
      ImmutableList<TaskResult> tasks, double cpuSeconds, double wallSeconds, long programs) {
    this(tasks, cpuSeconds, wallSeconds, programs, ImmutableList.of());
  }

  /** One line per failed job: its tasks and why, for a warning (the run goes on without them). */
  public ImmutableList<String> failureLines() {
    return failures.stream()
        .map(
            f ->
                "search job "
                    + f.job()
                    + " failed, its tasks left unsolved ("
                    + String.join(", ", f.tasks())
                    + "): "
                    + f.reason())
        .collect(ImmutableList.toImmutableList());
  }

  public int solved() {
    return (int) tasks.stream().filter(TaskResult::solved).count();
  }

  /** The frontiers, in task order (empty ones included). */
  public ImmutableList<Frontier> frontiers() {
    return tasks.stream().map(TaskResult::frontier).collect(ImmutableList.toImmutableList());
  }

  /** Programs enumerated per CPU-second (each checked against every task of its enumeration). */
  public double programsPerSecond() {
    return cpuSeconds > 0 ? programs / cpuSeconds : 0;
  }
}

package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;

/** The outcome of {@link Solver#solve}: one result per task, in the order given, and the totals. */
public record SolveResult(
    ImmutableList<TaskResult> tasks, double cpuSeconds, double wallSeconds, long programs) {

  public SolveResult {
    tasks = ImmutableList.copyOf(tasks);
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

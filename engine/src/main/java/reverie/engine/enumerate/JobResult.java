package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;

/**
 * The result of one {@link SearchJob}: one outcome per task in the job's order, the CPU seconds the
 * job's enumeration took, and the programs it enumerated.
 */
public record JobResult(
    int job, ImmutableList<TaskOutcome> tasks, double cpuSeconds, long programs) {

  public JobResult {
    tasks = ImmutableList.copyOf(tasks);
  }

  /** The result of a job that did not run: every task with an empty frontier and nothing spent. */
  public static JobResult empty(SearchJob job) {
    ImmutableList.Builder<TaskOutcome> tasks = ImmutableList.builder();
    for (reverie.tasks.Task t : job.tasks()) {
      tasks.add(
          new TaskOutcome(t.name(), new Frontier(t.name(), t.request(), ImmutableList.of()), 0, 0));
    }
    return new JobResult(job.id(), tasks.build(), 0, 0);
  }
}

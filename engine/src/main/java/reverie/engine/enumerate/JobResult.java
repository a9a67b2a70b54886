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
}

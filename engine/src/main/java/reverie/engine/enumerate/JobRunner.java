package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;

/**
 * Executes a {@link SearchPlan}: the seam between what to search and where it runs. {@link
 * LocalRunner} runs jobs on this machine's threads; a cluster runner can ship each job in its
 * serialised form ({@link JobCodec}) to an executor and bring its {@link JobResult} back.
 */
public interface JobRunner {

  /**
   * Runs every job of {@code plan}, streaming progress and finished jobs to {@code listener}, and
   * returns when all are done or the listener cancels.
   */
  Outcome run(SearchPlan plan, SearchListener listener);

  /**
   * One result per job, in plan order, with the CPU seconds charged over all jobs and the wall
   * seconds the run took.
   */
  record Outcome(ImmutableList<JobResult> results, double cpuSeconds, double wallSeconds) {
    public Outcome {
      results = ImmutableList.copyOf(results);
    }

    /** Programs enumerated over all jobs. */
    public long programs() {
      return results.stream().mapToLong(JobResult::programs).sum();
    }
  }
}

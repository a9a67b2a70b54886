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
   * One result per job, in plan order, with the CPU seconds charged over all jobs, the wall seconds
   * the run took, and the jobs that failed for good (whose results hold empty frontiers).
   */
  record Outcome(
      ImmutableList<JobResult> results,
      double cpuSeconds,
      double wallSeconds,
      ImmutableList<Failure> failures) {
    public Outcome {
      results = ImmutableList.copyOf(results);
      failures = ImmutableList.copyOf(failures);
    }

    /** An outcome in which every job finished. */
    public Outcome(ImmutableList<JobResult> results, double cpuSeconds, double wallSeconds) {
      this(results, cpuSeconds, wallSeconds, ImmutableList.of());
    }

    /** Programs enumerated over all jobs. */
    public long programs() {
      return results.stream().mapToLong(JobResult::programs).sum();
    }
  }

  /**
   * A job that failed for good (after a cluster's retries): its tasks by name and why, in one line.
   */
  record Failure(int job, ImmutableList<String> tasks, String reason) {
    public Failure {
      tasks = ImmutableList.copyOf(tasks);
    }

    /** The failure of {@code job}, with its tasks' names. */
    public static Failure of(SearchJob job, String reason) {
      return new Failure(
          job.id(),
          job.tasks().stream()
              .map(reverie.tasks.Task::name)
              .collect(ImmutableList.toImmutableList()),
          reason);
    }
  }
}

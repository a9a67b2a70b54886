package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reverie.tasks.Task;

/**
 * A {@link SearchPlan} cut into pieces for runners that give each job one thread (a Spark task, or
 * local threads under a program budget): a job with more tasks than a fair share of the slots is
 * split into pieces of consecutive tasks, each searching the same enumeration, and the pieces are
 * numbered in decreasing order of expected cost, so that a scheduler handing the next piece to the
 * next free slot balances the load (longest first).
 *
 * <p>A piece's expected cost is its tasks plus one for the enumeration they share. Under a program
 * budget a task's frontier depends only on its grammar, request and the canonical enumeration
 * order, not on the tasks beside it, so the pieces find exactly what the whole jobs would; under a
 * CPU-second budget each task keeps its own budget, shared among fewer tasks.
 */
public final class BalancedPlan {
  private final SearchPlan plan;
  private final SearchPlan pieces;
  private final int[] jobOf;

  private BalancedPlan(SearchPlan plan, SearchPlan pieces, int[] jobOf) {
    this.plan = plan;
    this.pieces = pieces;
    this.jobOf = jobOf;
  }

  /** Cuts {@code plan} for {@code slots} single-threaded slots. */
  public static BalancedPlan of(SearchPlan plan, int slots) {
    checkArgument(slots >= 1, "slots must be at least 1, not %s", slots);
    int total = plan.taskCount();
    int cap = Math.max(1, (total + slots - 1) / slots);
    record Piece(SearchJob job, List<Task> tasks) {}
    List<Piece> cut = new ArrayList<>();
    for (SearchJob job : plan.jobs()) {
      int n = job.tasks().size();
      int count = (n + cap - 1) / cap;
      for (int p = 0; p < count; p++) {
        cut.add(new Piece(job, job.tasks().subList(p * n / count, (p + 1) * n / count)));
      }
    }
    // Stable: pieces of equal size keep the plan's order.
    cut.sort(Comparator.comparingInt((Piece p) -> p.tasks().size()).reversed());
    ImmutableList.Builder<SearchJob> jobs = ImmutableList.builder();
    int[] jobOf = new int[cut.size()];
    for (int i = 0; i < cut.size(); i++) {
      SearchJob j = cut.get(i).job();
      jobs.add(
          new SearchJob(
              i,
              j.domain(),
              j.grammar(),
              j.request(),
              ImmutableList.copyOf(cut.get(i).tasks()),
              j.budget()));
      jobOf[i] = j.id();
    }
    return new BalancedPlan(plan, new SearchPlan(jobs.build()), jobOf);
  }

  /** The plan that was cut. */
  public SearchPlan plan() {
    return plan;
  }

  /** The pieces, as a plan whose job ids are the pieces' numbers, most expensive first. */
  public SearchPlan pieces() {
    return pieces;
  }

  /** The id of the plan's job that piece {@code piece} is part of. */
  public int jobOf(int piece) {
    return jobOf[piece];
  }

  /**
   * One result per job of the plan, in plan order, from one result per piece (in piece order): the
   * tasks' outcomes in the job's order, CPU seconds and programs summed over its pieces.
   */
  public ImmutableList<JobResult> merge(List<JobResult> pieceResults) {
    checkArgument(
        pieceResults.size() == pieces.jobs().size(),
        "%s piece results for %s pieces",
        pieceResults.size(),
        pieces.jobs().size());
    ImmutableList.Builder<JobResult> out = ImmutableList.builder();
    for (SearchJob job : plan.jobs()) {
      List<JobResult> parts = new ArrayList<>();
      for (int p = 0; p < pieceResults.size(); p++) {
        if (jobOf[p] == job.id()) {
          parts.add(pieceResults.get(p));
        }
      }
      out.add(merge(job, parts));
    }
    return out.build();
  }

  /** The result of {@code job} from the results of its pieces (in any order). */
  static JobResult merge(SearchJob job, List<JobResult> parts) {
    Map<String, TaskOutcome> byName = new HashMap<>();
    double cpu = 0;
    long programs = 0;
    for (JobResult r : parts) {
      for (TaskOutcome o : r.tasks()) {
        byName.put(o.task(), o);
      }
      cpu += r.cpuSeconds();
      programs += r.programs();
    }
    ImmutableList.Builder<TaskOutcome> tasks = ImmutableList.builder();
    for (Task t : job.tasks()) {
      TaskOutcome o = byName.get(t.name());
      checkState(o != null, "no outcome for task %s of job %s", t.name(), job.id());
      tasks.add(o);
    }
    return new JobResult(job.id(), tasks.build(), cpu, programs);
  }

  /**
   * A listener for runs of the pieces that tells {@code outer} of each job of the plan once all its
   * pieces have finished, and passes progress on.
   */
  public SearchListener listenerFor(SearchListener outer) {
    List<List<JobResult>> done = new ArrayList<>();
    int[] missing = new int[plan.jobs().size()];
    for (int i = 0; i < plan.jobs().size(); i++) {
      done.add(new ArrayList<>());
    }
    for (int j : jobOf) {
      missing[j]++;
    }
    return new SearchListener() {
      @Override
      public void progress(SolveListener.SolveProgress progress) {
        outer.progress(progress);
      }

      @Override
      public void jobFinished(JobResult piece) {
        int job = jobOf[piece.job()];
        JobResult whole = null;
        synchronized (done) {
          done.get(job).add(piece);
          if (--missing[job] == 0) {
            whole = merge(plan.jobs().get(job), done.get(job));
          }
        }
        if (whole != null) {
          outer.jobFinished(whole);
        }
      }

      @Override
      public boolean cancelled() {
        return outer.cancelled();
      }
    };
  }
}

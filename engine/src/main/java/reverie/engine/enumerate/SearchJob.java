package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Set;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.type.Type;
import reverie.tasks.Task;

/**
 * Tasks that share one enumeration: the same grammar and request type, searched together under one
 * budget, every enumerated program checked against each task still searching. Plain data (tasks by
 * value), so a job can be serialised ({@link JobCodec}) and run anywhere a {@link JobRunner} runs.
 *
 * @param id the job's position in its {@link SearchPlan}
 * @param domain the name of the domain whose primitives and likelihood the job uses
 */
public record SearchJob(
    int id,
    String domain,
    ContextualGrammar grammar,
    Type request,
    ImmutableList<Task> tasks,
    SearchBudget budget) {

  public SearchJob {
    checkArgument(id >= 0, "negative job id %s", id);
    checkArgument(!tasks.isEmpty(), "job %s has no tasks", id);
    tasks = ImmutableList.copyOf(tasks);
    Set<String> names = new HashSet<>();
    for (Task t : tasks) {
      checkArgument(names.add(t.name()), "job %s: task %s twice", id, t.name());
      checkArgument(
          t.request().equals(request),
          "job %s: task %s has request %s, the job %s",
          id,
          t.name(),
          t.request(),
          request);
      checkArgument(
          t.domain().equals(domain),
          "job %s: task %s is of domain %s, the job of %s",
          id,
          t.name(),
          t.domain(),
          domain);
    }
  }

  /** The CPU seconds the job may take at most: its tasks' budgets. Runners balance work by it. */
  public double maxCpuSeconds() {
    return tasks.size() * budget.timeoutSeconds();
  }
}

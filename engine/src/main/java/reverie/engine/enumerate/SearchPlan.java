package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.tasks.Task;

/**
 * What a wake phase will search, before anything runs: tasks grouped into {@link SearchJob}s, one
 * per distinct (grammar, request type), in the order of their first task. A plan is pure data; a
 * {@link JobRunner} executes it, on local threads or elsewhere.
 */
public record SearchPlan(ImmutableList<SearchJob> jobs) {

  public SearchPlan {
    jobs = ImmutableList.copyOf(jobs);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < jobs.size(); i++) {
      checkArgument(jobs.get(i).id() == i, "job %s has id %s", i, jobs.get(i).id());
      for (Task t : jobs.get(i).tasks()) {
        checkArgument(names.add(t.name()), "task %s is in two jobs", t.name());
      }
    }
  }

  /**
   * The plan for {@code tasks} of {@code domain}, each searched under {@code grammarOf(task)}:
   * tasks with equal grammars and requests share a job.
   */
  public static SearchPlan of(
      List<Task> tasks,
      Function<? super Task, ContextualGrammar> grammarOf,
      String domain,
      SearchBudget budget) {
    Map<List<Object>, List<Task>> groups = new LinkedHashMap<>();
    Map<List<Object>, ContextualGrammar> grammars = new LinkedHashMap<>();
    for (Task t : tasks) {
      ContextualGrammar g = grammarOf.apply(t);
      List<Object> key = List.of(g, t.request());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
      grammars.putIfAbsent(key, g);
    }
    ImmutableList.Builder<SearchJob> jobs = ImmutableList.builder();
    int id = 0;
    for (Map.Entry<List<Object>, List<Task>> e : groups.entrySet()) {
      Task first = e.getValue().get(0);
      jobs.add(
          new SearchJob(
              id++,
              domain,
              grammars.get(e.getKey()),
              first.request(),
              ImmutableList.copyOf(e.getValue()),
              budget));
    }
    return new SearchPlan(jobs.build());
  }

  /** Whether the jobs search under a program budget, which makes their frontiers reproducible. */
  public boolean hasProgramBudget() {
    return jobs.stream().anyMatch(j -> j.budget().maxPrograms().isPresent());
  }

  /** The number of tasks over all jobs. */
  public int taskCount() {
    return jobs.stream().mapToInt(j -> j.tasks().size()).sum();
  }
}

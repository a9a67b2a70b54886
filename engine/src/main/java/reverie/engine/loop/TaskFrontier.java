package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reverie.dsl.type.Type;

/**
 * The programs found so far for one task, best first by log-posterior: DreamCoder's frontier as the loop
 * keeps it between iterations (the search phases have their own working representation).
 */
public record TaskFrontier(String task, Type request, ImmutableList<Solution> solutions) {

  private static final Comparator<Solution> BEST_FIRST =
      Comparator.comparingDouble(Solution::logPosterior).reversed()
          .thenComparing(s -> s.program().toString());

  public TaskFrontier {
    solutions = ImmutableList.sortedCopyOf(BEST_FIRST, solutions);
  }

  /** A frontier with no program. */
  public static TaskFrontier empty(String task, Type request) {
    return new TaskFrontier(task, request, ImmutableList.of());
  }

  public boolean solved() {
    return !solutions.isEmpty();
  }

  /** The program with the highest log-posterior. */
  public Optional<Solution> best() {
    return solutions.isEmpty() ? Optional.empty() : Optional.of(solutions.get(0));
  }

  /**
   * The union of this frontier and {@code newer}, one entry per program (the newer scores win), keeping the
   * {@code topK} best.
   */
  public TaskFrontier combine(TaskFrontier newer, int topK) {
    Map<String, Solution> byProgram = new LinkedHashMap<>();
    for (Solution s : solutions) {
      byProgram.put(s.program().toString(), s);
    }
    for (Solution s : newer.solutions) {
      byProgram.put(s.program().toString(), s);
    }
    List<Solution> all = new ArrayList<>(byProgram.values());
    all.sort(BEST_FIRST);
    return new TaskFrontier(task, request, ImmutableList.copyOf(all.subList(0, Math.min(topK, all.size()))));
  }
}

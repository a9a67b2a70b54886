package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * The programs kept for one task (DreamCoder's frontier): the best ones found by posterior, best
 * first. An empty frontier means the task was not solved.
 */
public record Frontier(String task, Type request, ImmutableList<FrontierEntry> entries) {

  /**
   * Best posterior first; ties broken by the printed program, so that frontiers are deterministic.
   */
  public static final Comparator<FrontierEntry> BEST_FIRST =
      Comparator.comparingDouble(FrontierEntry::logPosterior)
          .reversed()
          .thenComparing(e -> e.program().toString());

  public Frontier {
    entries = ImmutableList.sortedCopyOf(BEST_FIRST, entries);
  }

  /** A frontier with no programs. */
  public static Frontier empty(String task, Type request) {
    return new Frontier(task, request, ImmutableList.of());
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The program with the best posterior, if any. */
  public Optional<FrontierEntry> best() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
  }

  /** The best {@code k} entries. */
  public Frontier topK(int k) {
    return entries.size() <= k ? this : new Frontier(task, request, entries.subList(0, k));
  }

  /**
   * This frontier and {@code other}'s entries, duplicates (same program) removed, best {@code k}
   * kept.
   */
  public Frontier merge(Frontier other, int k) {
    List<FrontierEntry> all = new ArrayList<>(entries);
    for (FrontierEntry e : other.entries) {
      if (all.stream().noneMatch(x -> x.program().equals(e.program()))) {
        all.add(e);
      }
    }
    return new Frontier(task, request, ImmutableList.copyOf(all)).topK(k);
  }

  /**
   * This frontier and {@code newer}'s entries, best {@code k} kept, where a program in both keeps
   * {@code newer}'s scores (unlike {@link #merge}). The wake-sleep loop adds what a wake just found
   * to the programs it kept: the new entries were scored under the grammar now in use, the kept
   * ones possibly under an older one, and the stale log-prior must not survive.
   */
  public Frontier mergePreferringNewer(Frontier newer, int k) {
    Map<Program, FrontierEntry> byProgram = new LinkedHashMap<>();
    for (FrontierEntry e : entries) {
      byProgram.put(e.program(), e);
    }
    for (FrontierEntry e : newer.entries) {
      byProgram.put(e.program(), e);
    }
    return new Frontier(task, request, ImmutableList.copyOf(byProgram.values())).topK(k);
  }
}

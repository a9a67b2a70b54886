package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.WeightedProgram;

/**
 * Rescoring frontiers under a new grammar and refitting the grammar's weights to them (DreamCoder's
 * inside-outside step with pseudo-counts, each program weighted by its posterior within its frontier).
 */
public final class Refit {
  private Refit() {}

  /**
   * Every frontier with each program's log-prior recomputed under {@code grammar}; programs outside the
   * grammar's language (log-prior negative infinity) are dropped, and so are frontiers left empty.
   */
  public static ImmutableMap<String, TaskFrontier> rescore(Grammar grammar, Map<String, TaskFrontier> frontiers) {
    ImmutableMap.Builder<String, TaskFrontier> b = ImmutableMap.builder();
    frontiers.forEach((task, f) -> {
      List<Solution> kept = new ArrayList<>();
      for (Solution s : f.solutions()) {
        double prior = grammar.logPrior(s.program(), f.request());
        if (prior > Double.NEGATIVE_INFINITY) {
          kept.add(new Solution(s.program(), prior, s.logLikelihood()));
        }
      }
      if (!kept.isEmpty()) {
        b.put(task, new TaskFrontier(task, f.request(), ImmutableList.copyOf(kept)));
      }
    });
    return b.buildOrThrow();
  }

  /** The grammar refit to the frontiers (whose log-priors must be under {@code grammar}). */
  public static Grammar refit(Grammar grammar, Map<String, TaskFrontier> frontiers, double pseudoCounts) {
    List<WeightedProgram> weighted = new ArrayList<>();
    for (TaskFrontier f : frontiers.values()) {
      if (!f.solved()) {
        continue;
      }
      // Posterior weights normalised within the frontier, computed stably from the best one.
      double best = f.solutions().get(0).logPosterior();
      double total = 0;
      for (Solution s : f.solutions()) {
        total += Math.exp(s.logPosterior() - best);
      }
      for (Solution s : f.solutions()) {
        weighted.add(new WeightedProgram(s.program(), f.request(), Math.exp(s.logPosterior() - best) / total));
      }
    }
    return grammar.refit(weighted, pseudoCounts);
  }

  /** Rescore, refit, rescore again: frontiers and grammar that agree with each other. */
  public static Result refitAndRescore(Grammar grammar, Map<String, TaskFrontier> frontiers, double pseudoCounts) {
    ImmutableMap<String, TaskFrontier> scored = rescore(grammar, frontiers);
    Grammar fitted = refit(grammar, scored, pseudoCounts);
    return new Result(fitted, rescore(fitted, scored));
  }

  /** A refit grammar with the frontiers scored under it. */
  public record Result(Grammar grammar, ImmutableMap<String, TaskFrontier> frontiers) {}
}

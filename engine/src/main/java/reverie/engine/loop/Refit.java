package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.WeightedProgram;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;

/**
 * Rescoring frontiers under a new grammar and refitting the grammar's weights to them (DreamCoder's
 * inside-outside step with pseudo-counts, each program weighted by its posterior within its
 * frontier).
 */
public final class Refit {
  private Refit() {}

  /**
   * Every frontier with each program's log-prior recomputed under {@code grammar}; programs outside
   * the grammar's language (log-prior negative infinity) are dropped, and so are frontiers left
   * empty.
   */
  public static ImmutableMap<String, Frontier> rescore(
      Grammar grammar, Map<String, Frontier> frontiers) {
    ImmutableMap.Builder<String, Frontier> b = ImmutableMap.builder();
    frontiers.forEach(
        (task, f) -> {
          List<FrontierEntry> kept = new ArrayList<>();
          for (FrontierEntry s : f.entries()) {
            double prior = grammar.logPrior(s.program(), f.request());
            if (prior > Double.NEGATIVE_INFINITY) {
              kept.add(new FrontierEntry(s.program(), prior, s.logLikelihood()));
            }
          }
          if (!kept.isEmpty()) {
            b.put(task, new Frontier(task, f.request(), ImmutableList.copyOf(kept)));
          }
        });
    return b.buildOrThrow();
  }

  /** The grammar refit to the frontiers (whose log-priors must be under {@code grammar}). */
  public static Grammar refit(
      Grammar grammar, Map<String, Frontier> frontiers, double pseudoCounts) {
    return grammar.refit(weighted(frontiers), pseudoCounts);
  }

  /**
   * How strongly a context's estimate in {@link #contextualPrior} leans on the library's unigram
   * weights, in pseudo-observations. Measured on the held-out half of DreamCoder's list tasks with
   * the library of a four-iteration run on the other half: the mean log-prior of their solutions is
   * best between 2 and 4 (docs/performance.md, "A contextual prior").
   */
  public static final double PRIOR_BACK_OFF = 2;

  /**
   * The library's generative prior over programs: a contextual (bigram) grammar fitted to the
   * frontiers (whose log-priors must be under {@code grammar}), each context backed off to {@code
   * grammar}'s weights ({@link ContextualGrammar#fitBackedOff}). Without frontiers it is {@code
   * grammar} itself. Searched when no recognition model guides the search: it knows, for example,
   * that the function a {@code fold} takes usually starts with {@code if}, which the unigram
   * weights cannot say.
   */
  public static ContextualGrammar contextualPrior(
      Grammar grammar, Map<String, Frontier> frontiers) {
    return ContextualGrammar.fitBackedOff(grammar, weighted(frontiers), PRIOR_BACK_OFF);
  }

  /** Every frontier's programs, each weighted by its posterior normalised within its frontier. */
  private static List<WeightedProgram> weighted(Map<String, Frontier> frontiers) {
    List<WeightedProgram> weighted = new ArrayList<>();
    for (Frontier f : frontiers.values()) {
      if (f.isEmpty()) {
        continue;
      }
      // Posterior weights normalised within the frontier, computed stably from the best one.
      double best = f.entries().get(0).logPosterior();
      double total = 0;
      for (FrontierEntry s : f.entries()) {
        total += Math.exp(s.logPosterior() - best);
      }
      for (FrontierEntry s : f.entries()) {
        weighted.add(
            new WeightedProgram(
                s.program(), f.request(), Math.exp(s.logPosterior() - best) / total));
      }
    }
    return weighted;
  }

  /** Rescore, refit, rescore again: frontiers and grammar that agree with each other. */
  public static Result refitAndRescore(
      Grammar grammar, Map<String, Frontier> frontiers, double pseudoCounts) {
    ImmutableMap<String, Frontier> scored = rescore(grammar, frontiers);
    Grammar fitted = refit(grammar, scored, pseudoCounts);
    return new Result(fitted, rescore(fitted, scored));
  }

  /** A refit grammar with the frontiers scored under it. */
  public record Result(Grammar grammar, ImmutableMap<String, Frontier> frontiers) {}
}

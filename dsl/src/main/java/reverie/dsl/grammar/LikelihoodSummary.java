package reverie.dsl.grammar;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.primitives.ImmutableIntArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a program's log-prior depends on (DreamCoder's {@code LikelihoodSummary}): per context, how
 * often each production and the variables were chosen, and the candidate set at every hole; for
 * learning weights by gradient or counting without walking the program again.
 *
 * <p>Contexts are numbered as in {@link ContextualGrammar#contexts()}; a unigram {@link Grammar}
 * has the single context 0. Productions are numbered by their position in {@code productions()}.
 * For weights {@code w} and variable weight {@code v} of a context, its log-likelihood is {@code
 * sum_p uses(p) w(p) + variableUses v - sum_holes logsumexp({w(p) : p in the hole's candidates} +
 * {v if variables were})}; the summary adds {@link #constant()}, the {@code -log(number of variable
 * candidates)} of each variable chosen.
 *
 * @param contexts the contexts in which at least one hole was filled, by context index
 * @param constant sum over the variable uses of {@code -log} of the number of variables that fitted
 * @param productionCount number of productions of the grammar the summary was taken under
 */
public record LikelihoodSummary(
    ImmutableSortedMap<Integer, ContextSummary> contexts, double constant, int productionCount) {

  /**
   * The candidate set at one hole.
   *
   * @param productions indices of the productions that fitted, ascending
   * @param variableCandidates number of variables in scope that fitted (all share the variable
   *     weight)
   */
  public record Normalizer(ImmutableIntArray productions, int variableCandidates) {

    /** Log of this hole's normaliser under the given weights. */
    public double logZ(double[] logWeights, double logVariable) {
      double[] w = new double[productions.length() + 1];
      for (int k = 0; k < productions.length(); k++) {
        w[k] = logWeights[productions.get(k)];
      }
      int n = productions.length();
      if (variableCandidates > 0) {
        w[n++] = logVariable;
      }
      return LogSumExp.of(w, n);
    }
  }

  /**
   * The holes filled in one context.
   *
   * @param uses production index to number of times it was chosen (absent: never)
   * @param variableUses number of times a variable was chosen
   * @param normalizers one per hole filled in this context, in program order
   */
  public record ContextSummary(
      ImmutableSortedMap<Integer, Integer> uses,
      int variableUses,
      ImmutableList<Normalizer> normalizers) {

    /** Times production {@code i} was chosen. */
    public int uses(int i) {
      return uses.getOrDefault(i, 0);
    }

    /** This context's share of the log-likelihood (without the summary's constant). */
    public double logLikelihood(double[] logWeights, double logVariable) {
      double sum = 0;
      for (Map.Entry<Integer, Integer> e : uses.entrySet()) {
        if (logWeights[e.getKey()] == Double.NEGATIVE_INFINITY) {
          // An impossible choice; returning early avoids -inf - -inf = NaN when its hole had no
          // mass.
          return Double.NEGATIVE_INFINITY;
        }
        sum += e.getValue() * logWeights[e.getKey()];
      }
      if (variableUses > 0 && logVariable == Double.NEGATIVE_INFINITY) {
        return Double.NEGATIVE_INFINITY;
      }
      if (variableUses > 0) {
        sum += variableUses * logVariable;
      }
      for (Normalizer n : normalizers) {
        sum -= n.logZ(logWeights, logVariable);
      }
      return sum;
    }

    /** This context's share of the log-likelihood under {@code table}'s weights. */
    public double logLikelihood(Grammar table) {
      return logLikelihood(table.logWeights(), table.logVariable());
    }

    /**
     * Adds {@code scale} times the gradient of {@link #logLikelihood(double[], double)} to {@code
     * gradientWeights} (per production) and {@code gradientVariable[0]}.
     */
    public void addGradient(
        double[] logWeights,
        double logVariable,
        double scale,
        double[] gradientWeights,
        double[] gradientVariable) {
      for (Map.Entry<Integer, Integer> e : uses.entrySet()) {
        gradientWeights[e.getKey()] += scale * e.getValue();
      }
      gradientVariable[0] += scale * variableUses;
      for (Normalizer n : normalizers) {
        double logZ = n.logZ(logWeights, logVariable);
        if (logZ == Double.NEGATIVE_INFINITY) {
          continue;
        }
        for (int k = 0; k < n.productions().length(); k++) {
          int p = n.productions().get(k);
          gradientWeights[p] -= scale * Math.exp(logWeights[p] - logZ);
        }
        if (n.variableCandidates() > 0) {
          gradientVariable[0] -= scale * Math.exp(logVariable - logZ);
        }
      }
    }
  }

  public LikelihoodSummary {
    contexts = ImmutableSortedMap.copyOf(contexts);
  }

  /**
   * The log-likelihood under a unigram grammar (the summary must come from a unigram grammar's
   * walk).
   */
  public double logLikelihood(Grammar grammar) {
    checkArgument(
        contexts.keySet().stream().allMatch(c -> c == 0),
        "a contextual summary needs a contextual grammar");
    return logLikelihood(ImmutableList.of(grammar));
  }

  /** The log-likelihood under a contextual grammar with the same productions. */
  public double logLikelihood(ContextualGrammar grammar) {
    return logLikelihood(grammar.contexts());
  }

  /** The log-likelihood given one weight table per context (indexed as the summary's contexts). */
  public double logLikelihood(List<Grammar> tables) {
    double sum = constant;
    for (Map.Entry<Integer, ContextSummary> e : contexts.entrySet()) {
      Grammar table = tables.get(e.getKey());
      checkArgument(
          table.productions().size() == productionCount,
          "summary over %s productions, grammar with %s",
          productionCount,
          table.productions().size());
      sum += e.getValue().logLikelihood(table);
    }
    return sum;
  }

  /** Accumulates holes during a {@link Walker} pass. */
  static final class Builder {
    private final int productionCount;
    private final Map<Integer, int[]> uses = new TreeMap<>();
    private final Map<Integer, int[]> variableUses = new TreeMap<>();
    private final Map<Integer, List<Normalizer>> normalizers = new TreeMap<>();
    private double constant;

    Builder(int productionCount) {
      this.productionCount = productionCount;
    }

    /**
     * Records the choice of production {@code chosen} (or a variable when -1) among {@code
     * candidates}.
     */
    void record(int context, Candidates candidates, int chosen) {
      int[] u = uses.computeIfAbsent(context, c -> new int[productionCount]);
      int[] v = variableUses.computeIfAbsent(context, c -> new int[1]);
      if (chosen >= 0) {
        u[chosen]++;
      } else {
        v[0]++;
        constant -= Math.log(candidates.variables.size());
      }
      normalizers
          .computeIfAbsent(context, c -> new ArrayList<>())
          .add(
              new Normalizer(
                  ImmutableIntArray.copyOf(candidates.productions.toIntArray()),
                  candidates.variables.size()));
    }

    LikelihoodSummary build() {
      ImmutableSortedMap.Builder<Integer, ContextSummary> result =
          ImmutableSortedMap.naturalOrder();
      for (int c : normalizers.keySet()) {
        ImmutableSortedMap.Builder<Integer, Integer> u = ImmutableSortedMap.naturalOrder();
        int[] counts = uses.get(c);
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] > 0) {
            u.put(i, counts[i]);
          }
        }
        result.put(
            c,
            new ContextSummary(
                u.build(), variableUses.get(c)[0], ImmutableList.copyOf(normalizers.get(c))));
      }
      return new LikelihoodSummary(result.build(), constant, productionCount);
    }
  }
}

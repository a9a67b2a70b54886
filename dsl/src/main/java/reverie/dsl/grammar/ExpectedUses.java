package reverie.dsl.grammar;

import java.util.Map;

/**
 * Posterior-weighted counts for one context, the E-step of DreamCoder's inside-outside refit: how
 * often each production (and a variable) was chosen, and how often it was among the candidates of a
 * hole.
 */
final class ExpectedUses {
  final double[] actual;
  final double[] possible;
  double actualVariables;
  double possibleVariables;

  ExpectedUses(int productionCount) {
    actual = new double[productionCount];
    possible = new double[productionCount];
  }

  void add(LikelihoodSummary.ContextSummary summary, double weight) {
    for (Map.Entry<Integer, Integer> e : summary.uses().entrySet()) {
      actual[e.getKey()] += weight * e.getValue();
    }
    actualVariables += weight * summary.variableUses();
    for (LikelihoodSummary.Normalizer n : summary.normalizers()) {
      for (int k = 0; k < n.productions().length(); k++) {
        possible[n.productions().get(k)] += weight;
      }
      if (n.variableCandidates() > 0) {
        possibleVariables += weight;
      }
    }
  }

  /**
   * The M-step: {@code log(actual + pseudoCounts) - log(possible + pseudoCounts)} for every weight.
   */
  Grammar refit(Grammar old, double pseudoCounts) {
    return reweighed(
        old,
        (actual, possible, weight) ->
            // Without pseudo-counts a choice never offered has no estimate (0/0): keep its weight.
            possible + pseudoCounts == 0
                ? weight
                : Math.log(actual + pseudoCounts) - Math.log(possible + pseudoCounts));
  }

  /**
   * The M-step smoothed toward {@code base} instead of toward uniform: {@code log(actual + strength
   * * exp(b)) - log(possible + strength)}, where {@code b} is the weight {@code base} gives the
   * same choice. A context with no data keeps {@code base}'s weights exactly, and one with much
   * data follows its own counts (a Dirichlet prior whose mean is the base grammar).
   */
  Grammar refitToward(Grammar base, double strength) {
    return reweighed(
        base,
        (actual, possible, weight) ->
            Math.log(actual + strength * Math.exp(weight)) - Math.log(possible + strength));
  }

  /** A choice's new log-weight from its counts and its weight in the grammar being refit. */
  private interface Estimate {
    double of(double actual, double possible, double weight);
  }

  /** {@code g} with every weight, the variable's included, replaced by its estimate. */
  private Grammar reweighed(Grammar g, Estimate estimate) {
    com.google.common.collect.ImmutableList.Builder<Production> productions =
        com.google.common.collect.ImmutableList.builder();
    for (int i = 0; i < actual.length; i++) {
      Production p = g.productions().get(i);
      productions.add(p.withLogWeight(estimate.of(actual[i], possible[i], p.logWeight())));
    }
    double logVariable = estimate.of(actualVariables, possibleVariables, g.logVariable());
    return new Grammar(logVariable, productions.build(), g.continuationType());
  }
}

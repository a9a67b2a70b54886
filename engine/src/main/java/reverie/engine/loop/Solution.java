package reverie.engine.loop;

import static com.google.common.base.Preconditions.checkArgument;

import reverie.dsl.program.Program;

/** One program of a task's frontier with its log-prior under the grammar that scored it and its log-likelihood. */
public record Solution(Program program, double logPrior, double logLikelihood) {

  public Solution {
    checkArgument(!Double.isNaN(logPrior) && !Double.isNaN(logLikelihood), "NaN score for %s", program);
  }

  /** log-prior + log-likelihood, the order of a frontier. */
  public double logPosterior() {
    return logPrior + logLikelihood;
  }
}

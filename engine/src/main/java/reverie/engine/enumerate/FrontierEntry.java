package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import reverie.dsl.program.Program;

/**
 * One program found for a task, with its log-prior under the grammar and its log-likelihood on the
 * task.
 */
public record FrontierEntry(Program program, double logPrior, double logLikelihood) {

  public FrontierEntry {
    checkArgument(
        !Double.isNaN(logPrior) && !Double.isNaN(logLikelihood), "NaN score for %s", program);
  }

  /** log-prior + log-likelihood: the ranking of the frontier. */
  public double logPosterior() {
    return logPrior + logLikelihood;
  }
}

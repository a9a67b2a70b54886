package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import reverie.dsl.eval.EvaluationBudget;

/**
 * What one search job may spend: CPU seconds per task (a job's CPU time is charged in equal shares
 * to the tasks still searching), the number of programs kept per task, an optional cap on
 * description length (infinity for none), and the budget of each run of a program on one example.
 */
public record SearchBudget(
    double timeoutSeconds, int topK, double maxDescriptionLength, EvaluationBudget evaluation) {

  public SearchBudget {
    checkArgument(timeoutSeconds > 0, "timeout must be positive, not %s", timeoutSeconds);
    checkArgument(topK >= 1, "top-k must be at least 1, not %s", topK);
    checkArgument(
        maxDescriptionLength > 0,
        "max description length must be positive: %s",
        maxDescriptionLength);
  }
}

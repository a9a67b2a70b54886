package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalLong;
import reverie.dsl.eval.EvaluationBudget;

/**
 * What one search job may spend: CPU seconds per task (a job's CPU time is charged in equal shares
 * to the tasks still searching; infinity for none), optionally a number of programs per task, the
 * number of programs kept per task, an optional cap on description length (infinity for none), and
 * the budget of each run of a program on one example.
 *
 * <p>A program budget ({@code maxPrograms}) makes a search reproducible anywhere: a task stops
 * after exactly that many programs have been checked against it, and its job runs on one thread in
 * the enumeration's canonical order, so its frontier depends neither on the machine, its load nor
 * the number of threads.
 */
public record SearchBudget(
    double timeoutSeconds,
    int topK,
    double maxDescriptionLength,
    EvaluationBudget evaluation,
    OptionalLong maxPrograms) {

  public SearchBudget {
    checkArgument(timeoutSeconds > 0, "timeout must be positive, not %s", timeoutSeconds);
    checkArgument(topK >= 1, "top-k must be at least 1, not %s", topK);
    checkArgument(
        maxDescriptionLength > 0,
        "max description length must be positive: %s",
        maxDescriptionLength);
    checkArgument(
        maxPrograms.isEmpty() || maxPrograms.getAsLong() >= 1,
        "max programs must be at least 1, not %s",
        maxPrograms);
  }

  /** A CPU-second budget without a program budget. */
  public SearchBudget(
      double timeoutSeconds, int topK, double maxDescriptionLength, EvaluationBudget evaluation) {
    this(timeoutSeconds, topK, maxDescriptionLength, evaluation, OptionalLong.empty());
  }
}

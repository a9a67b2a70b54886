package reverie.tasks;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import reverie.dsl.program.Program;

/**
 * The outcome of running one program on every example of a task (a {@link Scorer} does not stop at
 * the first failure here): what {@code reverie check} prints and the tests of reference solutions
 * use.
 */
public record CheckReport(Task task, Program program, ImmutableList<ExampleResult> results) {

  public CheckReport {
    results = ImmutableList.copyOf(results);
  }

  /** Whether every example passed. */
  public boolean passed() {
    return passedCount() == results.size();
  }

  /** How many examples passed. */
  public int passedCount() {
    int n = 0;
    for (ExampleResult r : results) {
      if (r.passed()) {
        n++;
      }
    }
    return n;
  }

  /** The sum of the examples' log-likelihoods (minus infinity when one fails). */
  public double logLikelihood() {
    double sum = 0;
    for (ExampleResult r : results) {
      sum += r.logLikelihood();
    }
    return sum;
  }

  /** The first failing example, if any. */
  public Optional<ExampleResult> firstFailure() {
    for (ExampleResult r : results) {
      if (!r.passed()) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}

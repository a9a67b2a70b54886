package reverie.tasks;

import java.util.Optional;

/**
 * What a program did on one example: the value it returned with its log-likelihood under the
 * domain's {@link Likelihood}, or why it failed (a partial primitive, an exhausted budget); it
 * passes when it returned a value whose log-likelihood is finite.
 */
public record ExampleResult(
    int index,
    Example example,
    Optional<Object> actual,
    double logLikelihood,
    Optional<String> error) {

  public ExampleResult {
    if (actual.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("an example result has either a value or an error");
    }
    if (error.isPresent() && logLikelihood != Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("a failed run has log-likelihood minus infinity");
    }
  }

  /** A run that returned {@code actual}, scored {@code logLikelihood}. */
  public static ExampleResult ran(int index, Example example, Object actual, double logLikelihood) {
    return new ExampleResult(index, example, Optional.of(actual), logLikelihood, Optional.empty());
  }

  /** A run that failed with {@code error}. */
  public static ExampleResult failed(int index, Example example, String error) {
    return new ExampleResult(
        index, example, Optional.empty(), Double.NEGATIVE_INFINITY, Optional.of(error));
  }

  /** Whether the program returned a value that matches the expected output. */
  public boolean passed() {
    return actual.isPresent() && logLikelihood > Double.NEGATIVE_INFINITY;
  }
}

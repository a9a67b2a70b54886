package reverie.tasks;

/**
 * How well one output explains one example's expected output, in nats: a domain's definition of a
 * match. Exact equality ({@link #EXACT}, DreamCoder's choice for lists, text and drawings), a
 * tolerance (for numbers or pictures), or a log-probability (for noisy targets) all fit; minus
 * infinity means "does not match". A task's log-likelihood is the sum over its examples, and a
 * program solves a task when that sum is finite ({@link Scorer}).
 */
public interface Likelihood {

  /** Exact equality of the output and the expected value: 0 or minus infinity. */
  Likelihood EXACT =
      new Likelihood() {
        @Override
        public double logLikelihood(Object actual, Object expected) {
          return expected.equals(actual) ? 0.0 : Double.NEGATIVE_INFINITY;
        }

        @Override
        public String kind() {
          return "exact";
        }
      };

  /**
   * The log-likelihood of {@code expected} given the program's output {@code actual} (never null);
   * minus infinity when they do not match. Called millions of times by the wake: keep it cheap and
   * free of side effects.
   */
  double logLikelihood(Object actual, Object expected);

  /** A short description for listings: {@code exact}, {@code tolerance 0.001}, ... */
  String kind();
}

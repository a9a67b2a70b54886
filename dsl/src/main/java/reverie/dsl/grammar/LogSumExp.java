package reverie.dsl.grammar;

/**
 * Numerically stable log-sum-exp, with an empty or all-impossible set summing to negative infinity.
 */
final class LogSumExp {
  private LogSumExp() {}

  static double of(double[] values, int count) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, values[i]);
    }
    if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += Math.exp(values[i] - max);
    }
    return max + Math.log(sum);
  }
}

package reverie.engine.recognition;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A program's log-prior under any weights of an {@link OutputLayout}, reduced to counts: how often
 * each (context, choice) slot was used, and how often each set of candidate slots was normalised
 * over. Then {@code logPrior(w) = constant + sum uses x w - sum normalisers x
 * logsumexp(w[candidates])}, and its gradient is the uses minus the expected uses under each
 * normaliser's softmax.
 */
final class UseCounts {
  final int[] useSlot;
  final double[] useCount;
  final int[][] normaliserSlots;
  final double[] normaliserCount;
  final double constant;

  private UseCounts(
      int[] useSlot,
      double[] useCount,
      int[][] normaliserSlots,
      double[] normaliserCount,
      double constant) {
    this.useSlot = useSlot;
    this.useCount = useCount;
    this.normaliserSlots = normaliserSlots;
    this.normaliserCount = normaliserCount;
    this.constant = constant;
  }

  /** The log-prior under the flat log-weights {@code w}. */
  double logPrior(double[] w) {
    double lp = constant;
    for (int i = 0; i < useSlot.length; i++) {
      lp += useCount[i] * w[useSlot[i]];
    }
    for (int n = 0; n < normaliserSlots.length; n++) {
      lp -= normaliserCount[n] * logSumExp(w, normaliserSlots[n]);
    }
    return lp;
  }

  /**
   * Adds {@code scale} times the gradient of {@link #logPrior} with respect to {@code w} into
   * {@code into}.
   */
  void addGradient(double[] w, double scale, double[] into) {
    for (int i = 0; i < useSlot.length; i++) {
      into[useSlot[i]] += scale * useCount[i];
    }
    for (int n = 0; n < normaliserSlots.length; n++) {
      int[] slots = normaliserSlots[n];
      double z = logSumExp(w, slots);
      double c = scale * normaliserCount[n];
      for (int s : slots) {
        into[s] -= c * Math.exp(w[s] - z);
      }
    }
  }

  static double logSumExp(double[] w, int[] slots) {
    double max = Double.NEGATIVE_INFINITY;
    for (int s : slots) {
      max = Math.max(max, w[s]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int s : slots) {
      sum += Math.exp(w[s] - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Collects uses and normalisers, merging repeats so that the loss touches each distinct set once.
   */
  static final class Builder {
    private final Map<Integer, Double> uses = new LinkedHashMap<>();
    private final Map<SlotSet, Double> normalisers = new LinkedHashMap<>();
    private double constant;

    Builder use(int slot, double count) {
      uses.merge(slot, count, Double::sum);
      return this;
    }

    Builder normalise(int[] slots, double count) {
      if (slots.length == 0) {
        throw new IllegalArgumentException("a normaliser needs at least one candidate");
      }
      normalisers.merge(new SlotSet(slots.clone()), count, Double::sum);
      return this;
    }

    Builder addConstant(double c) {
      constant += c;
      return this;
    }

    /**
     * Adds {@code scale} times another program's counts (a posterior-weighted frontier is such a
     * sum).
     */
    Builder addAll(UseCounts other, double scale) {
      for (int i = 0; i < other.useSlot.length; i++) {
        use(other.useSlot[i], scale * other.useCount[i]);
      }
      for (int n = 0; n < other.normaliserSlots.length; n++) {
        normalise(other.normaliserSlots[n], scale * other.normaliserCount[n]);
      }
      constant += scale * other.constant;
      return this;
    }

    UseCounts build() {
      int[] slot = new int[uses.size()];
      double[] count = new double[uses.size()];
      int i = 0;
      for (Map.Entry<Integer, Double> e : uses.entrySet()) {
        slot[i] = e.getKey();
        count[i++] = e.getValue();
      }
      int[][] sets = new int[normalisers.size()][];
      double[] counts = new double[normalisers.size()];
      i = 0;
      for (Map.Entry<SlotSet, Double> e : normalisers.entrySet()) {
        sets[i] = e.getKey().slots;
        counts[i++] = e.getValue();
      }
      return new UseCounts(slot, count, sets, counts, constant);
    }
  }

  private static final class SlotSet {
    final int[] slots;
    final int hash;

    SlotSet(int[] slots) {
      Arrays.sort(slots);
      this.slots = slots;
      this.hash = Arrays.hashCode(slots);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SlotSet s && Arrays.equals(slots, s.slots);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}

package reverie.engine.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import reverie.dsl.InputException;

/**
 * A sparse autoencoder's weights and activation rule: it encodes x as act((x - b_dec) W_enc +
 * b_enc) and decodes a code f as f W_dec + b_dec (the pre-bias is subtracted only when {@code
 * applyBDecToInput}).
 *
 * @param wEnc row-major {@code [dIn][dSae]}
 * @param wDec row-major {@code [dSae][dIn]}: row j is feature j's direction
 * @param threshold per feature, for JumpReLU (empty array otherwise)
 * @param k active features per input, for TopK (0 otherwise)
 */
public record SparseAutoencoder(
    Architecture architecture,
    int dIn,
    int dSae,
    float[] wEnc,
    float[] bEnc,
    float[] wDec,
    float[] bDec,
    float[] threshold,
    int k,
    boolean applyBDecToInput) {

  /** How pre-activations become a code. */
  public enum Architecture {
    /** ReLU. */
    STANDARD,
    /** ReLU, then zero below a learned per-feature threshold. */
    JUMPRELU,
    /** The k largest pre-activations, then ReLU. */
    TOPK
  }

  public SparseAutoencoder {
    checkArgument(wEnc.length == dIn * dSae && wDec.length == dSae * dIn, "weight shapes");
    checkArgument(bEnc.length == dSae && bDec.length == dIn, "bias shapes");
    checkArgument(
        architecture != Architecture.JUMPRELU || threshold.length == dSae, "threshold shape");
    checkArgument(
        architecture != Architecture.TOPK || (k > 0 && k <= dSae),
        "k must be in 1..d_sae, got %s",
        k);
  }

  /** The code of one input. */
  public float[] encode(float[] x) {
    if (x.length != dIn) {
      throw new InputException("input of width " + x.length + " for an SAE with d_in " + dIn);
    }
    float[] pre = preActivations(x);
    float[] code = new float[dSae];
    switch (architecture) {
      case STANDARD -> {
        for (int j = 0; j < dSae; j++) {
          code[j] = Math.max(0, pre[j]);
        }
      }
      case JUMPRELU -> {
        for (int j = 0; j < dSae; j++) {
          code[j] = pre[j] > threshold[j] && pre[j] > 0 ? pre[j] : 0;
        }
      }
      case TOPK -> {
        for (int j : topK(pre, k)) {
          code[j] = Math.max(0, pre[j]);
        }
      }
    }
    return code;
  }

  /** (x - b_dec) W_enc + b_enc. */
  float[] preActivations(float[] x) {
    float[] pre = bEnc.clone();
    for (int i = 0; i < dIn; i++) {
      float xi = applyBDecToInput ? x[i] - bDec[i] : x[i];
      if (xi != 0) {
        int base = i * dSae;
        for (int j = 0; j < dSae; j++) {
          pre[j] += xi * wEnc[base + j];
        }
      }
    }
    return pre;
  }

  /** f W_dec + b_dec. */
  public float[] decode(float[] code) {
    float[] x = bDec.clone();
    for (int j = 0; j < dSae; j++) {
      if (code[j] != 0) {
        int base = j * dIn;
        for (int i = 0; i < dIn; i++) {
          x[i] += code[j] * wDec[base + i];
        }
      }
    }
    return x;
  }

  /**
   * The codes of many inputs; an input of the wrong width is an {@link InputException} naming
   * {@code source}.
   */
  public float[][] encodeAll(float[][] xs, String source) {
    if (xs.length > 0 && xs[0].length != dIn) {
      throw new InputException(
          source + ": embeddings have width " + xs[0].length + " but the SAE's d_in is " + dIn);
    }
    float[][] codes = new float[xs.length][];
    for (int t = 0; t < xs.length; t++) {
      codes[t] = encode(xs[t]);
    }
    return codes;
  }

  /** Fraction of variance unexplained: sum ||x - decode(encode(x))||^2 / sum ||x - mean||^2. */
  public double fvu(float[][] xs) {
    if (xs.length == 0) {
      return 0;
    }
    double[] mean = new double[dIn];
    for (float[] x : xs) {
      for (int i = 0; i < dIn; i++) {
        mean[i] += x[i] / (double) xs.length;
      }
    }
    double residual = 0;
    double total = 0;
    for (float[] x : xs) {
      float[] back = decode(encode(x));
      for (int i = 0; i < dIn; i++) {
        residual += (x[i] - back[i]) * (double) (x[i] - back[i]);
        total += (x[i] - mean[i]) * (x[i] - mean[i]);
      }
    }
    return total == 0 ? 0 : residual / total;
  }

  /** Indices of the {@code k} largest values (ties to the lower index), in no particular order. */
  static int[] topK(float[] values, int k) {
    int n = values.length;
    if (k >= n) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    // A k-slot insertion buffer: k is small (tens) next to d_sae (thousands).
    int[] index = new int[k];
    float[] value = new float[k];
    Arrays.fill(value, Float.NEGATIVE_INFINITY);
    Arrays.fill(index, -1);
    for (int j = 0; j < n; j++) {
      float v = values[j];
      if (v > value[k - 1] || index[k - 1] < 0) {
        int pos = k - 1;
        while (pos > 0 && (v > value[pos - 1] || index[pos - 1] < 0)) {
          value[pos] = value[pos - 1];
          index[pos] = index[pos - 1];
          pos--;
        }
        value[pos] = v;
        index[pos] = j;
      }
    }
    return index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseAutoencoder s
        && s.architecture == architecture
        && s.dIn == dIn
        && s.dSae == dSae
        && Arrays.equals(s.wEnc, wEnc)
        && Arrays.equals(s.bEnc, bEnc)
        && Arrays.equals(s.wDec, wDec)
        && Arrays.equals(s.bDec, bDec)
        && Arrays.equals(s.threshold, threshold)
        && s.k == k
        && s.applyBDecToInput == applyBDecToInput;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(wEnc) * 31 + Arrays.hashCode(wDec);
  }

  @Override
  public String toString() {
    return "SparseAutoencoder["
        + architecture
        + ", d_in="
        + dIn
        + ", d_sae="
        + dSae
        + (k > 0 ? ", k=" + k : "")
        + "]";
  }
}

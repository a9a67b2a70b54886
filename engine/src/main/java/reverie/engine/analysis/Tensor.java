package reverie.engine.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * A dense row-major float tensor read from or written to an {@code .npy} or {@code .safetensors}
 * file.
 */
public record Tensor(int[] shape, float[] data) {

  public Tensor {
    shape = shape.clone();
    long n = 1;
    for (int d : shape) {
      checkArgument(d >= 0, "negative dimension in %s", Arrays.toString(shape));
      n *= d;
    }
    checkArgument(
        n == data.length,
        "shape %s needs %s values, got %s",
        Arrays.toString(shape),
        n,
        data.length);
  }

  /** A rows x columns tensor holding {@code matrix} (every row the same length). */
  public static Tensor of(float[][] matrix) {
    int cols = matrix.length == 0 ? 0 : matrix[0].length;
    float[] data = new float[matrix.length * cols];
    for (int r = 0; r < matrix.length; r++) {
      checkArgument(
          matrix[r].length == cols,
          "row %s has %s values, row 0 has %s",
          r,
          matrix[r].length,
          cols);
      System.arraycopy(matrix[r], 0, data, r * cols, cols);
    }
    return new Tensor(new int[] {matrix.length, cols}, data);
  }

  /** A one-dimensional tensor. */
  public static Tensor vector(float[] values) {
    return new Tensor(new int[] {values.length}, values.clone());
  }

  public int rank() {
    return shape.length;
  }

  /** The rows of a two-dimensional tensor. */
  public float[][] matrix() {
    checkArgument(shape.length == 2, "not a matrix: shape %s", Arrays.toString(shape));
    float[][] m = new float[shape[0]][shape[1]];
    for (int r = 0; r < shape[0]; r++) {
      System.arraycopy(data, r * shape[1], m[r], 0, shape[1]);
    }
    return m;
  }

  /** The shape as numpy prints it, for error messages: {@code (3, 4)}. */
  public String shapeString() {
    return shapeString(shape);
  }

  static String shapeString(int[] shape) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      s.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return s.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /** The index of the first NaN or infinite value, or -1. */
  int firstNonFinite() {
    for (int i = 0; i < data.length; i++) {
      if (!Float.isFinite(data[i])) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Tensor" + shapeString();
  }
}

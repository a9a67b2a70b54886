package reverie.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TensorFormatPropertiesTest {

  @Provide
  Arbitrary<float[]> values() {
    return Arbitraries.floats().between(-1e6f, 1e6f).array(float[].class).ofMaxSize(60);
  }

  private static Tensor tensor(float[] v, int columns) {
    int cols = Math.max(1, columns);
    int rows = v.length / cols;
    return new Tensor(new int[] {rows, cols}, java.util.Arrays.copyOf(v, rows * cols));
  }

  @Property(seed = "21", tries = 300)
  void npyRoundTrips(@ForAll("values") float[] v, @ForAll @IntRange(min = 1, max = 7) int columns) {
    Tensor t = tensor(v, columns);
    assertEquals(t, Npy.parse(Npy.toBytes(t), "p.npy"));
  }

  @Property(seed = "22", tries = 300)
  void safetensorsRoundTrip(
      @ForAll("values") float[] v, @ForAll @IntRange(min = 1, max = 7) int columns) {
    Tensor t = tensor(v, columns);
    Tensor bias = Tensor.vector(java.util.Arrays.copyOf(v, Math.min(3, v.length)));
    Safetensors.Contents c =
        Safetensors.parse(
            Safetensors.toBytes(ImmutableMap.of("w", t, "b", bias), ImmutableMap.of("k", "v")),
            "p.safetensors");
    assertEquals(t, c.tensors().get("w"));
    assertEquals(bias, c.tensors().get("b"));
  }

  @Property(seed = "23", tries = 2000)
  void halfToFloatAgreesWithRoundingFloatToHalf(@ForAll @IntRange(min = 0, max = 0xffff) int bits) {
    float f = Safetensors.halfToFloat(bits);
    int exponent = (bits >>> 10) & 0x1f;
    if (exponent == 0x1f && (bits & 0x3ff) != 0) {
      assertEquals(true, Float.isNaN(f));
      return;
    }
    // Reference: the half's value is (-1)^s * m * 2^(e - 25) for normal numbers with the hidden
    // bit.
    int mantissa = bits & 0x3ff;
    double magnitude =
        exponent == 0
            ? mantissa * Math.pow(2, -24)
            : exponent == 0x1f
                ? Double.POSITIVE_INFINITY
                : (1024 + mantissa) * Math.pow(2, exponent - 25);
    double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;
    assertEquals(expected, f, 0.0);
  }
}

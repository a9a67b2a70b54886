package reverie.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reverie.dsl.InputException;

class ActivationFilesTest {
  @TempDir Path dir;
  private static final String SPECIAL = "{}[]\",:0-9eNa\n\u0093";

  /** Sparse activations with a row that is all zeros in the middle. */
  static Activations sample() {
    Random random = new Random(4);
    float[][] v = new float[7][5];
    for (int t = 0; t < 7; t++) {
      for (int f = 0; f < 5; f++) {
        v[t][f] = t != 3 && random.nextDouble() < 0.5 ? (float) random.nextGaussian() : 0f;
      }
    }
    v[0][4] = 1.5f; // so the width is recoverable from the sparse formats
    return new Activations(
        "sample", ImmutableList.of("a", "b, with comma", "c", "d", "e", "f", "g"), v, false);
  }

  private static void assertSameRows(Activations expected, Activations actual) {
    Activations aligned = actual.alignTo(expected.taskNames());
    assertEquals(expected.taskNames(), aligned.taskNames());
    for (int t = 0; t < expected.values().length; t++) {
      assertArrayEquals(expected.values()[t], aligned.values()[t], expected.taskNames().get(t));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"acts.npy", "acts.safetensors", "acts.csv", "acts.jsonl"})
  void roundTrip(String name) {
    Activations a = sample();
    Path file = dir.resolve(name);
    writer(name).accept(file, a);
    Activations back = ActivationFiles.read(file, Optional.empty());
    assertSameRows(a, back);
    assertEquals(a.features(), back.features());
  }

  @Test
  void sparseFormatsTreatMissingTasksAsZeroRowsAndDenseFormatsRefuse() {
    Activations a = sample();
    ActivationFiles.writeCsv(dir.resolve("a.csv"), a);
    Activations csv = ActivationFiles.read(dir.resolve("a.csv"), Optional.empty());
    assertEquals(6, csv.taskNames().size(), "task d has no non-zero");
    assertArrayEquals(new float[5], csv.alignTo(List.of("d")).values()[0]);
    ActivationFiles.writeNpy(dir.resolve("a.npy"), a);
    Activations npy = ActivationFiles.read(dir.resolve("a.npy"), Optional.empty());
    InputException e = assertThrows(InputException.class, () -> npy.alignTo(List.of("zzz")));
    assertTrue(e.getMessage().contains("zzz"));
  }

  @Test
  void csvWithTaskFileKeepsAllRowsInOrder() throws IOException {
    Activations a = sample();
    ActivationFiles.writeCsv(dir.resolve("a.csv"), a);
    ActivationFiles.writeTaskNames(dir.resolve("names.txt"), a.taskNames());
    Activations back =
        ActivationFiles.read(dir.resolve("a.csv"), Optional.of(dir.resolve("names.txt")));
    assertEquals(a.taskNames(), back.taskNames());
  }

  @Test
  void npyFloat64AndVersions2And3() {
    float[] data = {1, 2, 3, 4, 5, 6};
    for (int version = 1; version <= 3; version++) {
      byte[] bytes = npy(version, "<f8", "False", "(2, 3)", data, 8);
      Tensor t = Npy.parse(bytes, "x.npy");
      assertArrayEquals(new int[] {2, 3}, t.shape());
      assertArrayEquals(data, t.data());
    }
  }

  @Test
  void npyRejectsFortranOrderAndOtherDtypesClearly() {
    float[] data = {1, 2, 3, 4};
    InputException fortran =
        assertThrows(
            InputException.class,
            () -> Npy.parse(npy(1, "<f4", "True", "(2, 2)", data, 4), "f.npy"));
    assertTrue(
        fortran.getMessage().contains("f.npy") && fortran.getMessage().contains("Fortran"),
        fortran.getMessage());
    for (String dtype : new String[] {"<i8", ">f4", "<f2", "|O"}) {
      InputException e =
          assertThrows(
              InputException.class,
              () -> Npy.parse(npy(1, dtype, "False", "(2, 2)", data, 4), "d.npy"));
      assertTrue(e.getMessage().contains("dtype '" + dtype + "'"), e.getMessage());
    }
  }

  @Test
  void safetensorsHalfAndBfloat() {
    // 1.0, -2.5, 65504 (max half), a subnormal
    short[] half = {0x3c00, (short) 0xc100, 0x7bff, 0x0001};
    float[] expected = {1f, -2.5f, 65504f, 0x1p-24f};
    byte[] f16 = safetensors("F16", half);
    assertArrayEquals(expected, Safetensors.parse(f16, "h").tensors().get("x").data());
    short[] bf = {0x3f80, (short) 0xc020, 0x4049};
    byte[] b16 = safetensors("BF16", bf);
    float[] got = Safetensors.parse(b16, "b").tensors().get("x").data();
    assertArrayEquals(new float[] {1f, -2.5f, Float.intBitsToFloat(0x40490000)}, got);
  }

  @Test
  void nonFiniteValuesAndNameMismatchesAreInputErrors() throws IOException {
    Activations a = sample();
    float[][] v = a.values();
    v[2][1] = Float.NaN;
    Path file = dir.resolve("nan.npy");
    Npy.write(file, Tensor.of(v));
    ActivationFiles.writeTaskNames(ActivationFiles.defaultTaskFile(file), a.taskNames());
    InputException nan =
        assertThrows(InputException.class, () -> ActivationFiles.read(file, Optional.empty()));
    assertTrue(
        nan.getMessage().contains("NaN") && nan.getMessage().contains("nan.npy"), nan.getMessage());
    Path ok = dir.resolve("ok.npy");
    ActivationFiles.writeNpy(ok, sample());
    ActivationFiles.writeTaskNames(dir.resolve("short.txt"), a.taskNames().subList(0, 3));
    InputException rows =
        assertThrows(
            InputException.class,
            () -> ActivationFiles.read(ok, Optional.of(dir.resolve("short.txt"))));
    assertTrue(rows.getMessage().contains("7 rows but 3 task names"), rows.getMessage());
    Files.writeString(dir.resolve("inf.csv"), "task,feature,value\nt,0,inf\n");
    assertThrows(
        InputException.class, () -> ActivationFiles.read(dir.resolve("inf.csv"), Optional.empty()));
    Files.writeString(
        dir.resolve("dup.jsonl"),
        "{\"task\":\"t\",\"idx\":[0],\"val\":[1]}\n{\"task\":\"t\",\"idx\":[1],\"val\":[1]}\n");
    assertThrows(
        InputException.class,
        () -> ActivationFiles.read(dir.resolve("dup.jsonl"), Optional.empty()));
    Files.write(dir.resolve("model.pkl"), new byte[] {(byte) 0x80, 4});
    InputException pickle =
        assertThrows(
            InputException.class,
            () -> ActivationFiles.read(dir.resolve("model.pkl"), Optional.empty()));
    assertTrue(pickle.getMessage().contains("pickle"));
  }

  @Test
  void npyOneDimensionalIsRejectedAsActivations() {
    Path file = dir.resolve("v.npy");
    Npy.write(file, Tensor.vector(new float[] {1, 2, 3}));
    ActivationFiles.writeTaskNames(ActivationFiles.defaultTaskFile(file), List.of("a", "b", "c"));
    InputException e =
        assertThrows(InputException.class, () -> ActivationFiles.read(file, Optional.empty()));
    assertTrue(e.getMessage().contains("2-D"), e.getMessage());
  }

  /** Fuzz-ish: truncations and byte corruptions of valid files of each format. */
  @Nested
  class Malformed {
    @ParameterizedTest
    @ValueSource(strings = {"acts.npy", "acts.safetensors"})
    void everyTruncationOfABinaryFileIsAnInputError(String name) throws IOException {
      Path file = dir.resolve(name);
      writer(name).accept(file, sample());
      byte[] bytes = Files.readAllBytes(file);
      for (int length = 0; length < bytes.length; length++) {
        Files.write(file, Arrays.copyOf(bytes, length));
        try {
          ActivationFiles.read(file, Optional.empty());
          fail("truncation to " + length + " of " + bytes.length + " bytes was accepted");
        } catch (InputException e) {
          assertTrue(e.getMessage().contains(name), e.getMessage());
        }
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"acts.npy", "acts.safetensors", "acts.csv", "acts.jsonl"})
    void corruptionsAreInputErrorsOrValidReads(String name) throws IOException {
      Path file = dir.resolve(name);
      writer(name).accept(file, sample());
      byte[] bytes = Files.readAllBytes(file);
      Random random = new Random(name.hashCode());
      int inputErrors = 0;
      for (int trial = 0; trial < 400; trial++) {
        byte[] bad = bytes.clone();
        int kind = trial % 4;
        if (kind == 0) {
          bad = Arrays.copyOf(bytes, random.nextInt(bytes.length));
        } else if (kind == 1) {
          bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
        } else if (kind == 2) {
          // Corrupt the first 100 bytes, where the headers are.
          bad[random.nextInt(Math.min(100, bad.length))] =
              (byte) SPECIAL.charAt(random.nextInt(SPECIAL.length()));
        } else {
          for (int k = 0; k < 8; k++) {
            bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
          }
        }
        Files.write(file, bad);
        try {
          Activations a = ActivationFiles.read(file, Optional.empty());
          // A corruption may still be a well-formed file (a changed digit, a cut at a line end).
          for (float[] row : a.values()) {
            for (float v : row) {
              assertTrue(Float.isFinite(v));
            }
          }
        } catch (InputException e) {
          inputErrors++;
          assertTrue(e.getMessage().contains(name), e.getMessage());
        } catch (RuntimeException e) {
          fail("trial " + trial + " gave " + e + " instead of an InputException");
        }
      }
      assertTrue(inputErrors > 50, "only " + inputErrors + " corruptions were detected");
    }

    @Test
    void textTruncationsMidLineAreInputErrors() throws IOException {
      for (String name : new String[] {"acts.csv", "acts.jsonl"}) {
        Path file = dir.resolve(name);
        writer(name).accept(file, sample());
        String text = Files.readString(file);
        int cut = text.indexOf("\n", 30) + 1;
        // Inside a JSON object or before a CSV value: both are broken records.
        String broken =
            name.endsWith(".csv") ? text.substring(0, cut) + "e,3" : text.substring(0, cut + 20);
        Files.writeString(file, broken);
        assertThrows(
            InputException.class, () -> ActivationFiles.read(file, Optional.empty()), name);
      }
    }
  }

  static BiConsumer<Path, Activations> writer(String name) {
    if (name.endsWith(".npy")) {
      return ActivationFiles::writeNpy;
    } else if (name.endsWith(".safetensors")) {
      return ActivationFiles::writeSafetensors;
    } else if (name.endsWith(".csv")) {
      return ActivationFiles::writeCsv;
    }
    return ActivationFiles::writeJsonl;
  }

  static byte[] npy(
      int version, String dtype, String fortran, String shape, float[] data, int itemSize) {
    String dict =
        "{'descr': '" + dtype + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
    int prefix = version == 1 ? 10 : 12;
    int padding = (64 - (prefix + dict.length() + 1) % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteBuffer b =
        ByteBuffer.allocate(prefix + header.length() + data.length * itemSize)
            .order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
    if (version == 1) {
      b.putShort((short) header.length());
    } else {
      b.putInt(header.length());
    }
    b.put(header.getBytes(StandardCharsets.ISO_8859_1));
    for (float f : data) {
      if (itemSize == 8) {
        b.putDouble(f);
      } else {
        b.putFloat(f);
      }
    }
    return b.array();
  }

  static byte[] safetensors(String dtype, short[] values) {
    String json =
        "{\"x\":{\"dtype\":\""
            + dtype
            + "\",\"shape\":["
            + values.length
            + "],\"data_offsets\":[0,"
            + 2 * values.length
            + "]},\"__metadata__\":{\"format\":\"pt\"}}";
    byte[] h = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b =
        ByteBuffer.allocate(8 + h.length + 2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h);
    for (short s : values) {
      b.putShort(s);
    }
    return b.array();
  }

  @Test
  void safetensorsWriterRoundTripsMetadataAndShapes() {
    Tensor m = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    Tensor v = Tensor.vector(new float[] {7, 8});
    byte[] bytes =
        Safetensors.toBytes(ImmutableMap.of("m", m, "v", v), ImmutableMap.of("k", "value"));
    assertEquals(
        0,
        (ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0)) % 8,
        "8-byte aligned data");
    Safetensors.Contents c = Safetensors.parse(bytes, "t");
    assertEquals(m, c.tensors().get("m"));
    assertEquals(v, c.tensors().get("v"));
    assertEquals("value", c.metadata().get("k"));
  }
}

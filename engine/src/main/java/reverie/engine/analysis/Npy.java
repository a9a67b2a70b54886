package reverie.engine.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reverie.dsl.InputException;

/**
 * Reads and writes numpy's {@code .npy} format (versions 1 to 3) for little-endian float32/float64
 * arrays in C order; never unpickles anything.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR =
      Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
  private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(\\w+)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** Reads an array file; every problem is an {@link InputException} naming the file. */
  public static Tensor read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  static Tensor parse(byte[] bytes, String name) {
    if (bytes.length < 10) {
      throw bad(name, "too short for an .npy file (" + bytes.length + " bytes)");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw bad(name, "not an .npy file (no \\x93NUMPY magic)");
      }
    }
    int major = bytes[6] & 0xff;
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength;
    int headerStart;
    if (major == 1) {
      headerLength = buffer.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw bad(name, "truncated header");
      }
      headerLength = buffer.getInt(8) & 0xffffffffL;
      headerStart = 12;
    } else {
      throw bad(name, "unsupported .npy version " + major + "." + (bytes[7] & 0xff));
    }
    if (headerStart + headerLength > bytes.length) {
      throw bad(
          name,
          "truncated header ("
              + headerLength
              + " bytes announced, "
              + (bytes.length - headerStart)
              + " present)");
    }
    String header =
        new String(
            bytes,
            headerStart,
            (int) headerLength,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, name, "descr");
    String fortran = group(FORTRAN, header, name, "fortran_order");
    String shapeText = group(SHAPE, header, name, "shape");
    if (fortran.equals("True")) {
      throw bad(
          name, "Fortran-order arrays are not supported; save with numpy.ascontiguousarray(a)");
    }
    if (!fortran.equals("False")) {
      throw bad(name, "fortran_order is '" + fortran + "', expected True or False");
    }
    int itemSize;
    if (descr.equals("<f4")) {
      itemSize = 4;
    } else if (descr.equals("<f8")) {
      itemSize = 8;
    } else {
      throw bad(
          name,
          "unsupported dtype '"
              + descr
              + "' (expected little-endian float32 '<f4' or float64 '<f8')");
    }
    int[] shape = parseShape(shapeText, name);
    long count = 1;
    for (int d : shape) {
      count *= d;
      if (count > Integer.MAX_VALUE) {
        throw bad(name, "array of shape " + Tensor.shapeString(shape) + " is too large");
      }
    }
    int dataStart = headerStart + (int) headerLength;
    long expected = count * itemSize;
    long present = bytes.length - dataStart;
    if (present < expected) {
      throw bad(
          name,
          "truncated data: shape "
              + Tensor.shapeString(shape)
              + " needs "
              + expected
              + " bytes, found "
              + present);
    }
    if (present > expected) {
      throw bad(
          name,
          (present - expected)
              + " unexpected bytes after the data of shape "
              + Tensor.shapeString(shape));
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw bad(name, "array too large: " + count + " values");
    }
    float[] data = new float[(int) count];
    buffer.position(dataStart);
    for (int i = 0; i < data.length; i++) {
      data[i] = itemSize == 4 ? buffer.getFloat() : (float) buffer.getDouble();
    }
    return new Tensor(shape, data);
  }

  private static int[] parseShape(String text, String name) {
    String[] parts = text.split(",");
    int n = 0;
    int[] dims = new int[parts.length];
    for (String part : parts) {
      String p = part.strip();
      if (p.endsWith("L")) {
        p = p.substring(0, p.length() - 1);
      }
      if (p.isEmpty()) {
        continue;
      }
      try {
        dims[n] = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw bad(name, "bad shape (" + text + ")");
      }
      if (dims[n] < 0) {
        throw bad(name, "negative dimension in shape (" + text + ")");
      }
      n++;
    }
    return java.util.Arrays.copyOf(dims, n);
  }

  private static String group(Pattern pattern, String header, String name, String key) {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw bad(name, "header has no '" + key + "' entry");
    }
    return m.group(1);
  }

  private static InputException bad(String name, String problem) {
    return new InputException(name + ": " + problem);
  }

  /** Writes a float32 array as an .npy version 1 file. */
  public static void write(Path file, Tensor tensor) {
    try {
      Files.write(file, toBytes(tensor));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] toBytes(Tensor tensor) {
    String dict =
        "{'descr': '<f4', 'fortran_order': False, 'shape': " + tensor.shapeString() + ", }";
    // The data must start on a 64-byte boundary; the header ends with a newline.
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteBuffer out =
        ByteBuffer.allocate(10 + header.length() + 4 * tensor.data().length)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.put(header.getBytes(StandardCharsets.ISO_8859_1));
    for (float v : tensor.data()) {
      out.putFloat(v);
    }
    return out.array();
  }
}

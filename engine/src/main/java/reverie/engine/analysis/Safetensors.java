package reverie.engine.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import reverie.dsl.InputException;

/**
 * Reads and writes Hugging Face's {@code .safetensors} format: an 8-byte little-endian header
 * length, a JSON header, then raw little-endian data; tensors of dtype F32, F16, BF16 and F64 are
 * read as floats.
 */
public final class Safetensors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_HEADER = 100L << 20;

  /** The tensors of one file, by name, and its {@code __metadata__} strings. */
  public record Contents(
      ImmutableMap<String, Tensor> tensors, ImmutableMap<String, String> metadata) {

    /** The tensor called {@code name}, or an {@link InputException} naming {@code file}. */
    public Tensor require(String name, String file) {
      Tensor t = tensors.get(name);
      if (t == null) {
        throw new InputException(
            file + ": no tensor '" + name + "' (it has " + tensors.keySet() + ")");
      }
      return t;
    }
  }

  private Safetensors() {}

  public static Contents read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  static Contents parse(byte[] bytes, String name) {
    if (bytes.length < 8) {
      throw bad(name, "too short for a .safetensors file (" + bytes.length + " bytes)");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = buffer.getLong(0);
    if (headerLength < 2 || headerLength > MAX_HEADER || 8 + headerLength > bytes.length) {
      throw bad(
          name,
          "bad or truncated header (length "
              + headerLength
              + ", file has "
              + bytes.length
              + " bytes)");
    }
    JsonNode header;
    try {
      header =
          reverie.dsl.JsonText.parse(
              new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8), "header");
    } catch (InputException e) {
      throw bad(name, e.getMessage());
    }
    if (header == null || !header.isObject()) {
      throw bad(name, "header is not a JSON object");
    }
    int dataStart = 8 + (int) headerLength;
    long dataLength = bytes.length - dataStart;
    ImmutableMap.Builder<String, Tensor> tensors = ImmutableMap.builder();
    ImmutableMap.Builder<String, String> metadata = ImmutableMap.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (e.getKey().equals("__metadata__")) {
        if (!v.isObject()) {
          throw bad(name, "__metadata__ is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> m = v.fields(); m.hasNext(); ) {
          Map.Entry<String, JsonNode> kv = m.next();
          if (!kv.getValue().isTextual()) {
            throw bad(name, "__metadata__ value '" + kv.getKey() + "' is not a string");
          }
          metadata.put(kv.getKey(), kv.getValue().asText());
        }
        continue;
      }
      tensors.put(e.getKey(), tensor(e.getKey(), v, buffer, dataStart, dataLength, name));
    }
    return new Contents(tensors.buildOrThrow(), metadata.buildOrThrow());
  }

  private static Tensor tensor(
      String key, JsonNode v, ByteBuffer buffer, int dataStart, long dataLength, String name) {
    String where = "tensor '" + key + "'";
    if (!v.isObject()
        || !v.path("dtype").isTextual()
        || !v.path("shape").isArray()
        || !v.path("data_offsets").isArray()
        || v.path("data_offsets").size() != 2) {
      throw bad(name, where + " needs dtype, shape and data_offsets [begin, end]");
    }
    String dtype = v.get("dtype").asText();
    int itemSize;
    switch (dtype) {
      case "F32" -> itemSize = 4;
      case "F16", "BF16" -> itemSize = 2;
      case "F64" -> itemSize = 8;
      default ->
          throw bad(
              name,
              where + " has unsupported dtype " + dtype + " (expected F32, F16, BF16 or F64)");
    }
    int[] shape = new int[v.get("shape").size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = v.get("shape").get(i);
      if (!d.canConvertToInt() || d.asInt() < 0) {
        throw bad(name, where + " has a bad shape " + v.get("shape"));
      }
      shape[i] = d.asInt();
      count *= shape[i];
      if (count > Integer.MAX_VALUE) {
        throw bad(name, where + " of shape " + v.get("shape") + " is too large");
      }
    }
    JsonNode offsets = v.get("data_offsets");
    if (!offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()) {
      throw bad(name, where + " has bad data_offsets " + offsets);
    }
    long begin = offsets.get(0).asLong();
    long end = offsets.get(1).asLong();
    if (begin < 0 || end < begin) {
      throw bad(name, where + " has bad data_offsets " + offsets);
    }
    if (end > dataLength) {
      throw bad(
          name,
          "truncated: " + where + " ends at byte " + end + " of the data, which has " + dataLength);
    }
    if (end - begin != count * itemSize) {
      throw bad(
          name,
          where
              + " of shape "
              + Tensor.shapeString(shape)
              + " and dtype "
              + dtype
              + " needs "
              + count * itemSize
              + " bytes, data_offsets give "
              + (end - begin));
    }
    float[] data = new float[(int) count];
    int p = dataStart + (int) begin;
    for (int i = 0; i < data.length; i++, p += itemSize) {
      data[i] =
          switch (dtype) {
            case "F32" -> buffer.getFloat(p);
            case "F64" -> (float) buffer.getDouble(p);
            case "BF16" -> Float.intBitsToFloat((buffer.getShort(p) & 0xffff) << 16);
            default -> halfToFloat(buffer.getShort(p) & 0xffff);
          };
    }
    return new Tensor(shape, data);
  }

  /** IEEE 754 binary16 to float (Java 17 has no {@code Float.float16ToFloat}). */
  static float halfToFloat(int bits) {
    int sign = (bits >>> 15) << 31;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      // Subnormal: mantissa * 2^-24.
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
  }

  /** Writes float32 tensors (in the map's order) and string metadata. */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
    try {
      Files.write(file, toBytes(tensors, metadata));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode m = header.putObject("__metadata__");
      metadata.forEach(m::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      ObjectNode t = header.putObject(e.getKey());
      t.put("dtype", "F32");
      var shape = t.putArray("shape");
      for (int d : e.getValue().shape()) {
        shape.add(d);
      }
      long size = 4L * e.getValue().data().length;
      t.putArray("data_offsets").add(offset).add(offset + size);
      offset += size;
    }
    byte[] json;
    try {
      json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // Pad the header with spaces so the data is 8-byte aligned, as the reference writer does.
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer out = ByteBuffer.allocate(8 + padded + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(padded).put(json);
    for (int i = json.length; i < padded; i++) {
      out.put((byte) ' ');
    }
    for (Tensor t : tensors.values()) {
      for (float f : t.data()) {
        out.putFloat(f);
      }
    }
    return out.array();
  }

  private static InputException bad(String name, String problem) {
    return new InputException(name + ": " + problem);
  }
}

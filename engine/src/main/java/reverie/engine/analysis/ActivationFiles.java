package reverie.engine.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reverie.dsl.InputException;

/**
 * Reads activation files in four formats, chosen by extension: long-form sparse {@code .csv}
 * ({@code task,feature,value}, non-zeros only), dense {@code .npy} with a task-name file, {@code
 * .safetensors} with an {@code activations} tensor and the task names in {@code
 * __metadata__["tasks"]} (a JSON list), and {@code .jsonl} ({@code {"task": ..., "idx": [...],
 * "val": [...]}}); writes the dense ones.
 */
public final class ActivationFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The safetensors tensor holding the activations. */
  public static final String TENSOR = "activations";

  /** The safetensors metadata key holding the task names as a JSON list of strings. */
  public static final String TASKS_KEY = "tasks";

  private ActivationFiles() {}

  /**
   * Reads {@code file}; {@code tasks} names a task-name file (one per line) for the rows, needed
   * for {@code .npy} unless {@code FILE.tasks.txt} sits beside it, optional for {@code
   * .safetensors}.
   */
  public static Activations read(Path file, Optional<Path> tasks) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such file");
    }
    if (name.endsWith(".csv")) {
      return readCsv(file, tasks);
    } else if (name.endsWith(".jsonl")) {
      return readJsonl(file, tasks);
    } else if (name.endsWith(".npy")) {
      Path names = tasks.orElseGet(() -> defaultTaskFile(file));
      if (!Files.isRegularFile(names)) {
        throw new InputException(
            file
                + ": an .npy file needs its task names (--tasks NAMES.txt, or "
                + names.getFileName()
                + " beside it)");
      }
      Tensor t = Npy.read(file);
      return fromMatrix(file.toString(), t, readTaskNames(names));
    } else if (name.endsWith(".safetensors")) {
      return readSafetensors(file, tasks);
    } else if (name.endsWith(".pkl") || name.endsWith(".pt") || name.endsWith(".pickle")) {
      throw new InputException(
          file + ": pickle files are never read; save .npy, .safetensors, .csv or .jsonl instead");
    }
    throw new InputException(
        file + ": unknown activation format (expected .csv, .npy, .safetensors or .jsonl)");
  }

  /** {@code emb.npy} -> {@code emb.tasks.txt}. */
  public static Path defaultTaskFile(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return file.resolveSibling((dot < 0 ? n : n.substring(0, dot)) + ".tasks.txt");
  }

  /** One task name per line; blank lines at the end are ignored. */
  public static List<String> readTaskNames(Path file) {
    List<String> lines = lines(file);
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      String s = lines.get(i).strip();
      if (s.isEmpty()) {
        throw new InputException(file + ": line " + (i + 1) + " is an empty task name");
      }
      names.add(s);
    }
    return names;
  }

  static Activations fromMatrix(String source, Tensor t, List<String> names) {
    if (t.rank() != 2) {
      throw new InputException(
          source
              + ": activations must be a 2-D array (tasks x features), got shape "
              + t.shapeString());
    }
    if (names.size() != t.shape()[0]) {
      throw new InputException(
          source + ": " + t.shape()[0] + " rows but " + names.size() + " task names");
    }
    return Activations.checked(source, names, t.matrix(), false);
  }

  private static Activations readSafetensors(Path file, Optional<Path> tasks) {
    Safetensors.Contents c = Safetensors.read(file);
    Tensor t = c.require(TENSOR, file.toString());
    List<String> names;
    if (tasks.isPresent()) {
      names = readTaskNames(tasks.get());
    } else {
      String json = c.metadata().get(TASKS_KEY);
      if (json == null) {
        throw new InputException(
            file
                + ": no task names (__metadata__ has no '"
                + TASKS_KEY
                + "'; pass --tasks NAMES.txt)");
      }
      names = new ArrayList<>();
      try {
        JsonNode list = JSON.readTree(json);
        if (list == null || !list.isArray()) {
          throw new InputException(file + ": __metadata__['" + TASKS_KEY + "'] is not a JSON list");
        }
        for (JsonNode n : list) {
          if (!n.isTextual()) {
            throw new InputException(
                file + ": __metadata__['" + TASKS_KEY + "'] holds a non-string " + n);
          }
          names.add(n.asText());
        }
      } catch (JsonProcessingException e) {
        throw new InputException(file + ": __metadata__['" + TASKS_KEY + "'] is not valid JSON");
      }
    }
    return fromMatrix(file.toString(), t, names);
  }

  private static Activations readCsv(Path file, Optional<Path> tasks) {
    List<String> lines = lines(file);
    Map<String, Map<Integer, Float>> rows = new LinkedHashMap<>();
    int width = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String where = file + ":" + (i + 1);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = Csv.split(line, where);
      if (i == 0
          && f.size() == 3
          && f.get(0).equalsIgnoreCase("task")
          && f.get(1).equalsIgnoreCase("feature")) {
        continue;
      }
      if (f.size() != 3) {
        throw new InputException(where + ": expected 3 fields task,feature,value, got " + f.size());
      }
      int feature = parseIndex(f.get(1), where);
      float value = parseValue(f.get(2), where);
      if (rows.computeIfAbsent(f.get(0), k -> new LinkedHashMap<>()).put(feature, value) != null) {
        throw new InputException(
            where + ": task '" + f.get(0) + "' feature " + feature + " given twice");
      }
      width = Math.max(width, feature + 1);
    }
    return sparseRows(file, rows, width, tasks);
  }

  private static Activations readJsonl(Path file, Optional<Path> tasks) {
    List<String> lines = lines(file);
    Map<String, Map<Integer, Float>> rows = new LinkedHashMap<>();
    int width = 0;
    for (int i = 0; i < lines.size(); i++) {
      String where = file + ":" + (i + 1);
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode n = reverie.dsl.JsonText.parse(lines.get(i), where);
      if (n == null
          || !n.isObject()
          || !n.path("task").isTextual()
          || !n.path("idx").isArray()
          || !n.path("val").isArray()) {
        throw new InputException(
            where + ": expected {\"task\": name, \"idx\": [...], \"val\": [...]}");
      }
      JsonNode idx = n.get("idx");
      JsonNode val = n.get("val");
      if (idx.size() != val.size()) {
        throw new InputException(
            where + ": " + idx.size() + " indices but " + val.size() + " values");
      }
      String task = n.get("task").asText();
      if (rows.containsKey(task)) {
        throw new InputException(where + ": task '" + task + "' appears twice");
      }
      Map<Integer, Float> row = new LinkedHashMap<>();
      for (int k = 0; k < idx.size(); k++) {
        if (!idx.get(k).canConvertToInt()
            || !idx.get(k).isIntegralNumber()
            || idx.get(k).asInt() < 0) {
          throw new InputException(
              where + ": index " + idx.get(k) + " is not a non-negative integer");
        }
        if (!val.get(k).isNumber()) {
          throw new InputException(where + ": value " + val.get(k) + " is not a number");
        }
        float v = (float) val.get(k).asDouble();
        if (!Float.isFinite(v)) {
          throw new InputException(where + ": value " + val.get(k) + " is not finite");
        }
        if (row.put(idx.get(k).asInt(), v) != null) {
          throw new InputException(where + ": index " + idx.get(k) + " given twice");
        }
        width = Math.max(width, idx.get(k).asInt() + 1);
      }
      if (n.has("dim")) {
        if (!n.get("dim").canConvertToInt() || n.get("dim").asInt() < width) {
          throw new InputException(where + ": dim " + n.get("dim") + " is smaller than an index");
        }
        width = Math.max(width, n.get("dim").asInt());
      }
      rows.put(task, row);
    }
    return sparseRows(file, rows, width, tasks);
  }

  private static Activations sparseRows(
      Path file, Map<String, Map<Integer, Float>> rows, int width, Optional<Path> tasks) {
    List<String> names = new ArrayList<>(rows.keySet());
    if (tasks.isPresent()) {
      List<String> all = readTaskNames(tasks.get());
      java.util.Set<String> known = new java.util.HashSet<>(all);
      for (String t : names) {
        if (!known.contains(t)) {
          throw new InputException(file + ": task '" + t + "' is not in " + tasks.get());
        }
      }
      names = all;
    }
    if (width > 1 << 24) {
      throw new InputException(file + ": feature index " + (width - 1) + " is too large");
    }
    float[][] values = new float[names.size()][width];
    for (int r = 0; r < names.size(); r++) {
      Map<Integer, Float> row = rows.get(names.get(r));
      if (row != null) {
        for (Map.Entry<Integer, Float> e : row.entrySet()) {
          values[r][e.getKey()] = e.getValue();
        }
      }
    }
    return Activations.checked(file.toString(), names, values, true);
  }

  private static int parseIndex(String s, String where) {
    try {
      int i = Integer.parseInt(s);
      if (i >= 0) {
        return i;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new InputException(where + ": feature '" + s + "' is not a non-negative integer");
  }

  private static float parseValue(String s, String where) {
    float v;
    try {
      v = Float.parseFloat(s);
    } catch (NumberFormatException e) {
      throw new InputException(where + ": value '" + s + "' is not a number");
    }
    if (!Float.isFinite(v)) {
      throw new InputException(where + ": value '" + s + "' is not finite");
    }
    return v;
  }

  static List<String> lines(Path file) {
    try {
      List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      // Spreadsheet programs often start UTF-8 files with a byte-order mark.
      if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
        lines.set(0, lines.get(0).substring(1));
      }
      return lines;
    } catch (CharacterCodingException e) {
      throw new InputException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the rows as float32 {@code .npy} and the task names beside it ({@link
   * #defaultTaskFile}).
   */
  public static void writeNpy(Path file, Activations a) {
    Npy.write(file, Tensor.of(a.values()));
    writeTaskNames(defaultTaskFile(file), a.taskNames());
  }

  /** Writes the rows as an {@code activations} tensor with the task names in the metadata. */
  public static void writeSafetensors(Path file, Activations a) {
    String names;
    try {
      names = JSON.writeValueAsString(a.taskNames());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Safetensors.write(
        file, ImmutableMap.of(TENSOR, Tensor.of(a.values())), ImmutableMap.of(TASKS_KEY, names));
  }

  /** Writes non-zeros only, {@code task,feature,value}, with a header. */
  public static void writeCsv(Path file, Activations a) {
    StringBuilder s = new StringBuilder("task,feature,value\n");
    for (int r = 0; r < a.values().length; r++) {
      for (int c = 0; c < a.features(); c++) {
        if (a.values()[r][c] != 0) {
          s.append(Csv.quote(a.taskNames().get(r)))
              .append(',')
              .append(c)
              .append(',')
              .append(a.values()[r][c])
              .append('\n');
        }
      }
    }
    writeString(file, s.toString());
  }

  /** Writes one JSON object per task with its non-zero indices and values. */
  public static void writeJsonl(Path file, Activations a) {
    StringBuilder s = new StringBuilder();
    for (int r = 0; r < a.values().length; r++) {
      var node = JSON.createObjectNode();
      node.put("task", a.taskNames().get(r));
      var idx = node.putArray("idx");
      var val = node.putArray("val");
      for (int c = 0; c < a.features(); c++) {
        if (a.values()[r][c] != 0) {
          idx.add(c);
          val.add(a.values()[r][c]);
        }
      }
      node.put("dim", a.features());
      s.append(node).append('\n');
    }
    writeString(file, s.toString());
  }

  public static void writeTaskNames(Path file, List<String> names) {
    writeString(file, String.join("\n", names) + "\n");
  }

  static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

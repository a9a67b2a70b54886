package reverie.engine.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reverie.dsl.InputException;

/**
 * A sparse code on the SAE side: one row of feature activations per task ({@code
 * values[task][feature]}).
 *
 * @param source where the rows came from, for messages
 * @param sparse whether the source lists non-zeros only, so that a task it does not mention is a
 *     zero row
 */
public record Activations(
    String source, ImmutableList<String> taskNames, float[][] values, boolean sparse) {

  public Activations {
    checkArgument(
        taskNames.size() == values.length,
        "%s task names for %s rows",
        taskNames.size(),
        values.length);
    int width = values.length == 0 ? 0 : values[0].length;
    for (float[] row : values) {
      checkArgument(row.length == width, "ragged activation rows");
    }
  }

  /** Checks the invariants a user file may break, naming {@code source}. */
  static Activations checked(
      String source, List<String> taskNames, float[][] values, boolean sparse) {
    if (taskNames.size() != values.length) {
      throw new InputException(
          source + ": " + taskNames.size() + " task names for " + values.length + " rows");
    }
    Set<String> seen = new HashSet<>();
    for (String t : taskNames) {
      if (!seen.add(t)) {
        throw new InputException(source + ": task '" + t + "' appears twice");
      }
    }
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[r].length; c++) {
        if (!Float.isFinite(values[r][c])) {
          throw new InputException(
              source + ": " + values[r][c] + " at task '" + taskNames.get(r) + "', feature " + c);
        }
      }
    }
    return new Activations(source, ImmutableList.copyOf(taskNames), values, sparse);
  }

  public int features() {
    return values.length == 0 ? 0 : values[0].length;
  }

  /**
   * The rows for {@code tasks}, in that order: a task absent from a sparse source is a zero row,
   * from a dense source an {@link InputException}.
   */
  public Activations alignTo(List<String> tasks) {
    Map<String, Integer> row = new HashMap<>();
    for (int r = 0; r < taskNames.size(); r++) {
      row.put(taskNames.get(r), r);
    }
    float[][] out = new float[tasks.size()][];
    List<String> missing = new java.util.ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      Integer r = row.get(tasks.get(i));
      if (r == null) {
        missing.add(tasks.get(i));
        out[i] = new float[features()];
      } else {
        out[i] = values[r].clone();
      }
    }
    if (!sparse && !missing.isEmpty()) {
      throw new InputException(
          source
              + ": no row for "
              + missing.size()
              + " task(s) of the library, e.g. '"
              + missing.get(0)
              + "'");
    }
    return new Activations(source, ImmutableList.copyOf(tasks), out, sparse);
  }
}

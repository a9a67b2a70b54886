package reverie.tasks.logo;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.program.Program;
import reverie.tasks.Example;
import reverie.tasks.Suite;
import reverie.tasks.Task;
import reverie.tasks.TaskFormatException;

/**
 * Reads DreamCoder's LOGO task file ({@code logo_tasks.json}): an array of {@code {"name",
 * "program", "train", "source", "supervise"}}, each task a reference program whose drawing is the
 * target, rendered here at 28 x 28. The tasks marked {@code "train": true} are the suite's own
 * training split ({@link Suite#ownSplit}).
 *
 * <p>A file is this layout when it is an array whose first task has a {@code "program"} that parses
 * with the LOGO primitives (the tower tasks have programs too, in other primitives). A task may add
 * {@code "tolerance"} (see {@link GreyImage}). As in DreamCoder, a reference drawing larger than
 * the canvas still makes a target (clipped at the edges), which no program can match: DreamCoder's
 * "blocks zigzag 5" is such a task.
 */
final class LogoTaskFile {
  private static final ImmutableSet<String> KEYS =
      ImmutableSet.of("name", "program", "train", "source", "supervise", "tolerance");

  private LogoTaskFile() {}

  static Optional<Suite> read(LogoDomain domain, JsonNode root, String file, String defaultName) {
    if (!root.isArray() || root.isEmpty() || !isLogoTask(domain, root.get(0))) {
      return Optional.empty();
    }
    ImmutableList.Builder<Task> tasks = ImmutableList.builder();
    ImmutableSet.Builder<String> training = ImmutableSet.builder();
    boolean anyTraining = false;
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode task = root.get(i);
      if (!task.isObject()) {
        throw TaskFormatException.inTask(
            file, i, null, "expected a task object {\"name\", \"program\", \"train\"}");
      }
      JsonNode nameNode = task.get("name");
      if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
        throw TaskFormatException.inTask(file, i, null, "missing 'name' (a non-empty string)");
      }
      String name = nameNode.textValue();
      Integer earlier = seen.putIfAbsent(name, i);
      if (earlier != null) {
        throw TaskFormatException.inTask(
            file, i, name, "duplicate task name (also task #" + earlier + ")");
      }
      for (Iterator<String> keys = task.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!KEYS.contains(key)) {
          throw TaskFormatException.inTask(
              file, i, name, "unknown field '" + key + "' (expected " + KEYS + ")");
        }
      }
      JsonNode program = task.get("program");
      if (program == null || !program.isTextual()) {
        throw TaskFormatException.inTask(file, i, name, "missing 'program' (a string)");
      }
      JsonNode train = task.get("train");
      if (train != null && !train.isBoolean()) {
        throw TaskFormatException.inTask(file, i, name, "'train' must be true or false");
      }
      GreyImage target;
      try {
        target = domain.draw(program.textValue()).image(LogoDomain.TARGET_SIZE);
        JsonNode tolerance = task.get("tolerance");
        if (tolerance != null) {
          if (!tolerance.isNumber()
              || !(tolerance.doubleValue() >= 0 && tolerance.doubleValue() <= 255)) {
            throw new InputException("'tolerance' must be a number of grey levels in [0, 255]");
          }
          target = target.withTolerance(tolerance.doubleValue());
        }
      } catch (InputException e) {
        throw TaskFormatException.inTask(file, i, name, "program: " + e.getMessage());
      }
      if (train != null && train.booleanValue()) {
        training.add(name);
        anyTraining = true;
      }
      tasks.add(
          new Task(
              name,
              LogoDomain.REQUEST,
              ImmutableList.of(new Example(LogoDomain.START_INPUTS, target)),
              domain.name()));
    }
    return Optional.of(
        new Suite(
            defaultName,
            domain.name(),
            tasks.build(),
            anyTraining ? Optional.of(training.build()) : Optional.empty()));
  }

  /** Whether {@code task} looks like a LOGO reference task: its program parses in LOGO. */
  private static boolean isLogoTask(LogoDomain domain, JsonNode task) {
    if (!task.isObject() || task.has("examples") || !task.has("program")) {
      return false;
    }
    JsonNode program = task.get("program");
    if (!program.isTextual()) {
      return false;
    }
    try {
      Program.parse(program.textValue(), domain.resolver());
      return true;
    } catch (InputException e) {
      return false;
    }
  }
}

package reverie.tasks.towers;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import reverie.dsl.InputException;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.tasks.Example;
import reverie.tasks.Scorer;
import reverie.tasks.Suite;
import reverie.tasks.Task;
import reverie.tasks.TaskFormatException;

/**
 * Reads tower tasks in DreamCoder's layout, as in {@code tower_tasks.json}: a JSON array of tasks
 * {@code {"name", "plan", "world", "program", "train", "source", "forced_train"}}, recognised by a
 * {@code plan} or {@code world} in its first task. Each task's target is the world of its {@code
 * plan} (blocks {@code [x, w, h]}), or its {@code world} (blocks {@code [x, y, w, h]}; when both
 * are given they must agree), or else what its {@code program} builds. A program given beside a
 * plan or world is not run: seven of DreamCoder's use integer {@code -}, which no tower primitive
 * set has. Tasks whose {@code train} is true are the suite's own training tasks ({@link
 * Suite#ownSplit}); {@code source} and {@code forced_train} are DreamCoder's and ignored.
 *
 * <p>Such a file is read in the {@code towers} domain. To read it in {@code towers-old}, or to give
 * tasks by program alone, wrap it: {@code {"domain": "towers-old", "name": "...", "tower_tasks":
 * [...]}} ({@code domain} and {@code name} optional). Every task is a request {@code tower ->
 * tower} with one example, the empty tower to the target world.
 */
final class TowerTaskFile {
  static final String TASKS = "tower_tasks";

  private static final ImmutableSet<String> WRAPPER_KEYS = ImmutableSet.of("domain", "name", TASKS);
  private static final ImmutableSet<String> TASK_KEYS =
      ImmutableSet.of("name", "plan", "world", "program", "train", "source", "forced_train");

  private TowerTaskFile() {}

  /** The suite in {@code root}, if it is in this layout for {@code domain}. */
  static Optional<Suite> read(JsonNode root, String file, String defaultName, TowerDomain domain) {
    String suiteName = defaultName;
    JsonNode tasks;
    if (root.isObject() && root.has(TASKS)) {
      for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!WRAPPER_KEYS.contains(key)) {
          throw TaskFormatException.inFile(
              file, "unknown key '" + key + "' (a tower task file has " + WRAPPER_KEYS + ")");
        }
      }
      String named = text(root, "domain", TowerDomain.NAME, file);
      if (!named.equals(TowerDomain.NAME) && !named.equals(TowerDomain.OLD_NAME)) {
        throw TaskFormatException.inFile(
            file,
            "unknown tower domain '"
                + named
                + "' ("
                + TowerDomain.NAME
                + " or "
                + TowerDomain.OLD_NAME
                + ")");
      }
      if (!named.equals(domain.name())) {
        return Optional.empty();
      }
      suiteName = text(root, "name", defaultName, file);
      tasks = root.get(TASKS);
      if (!tasks.isArray() || tasks.isEmpty()) {
        throw TaskFormatException.inFile(file, "'" + TASKS + "' must be a non-empty array");
      }
    } else if (root.isArray()
        && !root.isEmpty()
        && root.get(0).isObject()
        && (root.get(0).has("plan") || root.get(0).has("world"))) {
      if (!domain.name().equals(TowerDomain.NAME)) {
        return Optional.empty();
      }
      tasks = root;
    } else {
      return Optional.empty();
    }
    return Optional.of(new Reader(file, domain).suite(suiteName, tasks));
  }

  private static String text(JsonNode root, String key, String absent, String file) {
    JsonNode v = root.get(key);
    if (v == null) {
      return absent;
    }
    if (!v.isTextual() || v.textValue().isEmpty()) {
      throw TaskFormatException.inFile(file, "'" + key + "' must be a non-empty string");
    }
    return v.textValue();
  }

  /** The reading state of one file. */
  private static final class Reader {
    private final String file;
    private final TowerDomain domain;
    private final Scorer scorer;
    private int index;
    private String name;

    Reader(String file, TowerDomain domain) {
      this.file = file;
      this.domain = domain;
      this.scorer = Scorer.of(domain);
    }

    Suite suite(String suiteName, JsonNode tasks) {
      ImmutableList.Builder<Task> read = ImmutableList.builder();
      Set<String> names = new HashSet<>();
      ImmutableSet.Builder<String> training = ImmutableSet.builder();
      boolean marked = false;
      for (index = 0; index < tasks.size(); index++) {
        name = null;
        JsonNode task = tasks.get(index);
        if (!task.isObject()) {
          throw error("expected a task object {\"name\", \"plan\", ...}");
        }
        JsonNode nameNode = task.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isEmpty()) {
          throw error("missing 'name' (a non-empty string)");
        }
        name = nameNode.textValue();
        for (Iterator<String> keys = task.fieldNames(); keys.hasNext(); ) {
          String key = keys.next();
          if (!TASK_KEYS.contains(key)) {
            throw error("unknown key '" + key + "' (a tower task has " + TASK_KEYS + ")");
          }
        }
        if (!names.add(name)) {
          throw error("a second task with this name");
        }
        for (String flag : new String[] {"train", "forced_train"}) {
          if (task.has(flag) && !task.get(flag).isBoolean()) {
            throw error("'" + flag + "' must be true or false");
          }
        }
        if (task.has("source") && !task.get("source").isTextual()) {
          throw error("'source' must be a string");
        }
        if (task.has("train")) {
          marked = true;
          if (task.get("train").booleanValue()) {
            training.add(name);
          }
        }
        World target = target(task);
        read.add(
            new Task(
                name,
                TowerPrimitives.STEP,
                ImmutableList.of(Example.of(ImmutableList.of(Tower.EMPTY), target)),
                domain.name()));
      }
      return new Suite(
          suiteName,
          domain.name(),
          read.build(),
          marked ? Optional.of(training.build()) : Optional.empty());
    }

    private World target(JsonNode task) {
      World fromPlan = null;
      if (task.has("plan")) {
        if (blockSize(task.get("plan")) == 4) {
          throw error("'plan' has blocks [x, y, w, h]; a plan's blocks are [x, w, h]");
        }
        Tower t = (Tower) value(task.get("plan"), "plan");
        try {
          fromPlan = t.world();
        } catch (EvaluationException e) {
          throw error("'plan' builds " + e.getMessage());
        }
      }
      World world = null;
      if (task.has("world")) {
        if (blockSize(task.get("world")) == 3) {
          throw error("'world' has blocks [x, w, h]; a world's blocks are [x, y, w, h]");
        }
        Object w = value(task.get("world"), "world");
        world = w instanceof World given ? given : World.EMPTY;
      }
      if (fromPlan != null && world != null && !fromPlan.equals(world)) {
        throw error(
            "its 'world' is not its 'plan' centred and dropped, which is "
                + TowerValues.toJson(fromPlan, TowerPrimitives.TOWER));
      }
      World target = fromPlan != null ? fromPlan : world;
      if (target == null) {
        if (!task.has("program")) {
          throw error("needs a 'plan', a 'world' or a 'program'");
        }
        target = built(task.get("program"));
      }
      if (target.size() == 0) {
        throw error("the target has no blocks");
      }
      return target;
    }

    /** The number of fields of the first block of a list of blocks, 0 if there is none. */
    private static int blockSize(JsonNode blocks) {
      return blocks.isArray() && !blocks.isEmpty() && blocks.get(0).isArray()
          ? blocks.get(0).size()
          : 0;
    }

    private Object value(JsonNode json, String key) {
      try {
        return TowerValues.fromJson(json, TowerPrimitives.TOWER);
      } catch (InputException e) {
        throw error("'" + key + "': " + e.getMessage());
      }
    }

    /** The world that the task's program builds. */
    private World built(JsonNode text) {
      if (!text.isTextual()) {
        throw error("'program' must be a string");
      }
      Program program;
      try {
        program = Program.parse(text.textValue(), domain.resolver());
        TypeInference.check(program, TowerPrimitives.STEP);
      } catch (InputException e) {
        throw error("bad program: " + e.getMessage());
      }
      try {
        Object out = scorer.compile(program).run(ImmutableList.of(Tower.EMPTY), scorer.meter());
        return Tower.of(out).world();
      } catch (EvaluationException e) {
        throw error("its program fails: " + e.getMessage());
      }
    }

    private TaskFormatException error(String problem) {
      return TaskFormatException.inTask(file, index, name, problem);
    }
  }
}

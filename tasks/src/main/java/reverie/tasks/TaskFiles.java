package reverie.tasks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.InputFiles;
import reverie.dsl.JsonText;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;

/**
 * Reads task files in the three layouts Reverie knows, telling them apart by content, and writes
 * Reverie's own.
 *
 * <ul>
 *   <li>DreamCoder's list tasks: {@code [{"type": {"input": "list-of-int", "output": "int"},
 *       "name": ..., "examples": [{"i": ..., "o": ...}]}]}, one input per task.
 *   <li>DreamCoder-style tasks with an explicit request: {@code [{"name": ..., "request":
 *       "list(char) -> list(char)", "examples": [{"inputs": [...], "output": ...}]}]}, as
 *       DreamCoder's text tasks.
 *   <li>Reverie's suite: {@code {"name": ..., "domain": ..., "tasks": [{"name", "request",
 *       "examples": [{"inputs", "output"}], "train"}]}} (docs/suite-format.md).
 * </ul>
 *
 * <p>In the two layouts with a request, a task may say {@code "train": true}: the tasks so marked
 * are the suite's own training split ({@link Suite#ownSplit}), the others its test split.
 *
 * <p>Values are read with the codec of the file's domain: the one a suite names, or else the most
 * specific installed domain whose base types cover the file's request types ({@link
 * Domains#covering}). A file in none of these layouts is offered to each domain's own reader
 * ({@link Domain#readTaskFile}). A file is validated completely before a {@link Suite} is returned,
 * so a bad file never yields part of its tasks; every problem is a {@link TaskFormatException}
 * naming the file, task and example.
 */
final class TaskFiles {
  // Task lists are plain data; the bound keeps a malicious file from exhausting the stack in the
  // value codec.
  private static final int MAX_TYPE_DEPTH = 32;
  private static final ImmutableSet<String> SUITE_KEYS =
      ImmutableSet.of("format", "name", "domain", "tasks");
  private static final ImmutableSet<String> TASK_KEYS =
      ImmutableSet.of("name", "request", "examples", "train");
  private static final ImmutableSet<String> EXAMPLE_KEYS = ImmutableSet.of("inputs", "output");
  static final String FORMAT = "reverie-suite/1";

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private TaskFiles() {}

  /** Reads and validates the file; its domain must be one of {@code domains}. */
  static Suite load(Path path, Domains domains) {
    String file = path.toString();
    byte[] bytes;
    try {
      bytes = InputFiles.read(path);
    } catch (InputException e) {
      throw TaskFormatException.inFile(file, e.getMessage().substring(file.length() + 2), e);
    }
    return parse(bytes, file, defaultName(path), domains);
  }

  /**
   * Parses the bytes of the task file {@code path} as {@link #load} would read them (messages name
   * the path; the suite's default name is the file's).
   */
  static Suite parse(byte[] content, Path path, Domains domains) {
    return parse(content, path.toString(), defaultName(path), domains);
  }

  /** Parses the content of a task file; {@code file} is the name used in messages. */
  static Suite parse(byte[] content, String file, String defaultName, Domains domains) {
    if (new String(content, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      throw TaskFormatException.inFile(file, "empty file (expected a JSON task list or suite)");
    }
    JsonNode root;
    try {
      root = JsonText.parse(content, file);
    } catch (InputException e) {
      throw TaskFormatException.inFile(file, e.getMessage().substring(file.length() + 2), e);
    }
    return fromTree(root, file, defaultName, domains);
  }

  /** Reads a parsed task file; {@code file} is the name used in messages. */
  static Suite fromTree(JsonNode root, String file, String defaultName, Domains domains) {
    if (root.isObject() && root.has("tasks")) {
      return new Reader(file, domains).reverieSuite(root, defaultName);
    }
    if (root.isArray()) {
      if (root.isEmpty()) {
        throw TaskFormatException.inFile(file, "no tasks (the task list is empty)");
      }
      JsonNode first = root.get(0);
      if (first.isObject() && first.has("type") && !first.has("request")) {
        return new Reader(file, domains).dreamCoderLists(root, defaultName);
      }
      if (first.isObject() && first.has("request")) {
        return new Reader(file, domains).dreamCoderRequests(root, defaultName);
      }
    }
    for (Domain d : domains.all()) {
      Optional<Suite> own = d.readTaskFile(root, file, defaultName);
      if (own.isPresent()) {
        return own.get();
      }
    }
    if (root.isObject()) {
      return new Reader(file, domains).reverieSuite(root, defaultName);
    }
    if (root.isArray()) {
      throw TaskFormatException.inFile(
          file,
          "unrecognised task list: the first task has neither 'type' "
              + "(DreamCoder list tasks) nor 'request' (DreamCoder-style tasks), and no domain"
              + " reads it");
    }
    throw TaskFormatException.inFile(
        file,
        "expected a JSON array of tasks or a suite object, found "
            + root.getNodeType().toString().toLowerCase());
  }

  /** Reverie's suite format as a JSON tree, values written by {@code domain}'s codec. */
  static ObjectNode toJson(Suite suite, Domain domain) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("name", suite.name());
    root.put("domain", suite.domain());
    ArrayNode tasks = root.putArray("tasks");
    for (Task t : suite.tasks()) {
      ObjectNode task = tasks.addObject();
      task.put("name", t.name());
      task.put("request", t.request().toString());
      if (suite.ownTraining().map(marked -> marked.contains(t.name())).orElse(false)) {
        task.put("train", true);
      }
      ArrayNode examples = task.putArray("examples");
      List<Type> inputTypes = t.inputTypes();
      for (Example e : t.examples()) {
        ObjectNode example = examples.addObject();
        ArrayNode inputs = example.putArray("inputs");
        for (int i = 0; i < inputTypes.size(); i++) {
          inputs.add(domain.valueToJson(e.inputs().get(i), inputTypes.get(i)));
        }
        example.set("output", domain.valueToJson(e.output(), t.outputType()));
      }
    }
    return root;
  }

  private static String defaultName(Path path) {
    Path fileName = path.getFileName();
    String name = fileName == null ? "suite" : fileName.toString();
    int dot = name.lastIndexOf('.');
    name = dot > 0 ? name.substring(0, dot) : name;
    return name.isEmpty() ? "suite" : name;
  }

  /** Converts DreamCoder's type names ({@code list-of-int}, {@code bool}, ...) to types. */
  static Type dreamCoderType(String name) {
    String rest = name;
    int depth = 0;
    while (rest.startsWith("list-of-") && depth < MAX_TYPE_DEPTH) {
      rest = rest.substring("list-of-".length());
      depth++;
    }
    Type t;
    switch (rest) {
      case "int":
        t = Type.of("int");
        break;
      case "bool":
        t = Type.of("bool");
        break;
      case "char":
        t = Type.of("char");
        break;
      case "str":
        t = Type.of("list", Type.of("char"));
        break;
      default:
        throw new InputException(
            "unknown type name '" + name + "' (known: int, bool, char, str, list-of-...)");
    }
    for (int i = 0; i < depth; i++) {
      t = Type.of("list", t);
    }
    return t;
  }

  /** The reading state of one file: its name for messages and the task being read. */
  private static final class Reader {
    private final String file;
    private final Domains domains;
    private Domain domain;
    private int taskIndex = -1;
    private String taskName;
    // The tasks marked "train": true, in file order; none marked means the suite has no own split.
    private final List<String> training = new ArrayList<>();

    Reader(String file, Domains domains) {
      this.file = file;
      this.domains = domains;
    }

    Suite dreamCoderLists(JsonNode root, String suiteName) {
      List<Type> requests = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < root.size(); i++) {
        JsonNode task = startTask(root.get(i), i, seen);
        JsonNode type = task.get("type");
        if (type == null || !type.isObject()) {
          throw taskError("missing 'type' object {\"input\": ..., \"output\": ...}");
        }
        requests.add(Type.arrow(typeName(type, "input"), typeName(type, "output")));
      }
      chooseDomain(requests);
      ImmutableList.Builder<Task> tasks = ImmutableList.builder();
      seen.clear();
      for (int i = 0; i < root.size(); i++) {
        JsonNode task = startTask(root.get(i), i, seen);
        Type request = requests.get(i);
        checkRequest(request);
        Type input = request.functionArguments().get(0);
        Type output = request.finalResult();
        JsonNode examples = examples(task);
        ImmutableList.Builder<Example> parsed = ImmutableList.builder();
        for (int e = 0; e < examples.size(); e++) {
          JsonNode example = examples.get(e);
          if (!example.isObject()) {
            throw exampleError(e, "expected an object {\"i\": ..., \"o\": ...}");
          }
          Object in = value(example, "i", input, e);
          Object out = value(example, "o", output, e);
          parsed.add(new Example(ImmutableList.of(in), out));
        }
        tasks.add(new Task(taskName, request, parsed.build(), domain.name()));
      }
      return suite(suiteName, tasks.build());
    }

    Suite dreamCoderRequests(JsonNode root, String suiteName) {
      chooseDomain(requestTypes(root));
      return suite(suiteName, requestTasks(root, false));
    }

    Suite reverieSuite(JsonNode root, String defaultName) {
      rejectUnknownKeys(root, SUITE_KEYS, "suite");
      JsonNode format = root.get("format");
      if (format != null && !(format.isTextual() && format.textValue().equals(FORMAT))) {
        throw TaskFormatException.inFile(
            file, "unknown format " + format + " (expected \"" + FORMAT + "\")");
      }
      String name = optionalText(root, "name", defaultName);
      JsonNode tasks = root.get("tasks");
      if (tasks == null || !tasks.isArray()) {
        throw TaskFormatException.inFile(file, "a suite object needs a 'tasks' array");
      }
      if (tasks.isEmpty()) {
        throw TaskFormatException.inFile(file, "no tasks (the 'tasks' array is empty)");
      }
      if (root.has("domain")) {
        String named = optionalText(root, "domain", "");
        domain =
            domains
                .find(named)
                .orElseThrow(
                    () ->
                        TaskFormatException.inFile(
                            file,
                            "unknown domain '"
                                + named
                                + "' (installed: "
                                + String.join(
                                    ", ", domains.all().stream().map(Domain::name).toList())
                                + ")"));
      } else {
        chooseDomain(requestTypes(tasks));
      }
      return suite(name, requestTasks(tasks, true));
    }

    /** The request types of a request-style task list, for choosing the domain. */
    private List<Type> requestTypes(JsonNode root) {
      List<Type> requests = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < root.size(); i++) {
        requests.add(request(startTask(root.get(i), i, seen)));
      }
      return requests;
    }

    private void chooseDomain(List<Type> requests) {
      taskIndex = -1;
      taskName = null;
      List<Type> types = new ArrayList<>();
      for (Type r : requests) {
        types.addAll(r.functionArguments());
        types.add(r.finalResult());
      }
      domain =
          domains
              .covering(types)
              .orElseThrow(
                  () ->
                      TaskFormatException.inFile(
                          file,
                          "no installed domain has values of every type the tasks use ("
                              + types.stream().distinct().map(Type::toString).toList()
                              + "); name one with \"domain\" in a Reverie suite"));
    }

    private Type request(JsonNode task) {
      JsonNode requestText = task.get("request");
      if (requestText == null || !requestText.isTextual()) {
        throw taskError("missing 'request' type string, such as \"list(int) -> int\"");
      }
      try {
        return Type.parse(requestText.textValue());
      } catch (InputException e) {
        throw taskError("bad request type: " + e.getMessage());
      }
    }

    private ImmutableList<Task> requestTasks(JsonNode root, boolean strict) {
      ImmutableList.Builder<Task> tasks = ImmutableList.builder();
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < root.size(); i++) {
        JsonNode task = startTask(root.get(i), i, seen);
        if (strict) {
          rejectUnknownKeys(task, TASK_KEYS, "task");
        }
        JsonNode train = task.get("train");
        if (train != null) {
          if (!train.isBoolean()) {
            throw taskError("'train' must be true or false");
          }
          if (train.booleanValue()) {
            training.add(taskName);
          }
        }
        Type request = request(task);
        checkRequest(request);
        List<Type> inputTypes = request.functionArguments();
        Type outputType = request.finalResult();
        JsonNode examples = examples(task);
        ImmutableList.Builder<Example> parsed = ImmutableList.builder();
        for (int e = 0; e < examples.size(); e++) {
          JsonNode example = examples.get(e);
          if (!example.isObject()) {
            throw exampleError(e, "expected an object {\"inputs\": [...], \"output\": ...}");
          }
          if (strict) {
            for (Iterator<String> keys = example.fieldNames(); keys.hasNext(); ) {
              String key = keys.next();
              if (!EXAMPLE_KEYS.contains(key)) {
                throw exampleError(
                    e, "unknown field '" + key + "' (expected " + EXAMPLE_KEYS + ")");
              }
            }
          }
          JsonNode inputs = example.get("inputs");
          if (inputs == null || !inputs.isArray()) {
            throw exampleError(e, "missing 'inputs' array");
          }
          if (inputs.size() != inputTypes.size()) {
            throw exampleError(
                e,
                inputs.size()
                    + " inputs, but the request type "
                    + request
                    + " takes "
                    + inputTypes.size());
          }
          ImmutableList.Builder<Object> in = ImmutableList.builder();
          for (int k = 0; k < inputTypes.size(); k++) {
            try {
              in.add(domain.valueFromJson(inputs.get(k), inputTypes.get(k)));
            } catch (InputException x) {
              throw exampleError(e, "input " + k + ": " + x.getMessage());
            }
          }
          Object out = value(example, "output", outputType, e);
          parsed.add(new Example(in.build(), out));
        }
        tasks.add(new Task(taskName, request, parsed.build(), domain.name()));
      }
      return tasks.build();
    }

    private JsonNode startTask(JsonNode task, int index, Map<String, Integer> seen) {
      taskIndex = index;
      taskName = null;
      if (!task.isObject()) {
        throw taskError(
            "expected a task object, found " + task.getNodeType().toString().toLowerCase());
      }
      JsonNode name = task.get("name");
      if (name == null || !name.isTextual() || name.textValue().isBlank()) {
        throw taskError("missing 'name' (a non-empty string)");
      }
      taskName = name.textValue();
      Integer earlier = seen.putIfAbsent(taskName, index);
      if (earlier != null) {
        throw taskError("duplicate task name (also task #" + earlier + ")");
      }
      return task;
    }

    private JsonNode examples(JsonNode task) {
      JsonNode examples = task.get("examples");
      if (examples == null || !examples.isArray()) {
        throw taskError("missing 'examples' array");
      }
      if (examples.isEmpty()) {
        throw taskError("no examples");
      }
      return examples;
    }

    private Type typeName(JsonNode type, String field) {
      JsonNode name = type.get(field);
      if (name == null || !name.isTextual()) {
        throw taskError("'type' needs a string '" + field + "', such as \"list-of-int\"");
      }
      try {
        return dreamCoderType(name.textValue());
      } catch (InputException e) {
        throw taskError(e.getMessage());
      }
    }

    private void checkRequest(Type request) {
      if (request.isPolymorphic()) {
        throw taskError(
            "request type " + request + " has type variables; a task needs a ground type");
      }
      try {
        domain.checkType(request);
      } catch (InputException e) {
        throw taskError("request type " + request + ": " + e.getMessage());
      }
      List<Type> types = new ArrayList<>(request.functionArguments());
      types.add(request.finalResult());
      for (Type t : types) {
        if (t.isArrow() || depth(t) > MAX_TYPE_DEPTH) {
          throw taskError(
              "request type "
                  + request
                  + ": values of type "
                  + t
                  + " cannot be given in a task file"
                  + (t.isArrow() ? " (a function)" : " (nested too deeply)"));
        }
      }
    }

    private Object value(JsonNode example, String field, Type type, int exampleIndex) {
      JsonNode json = example.get(field);
      if (json == null) {
        throw exampleError(exampleIndex, "missing '" + field + "'");
      }
      try {
        return domain.valueFromJson(json, type);
      } catch (InputException e) {
        throw exampleError(exampleIndex, field + ": " + e.getMessage());
      }
    }

    private String optionalText(JsonNode root, String field, String otherwise) {
      JsonNode node = root.get(field);
      if (node == null) {
        return otherwise;
      }
      if (!node.isTextual() || node.textValue().isBlank()) {
        throw TaskFormatException.inFile(file, "'" + field + "' must be a non-empty string");
      }
      return node.textValue();
    }

    private void rejectUnknownKeys(JsonNode node, ImmutableSet<String> known, String what) {
      for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!known.contains(key)) {
          String problem =
              "unknown field '" + key + "' in the " + what + " (expected " + known + ")";
          throw taskIndex < 0 ? TaskFormatException.inFile(file, problem) : taskError(problem);
        }
      }
    }

    private Suite suite(String name, ImmutableList<Task> tasks) {
      return new Suite(
          name,
          domain.name(),
          tasks,
          training.isEmpty() ? Optional.empty() : Optional.of(ImmutableSet.copyOf(training)));
    }

    private TaskFormatException taskError(String problem) {
      return TaskFormatException.inTask(file, taskIndex, taskName, problem);
    }

    private TaskFormatException exampleError(int exampleIndex, String problem) {
      return TaskFormatException.inExample(file, taskIndex, taskName, exampleIndex, problem);
    }

    private static int depth(Type t) {
      int d = 0;
      while (t instanceof TypeConstructor c && !c.arguments().isEmpty()) {
        t = c.arguments().get(0);
        d++;
      }
      return d;
    }
  }
}

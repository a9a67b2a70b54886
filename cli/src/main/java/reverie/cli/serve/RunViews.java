package reverie.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.engine.loop.Checkpoint;
import reverie.engine.loop.LibraryReport;
import reverie.engine.loop.LibraryView;
import reverie.engine.loop.RunTasks;
import reverie.engine.loop.TaskRunner;
import reverie.engine.recognition.RecognitionModel;
import reverie.tasks.Domain;
import reverie.tasks.Example;
import reverie.tasks.Task;

/**
 * The JSON documents behind the pages, built from the engine's records: the runs, one run (curve,
 * phase times, the library at each iteration, its tasks), an invention, a task, and a run's SAE
 * comparison. The server sends them and the static report embeds them; text from user files (task
 * names, values, programs) is only ever placed in JSON strings, and the page shows it as text.
 */
public final class RunViews {
  /** Example applications shown per invention, and per task among them. */
  static final int EXAMPLES = 8;

  static final int EXAMPLES_PER_TASK = 2;

  /** Productions listed for a task's predicted grammar. */
  static final int TOP_PRODUCTIONS = 8;

  /** Longest value text sent; a longer one is cut with an ellipsis. */
  static final int VALUE_CHARS = 2000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final RunCatalog catalog;
  private final ValuePictures pictures;

  public RunViews(RunCatalog catalog, ValuePictures pictures) {
    this.catalog = catalog;
    this.pictures = pictures;
  }

  public RunCatalog catalog() {
    return catalog;
  }

  /** Every run with its settings and latest figures. */
  public ObjectNode runs() {
    ObjectNode o = NODES.objectNode();
    o.put("version", catalog.version());
    ArrayNode runs = o.putArray("runs");
    for (ServedRun r : catalog.runs()) {
      runs.add(header(r, r.summary()));
    }
    return o;
  }

  /** What the runs page shows of one run, and every other page's heading. */
  private static ObjectNode header(ServedRun r, ServedRun.Summary s) {
    ObjectNode o = NODES.objectNode();
    o.put("id", r.id());
    o.put("path", r.dir().toString());
    s.error().ifPresent(e -> o.put("error", e));
    s.config()
        .ifPresent(
            c -> {
              o.put("source", c.source());
              o.put("iterations_planned", c.iterations());
              ObjectNode settings = c.toJson();
              settings.remove("format_version");
              o.set("settings", settings);
            });
    o.put("iterations_done", s.latest());
    o.put("checkpoints", s.iterations().size());
    s.last()
        .ifPresent(
            m -> {
              o.put("train_solved", m.trainSolved());
              o.put("train_total", m.trainTotal());
              o.put("test_solved", m.testSolved());
              o.put("test_total", m.testTotal());
              o.put("library_size", m.librarySize());
              o.put("library_depth", m.libraryDepth());
            });
    o.put("has_compare", s.compare().isPresent());
    o.put("stamp", Integer.toHexString(s.stamp().hashCode()));
    return o;
  }

  /** The run page: curve, phase times, the library at each iteration and the tasks. */
  public Optional<ObjectNode> run(String id) {
    return catalog.find(id).map(this::run);
  }

  private ObjectNode run(ServedRun r) {
    ServedRun.Summary s = r.summary();
    ObjectNode o = header(r, s);
    ArrayNode metrics = o.putArray("metrics");
    s.metrics().forEach(m -> metrics.add(m.toJson()));
    if (s.error().isPresent()) {
      return o;
    }
    try {
      addLibrariesAndTasks(o, r, history(r, s));
    } catch (InputException | UncheckedIOException e) {
      // A checkpoint that does not verify, or a task file that has gone: the page says which.
      o.put("error", ServedRun.message(e));
    }
    return o;
  }

  private static void addLibrariesAndTasks(ObjectNode o, ServedRun r, History h) {
    ArrayNode libraries = o.putArray("libraries");
    Set<String> before = Set.of();
    for (IterationData d : h.iterations()) {
      ObjectNode lib = libraries.addObject();
      lib.put("iteration", d.iteration());
      lib.put("depth", d.report().depth());
      ArrayNode inventions = lib.putArray("inventions");
      ArrayNode added = lib.putArray("added");
      ArrayNode removed = lib.putArray("removed");
      Set<String> now = new LinkedHashSet<>();
      for (LibraryReport.InventionInfo i : d.report().inventions()) {
        inventions.add(invention(i, d, h));
        now.add(i.dreamcoder());
        if (!before.contains(i.dreamcoder())) {
          added.add(i.name());
        }
      }
      for (String gone : before) {
        if (!now.contains(gone)) {
          removed.add(gone);
        }
      }
      before = now;
    }
    ArrayNode tasks = o.putArray("tasks");
    RunTasks t = r.tasks();
    for (String name : t.split().train()) {
      tasks.add(taskRow(name, "train", h));
    }
    for (String name : t.split().test()) {
      tasks.add(taskRow(name, "test", h));
    }
  }

  private static ObjectNode taskRow(String name, String split, History h) {
    ObjectNode o = NODES.objectNode();
    o.put("name", name);
    o.put("split", split);
    Optional<IterationData> last = h.last();
    o.put("solved", last.isPresent() && solved(last.get(), name, split.equals("train")));
    Integer first = h.firstSolved().get(name);
    if (first != null) {
      o.put("first_solved", first);
    } else {
      o.putNull("first_solved");
    }
    return o;
  }

  private static ObjectNode invention(LibraryReport.InventionInfo i, IterationData d, History h) {
    ObjectNode n = NODES.objectNode();
    n.put("name", i.name());
    n.put("body", i.readable());
    n.put("dreamcoder", i.dreamcoder());
    n.put("type", i.type());
    n.put("arity", i.arity());
    n.put("log_weight", i.logWeight());
    n.put("depth", i.depth());
    n.put("uses", i.uses());
    n.put("task_count", i.taskCount());
    n.put("appeared", h.appeared().getOrDefault(i.dreamcoder(), d.iteration()));
    ArrayNode deps = n.putArray("depends_on");
    i.dependsOn().forEach(deps::add);
    ArrayNode usedIn = n.putArray("used_in");
    d.report().usedIn(i.name()).forEach(usedIn::add);
    return n;
  }

  /**
   * An invention of the library at {@code iteration}: its report, example applications on real task
   * inputs, and the tasks whose best programs use it.
   */
  public Optional<ObjectNode> invention(String id, int iteration, String name) {
    Optional<ServedRun> found = catalog.find(id);
    if (found.isEmpty() || !found.get().summary().iterations().contains(iteration)) {
      return Optional.empty();
    }
    ServedRun r = found.get();
    History h = history(r, r.summary());
    IterationData d = h.at(iteration);
    Optional<Invented> inv = d.invention(name);
    LibraryReport.InventionInfo info = d.report().byName().get(name);
    if (inv.isEmpty() || info == null) {
      return Optional.empty();
    }
    RunTasks tasks = r.tasks();
    ObjectNode o = NODES.objectNode();
    o.set("run", header(r, r.summary()));
    o.put("iteration", iteration);
    o.put("latest", iteration == r.summary().latest());
    o.setAll(invention(info, d, h));
    ArrayNode examples = o.putArray("examples");
    for (TaskRunner.Applied a : examples(inv.get(), d, tasks)) {
      ObjectNode e = examples.addObject();
      e.put("task", a.task());
      e.put("example", a.example());
      e.put("application", a.application());
      ArrayNode in = e.putArray("inputs");
      a.inputs().forEach(in::add);
      e.put("output", a.output());
      picture(tasks.domain(), a.value(), a.type()).ifPresent(p -> e.put("picture", p));
    }
    List<ObjectNode> users = new ArrayList<>();
    Checkpoint<RecognitionModel> c = d.checkpoint();
    addUsers(users, c.frontiers(), "train", inv.get(), d.view());
    addUsers(users, c.testFrontiers(), "test", inv.get(), d.view());
    // Tasks whose best program uses it first; the sort is stable, so frontier order otherwise.
    users.sort(Comparator.comparing((ObjectNode u) -> u.get("rank").asInt() > 0));
    o.putArray("tasks").addAll(users);
    return Optional.of(o);
  }

  /**
   * The tasks with a frontier program that mentions {@code inv} directly: the best such program,
   * its rank in the frontier (0 when it is the task's best program) and its log-prior.
   */
  private static void addUsers(
      List<ObjectNode> into,
      Map<String, Frontier> frontiers,
      String split,
      Invented inv,
      LibraryView view) {
    for (Frontier f : frontiers.values()) {
      for (int rank = 0; rank < f.entries().size(); rank++) {
        FrontierEntry e = f.entries().get(rank);
        if (LibraryView.directInventions(e.program()).contains(inv)) {
          ObjectNode o = NODES.objectNode();
          o.put("name", f.task());
          o.put("split", split);
          o.put("rank", rank);
          o.put("best", rank == 0);
          o.put("program", view.readable(e.program()));
          o.put("log_prior", e.logPrior());
          into.add(o);
          break;
        }
      }
    }
  }

  /**
   * Applications of {@code inv} found in the frontiers' programs, best programs first, evaluated on
   * their tasks' examples: at most {@link #EXAMPLES}, {@link #EXAMPLES_PER_TASK} per task.
   */
  private static List<TaskRunner.Applied> examples(Invented inv, IterationData d, RunTasks tasks) {
    List<TaskRunner.Applied> found = new ArrayList<>();
    List<Frontier> frontiers = new ArrayList<>(d.checkpoint().frontiers().values());
    frontiers.addAll(d.checkpoint().testFrontiers().values());
    for (Frontier f : frontiers) {
      if (found.size() >= EXAMPLES) {
        break;
      }
      Task task = tasks.tasks().get(f.task());
      if (task == null) {
        continue;
      }
      entries:
      for (FrontierEntry e : f.entries()) {
        for (LibraryReport.Occurrence occ : LibraryReport.occurrences(e.program(), inv)) {
          List<TaskRunner.Applied> here = new ArrayList<>();
          for (int x = 0; x < task.examples().size() && here.size() < EXAMPLES_PER_TASK; x++) {
            tasks
                .runner()
                .apply(f.task(), occ.application(), occ.lambdas(), x, d.view())
                .ifPresent(here::add);
          }
          if (!here.isEmpty()) {
            found.addAll(here.subList(0, Math.min(here.size(), EXAMPLES - found.size())));
            break entries;
          }
        }
      }
    }
    return found;
  }

  /**
   * A task: its examples, its best programs at each iteration, the iteration that first solved it,
   * and what the latest recognition model predicted for it.
   */
  public Optional<ObjectNode> task(String id, String name) {
    Optional<ServedRun> found = catalog.find(id);
    if (found.isEmpty() || found.get().summary().error().isPresent()) {
      return Optional.empty();
    }
    ServedRun r = found.get();
    RunTasks tasks = r.tasks();
    Task task = tasks.tasks().get(name);
    if (task == null) {
      return Optional.empty();
    }
    boolean train = tasks.split().train().contains(name);
    boolean test = tasks.split().test().contains(name);
    History h = history(r, r.summary());
    ObjectNode o = NODES.objectNode();
    o.set("run", header(r, r.summary()));
    o.put("name", name);
    o.put("split", train ? "train" : test ? "test" : "none");
    o.put("request", task.request().toString());
    ArrayNode examples = o.putArray("examples");
    List<Type> inputTypes = task.inputTypes();
    for (Example e : task.examples()) {
      ObjectNode x = examples.addObject();
      ArrayNode in = x.putArray("inputs");
      for (int i = 0; i < e.inputs().size(); i++) {
        in.add(show(tasks.domain(), e.inputs().get(i), inputTypes.get(i)));
      }
      x.put("output", show(tasks.domain(), e.output(), task.outputType()));
      picture(tasks.domain(), e.output(), task.outputType()).ifPresent(p -> x.put("picture", p));
    }
    Integer first = h.firstSolved().get(name);
    if (first != null) {
      o.put("first_solved", first);
    } else {
      o.putNull("first_solved");
    }
    ArrayNode iterations = o.putArray("iterations");
    Optional<FrontierEntry> latestBest = Optional.empty();
    for (IterationData d : h.iterations()) {
      ObjectNode it = iterations.addObject();
      it.put("iteration", d.iteration());
      ArrayNode programs = it.putArray("programs");
      Frontier f = frontier(d, name, train);
      if (f != null) {
        for (FrontierEntry e : f.entries()) {
          programs
              .addObject()
              .put("program", d.view().readable(e.program()))
              .put("log_prior", e.logPrior())
              .put("log_likelihood", e.logLikelihood());
        }
        latestBest = f.best();
      } else {
        latestBest = Optional.empty();
      }
    }
    recognition(h, task, latestBest).ifPresent(rec -> o.set("recognition", rec));
    return Optional.of(o);
  }

  /**
   * What the latest checkpoint with a recognition model predicts for the task: the predicted
   * grammar's top productions (at the root of a program) beside the library's weights, and the best
   * program's log-prior under both.
   */
  private static Optional<ObjectNode> recognition(
      History h, Task task, Optional<FrontierEntry> best) {
    for (int k = h.iterations().size() - 1; k >= 0; k--) {
      IterationData d = h.iterations().get(k);
      Optional<RecognitionModel> model = d.checkpoint().model();
      if (model.isEmpty()) {
        continue;
      }
      try {
        return Optional.of(recognition(d, model.get(), task, best));
      } catch (InputException | IllegalArgumentException | IllegalStateException e) {
        // A model that cannot read this task (another request type, say) predicts nothing for it.
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static ObjectNode recognition(
      IterationData d, RecognitionModel model, Task task, Optional<FrontierEntry> best) {
    ObjectNode o = NODES.objectNode();
    o.put("iteration", d.iteration());
    Grammar predicted = model.predict(task).noParent();
    Map<Program, Double> library = new HashMap<>();
    for (Production p : d.checkpoint().grammar().productions()) {
      library.put(p.program(), p.logWeight());
    }
    List<Production> top = new ArrayList<>(predicted.productions());
    top.sort(Comparator.comparingDouble(Production::logWeight).reversed());
    ArrayNode rows = o.putArray("top");
    for (Production p : top.subList(0, Math.min(TOP_PRODUCTIONS, top.size()))) {
      ObjectNode row = rows.addObject();
      row.put("production", d.view().readable(p.program()));
      row.put("predicted", p.logWeight());
      Double w = library.get(p.program());
      if (w != null) {
        row.put("library", w);
      }
    }
    if (best.isPresent()) {
      Program program = best.get().program();
      double withModel = model.logPrior(task.request(), task.examples(), program);
      double without = model.libraryLogPrior(program, task.request());
      o.put("program", d.view().readable(program));
      o.put("predicted_log_prior", withModel);
      o.put("library_log_prior", without);
      o.put("helped", withModel > without);
    }
    return o;
  }

  /** The run's {@code reverie compare} report: its summaries, alignment table and heatmap. */
  public Optional<ObjectNode> compare(String id) {
    Optional<ServedRun> found = catalog.find(id);
    if (found.isEmpty() || found.get().summary().compare().isEmpty()) {
      return Optional.empty();
    }
    ServedRun r = found.get();
    String folder = r.summary().compare().get();
    Path dir = r.dir().resolve(folder);
    JsonNode report;
    try {
      report = JSON.readTree(Files.readString(dir.resolve("compare.json")));
    } catch (IOException e) {
      throw new InputException(dir.resolve("compare.json") + ": cannot read: " + e.getMessage());
    }
    ObjectNode o = NODES.objectNode();
    o.set("run", header(r, r.summary()));
    o.put("folder", folder);
    for (String key :
        List.of("library", "sae", "alignment_summary", "alignment", "hierarchy", "footing")) {
      if (report.has(key)) {
        o.set(key, report.get(key));
      }
    }
    if (Files.isRegularFile(dir.resolve("heatmap.png"))) {
      o.put("heatmap", folder + "/heatmap.png");
    }
    return Optional.of(o);
  }

  /** The frontier of a task at one checkpoint: the training frontiers or the test evaluation. */
  private static Frontier frontier(IterationData d, String task, boolean train) {
    return (train ? d.checkpoint().frontiers() : d.checkpoint().testFrontiers()).get(task);
  }

  private static boolean solved(IterationData d, String task, boolean train) {
    Frontier f = frontier(d, task, train);
    return f != null && !f.isEmpty();
  }

  /**
   * A run's checkpoints in order, with when each invention (by its DreamCoder form) entered the
   * library for good and when each task was first solved.
   */
  private record History(
      List<IterationData> iterations,
      Map<String, Integer> appeared,
      Map<String, Integer> firstSolved) {

    IterationData at(int iteration) {
      for (IterationData d : iterations) {
        if (d.iteration() == iteration) {
          return d;
        }
      }
      throw new InputException("no checkpoint of iteration " + iteration);
    }

    Optional<IterationData> last() {
      return iterations.isEmpty()
          ? Optional.empty()
          : Optional.of(iterations.get(iterations.size() - 1));
    }
  }

  private static History history(ServedRun r, ServedRun.Summary s) {
    List<IterationData> all = new ArrayList<>();
    Map<String, Integer> appeared = new HashMap<>();
    Map<String, Integer> firstSolved = new LinkedHashMap<>();
    for (int i : s.iterations()) {
      IterationData d = r.iteration(i);
      Map<String, Integer> still = new HashMap<>();
      for (LibraryReport.InventionInfo inv : d.report().inventions()) {
        // An invention dropped and learned again counts from its return.
        still.put(inv.dreamcoder(), appeared.getOrDefault(inv.dreamcoder(), i));
      }
      appeared = still;
      for (Frontier f : d.checkpoint().frontiers().values()) {
        if (!f.isEmpty()) {
          firstSolved.putIfAbsent(f.task(), i);
        }
      }
      for (Frontier f : d.checkpoint().testFrontiers().values()) {
        if (!f.isEmpty()) {
          firstSolved.putIfAbsent(f.task(), i);
        }
      }
      all.add(d);
    }
    return new History(all, appeared, firstSolved);
  }

  private Optional<String> picture(Domain domain, Object value, Type type) {
    try {
      return pictures
          .picture(domain, value, type)
          .filter(
              uri ->
                  uri.startsWith("data:image/png;base64,")
                      || uri.startsWith("data:image/svg+xml;base64,"));
    } catch (RuntimeException e) {
      // A picture is an extra: a value the domain cannot draw is shown as text alone.
      return Optional.empty();
    }
  }

  /** A value as its domain writes it in JSON (task files' own notation), cut when very long. */
  static String show(Domain domain, Object value, Type type) {
    String s;
    try {
      s = domain.valueToJson(value, type).toString();
    } catch (RuntimeException e) {
      s = String.valueOf(value);
    }
    return s.length() <= VALUE_CHARS ? s : s.substring(0, VALUE_CHARS - 3) + "...";
  }
}

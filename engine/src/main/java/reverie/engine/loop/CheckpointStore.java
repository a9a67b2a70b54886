package reverie.engine.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.PrimitiveResolver;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierJson;

/**
 * A run directory: {@code config.json}, {@code metrics.jsonl}, the learning curve, and one
 * checkpoint folder {@code iteration-NNN} per finished iteration holding the grammar, the frontiers
 * (DreamCoder's compressor input), the metrics so far, the recognition weights and a {@code
 * manifest.json} with the format version and the SHA-256 of every other file.
 *
 * <p>A checkpoint is written into a hidden {@code .iteration-NNN.partial} folder, every file forced
 * to disk, the manifest last, then renamed into place: a folder named {@code iteration-NNN} is
 * always complete. A killed run leaves at most a partial folder, which {@link #removePartials}
 * deletes on resume.
 */
public final class CheckpointStore {

  public static final String CONFIG = "config.json";
  public static final String METRICS = "metrics.jsonl";
  public static final String MANIFEST = "manifest.json";
  public static final String GRAMMAR = "grammar.json";
  public static final String FRONTIERS = "frontiers.json";
  public static final String TEST_FRONTIERS = "test-frontiers.json";
  public static final String ITERATION_METRICS = "metrics.json";
  public static final String RECOGNITION = "recognition";
  public static final String TASKS = "tasks.json";
  private static final String FORMAT = "reverie-checkpoint";
  private static final Pattern FOLDER = Pattern.compile("iteration-(\\d{3,})");

  private final Path dir;
  private final RunConfig config;
  // Whether create() made the directory itself (discard() then removes it whole).
  private boolean createdDirectory;
  private Optional<RunLock> lock = Optional.empty();
  // Held while a checkpoint is written, so a shutdown hook can wait for a consistent state.
  private final ReentrantLock writing = new ReentrantLock();

  private CheckpointStore(Path dir, RunConfig config) {
    this.dir = dir;
    this.config = config;
  }

  /**
   * Starts a new run in {@code dir}, which must be missing or empty; an {@link InputException}
   * otherwise (nothing in it is touched).
   */
  public static CheckpointStore create(Path dir, RunConfig config) {
    checkNew(dir);
    return create(dir, config, Optional.empty(), !Files.exists(dir));
  }

  /**
   * Starts a new run of {@code tasks} (already read and validated) in {@code dir}, which must be
   * missing or empty: takes the run's {@link RunLock} (see {@link #lock}), then writes the run's
   * copy of its task file with {@code source.json} (see {@link RunTasks}) and {@code config.json}.
   * When a write fails, what was created is removed, so that the same command can be retried; two
   * processes starting in one directory at once are told apart by the lock, and the second changes
   * nothing.
   */
  public static CheckpointStore create(Path dir, RunConfig config, RunTasks tasks) {
    checkNew(dir);
    boolean existed = Files.exists(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw reverie.dsl.InputFiles.problem(dir, e);
    }
    RunLock lock;
    try {
      lock = RunLock.acquire(dir);
    } catch (RuntimeException e) {
      if (!existed) {
        deleteIfEmpty(dir);
      }
      throw e;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      // Another run may have started here between the check and the lock.
      if (entries.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE))) {
        lock.close();
        checkNew(dir);
      }
    } catch (IOException e) {
      lock.close();
      throw reverie.dsl.InputFiles.problem(dir, e);
    }
    CheckpointStore store = create(dir, config, Optional.of(tasks), !existed);
    store.lock = Optional.of(lock);
    return store;
  }

  private static CheckpointStore create(
      Path dir, RunConfig config, Optional<RunTasks> tasks, boolean createdDirectory) {
    CheckpointStore store = new CheckpointStore(dir, config);
    store.createdDirectory = createdDirectory;
    try {
      Files.createDirectories(dir);
      tasks.ifPresent(t -> t.writeSource(dir));
      AtomicFiles.writeString(dir.resolve(CONFIG), Json.pretty(config.toJson()));
    } catch (IOException | RuntimeException e) {
      store.discard();
      if (e instanceof IOException io) {
        throw reverie.dsl.InputFiles.problem(dir, io);
      }
      throw (RuntimeException) e;
    }
    return store;
  }

  /** The lock {@link #create(Path, RunConfig, RunTasks)} took, if this store took one. */
  public Optional<RunLock> lock() {
    return lock;
  }

  private static void deleteIfEmpty(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException notEmpty) {
      // Another process's run is in it: leave it alone.
    }
  }

  /**
   * Checks that {@code dir} can hold a new run: missing, or an empty directory; an {@link
   * InputException} otherwise. Creates nothing.
   */
  public static void checkNew(Path dir) {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new InputException(dir + ": exists and is not a directory");
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE))) {
          throw new InputException(
              "run directory "
                  + dir
                  + " is not empty; continue it with --resume "
                  + dir
                  + " or choose another --out");
        }
      } catch (IOException e) {
        throw reverie.dsl.InputFiles.problem(dir, e);
      }
      // Only a lock: a run that is starting there now, or a stale lock of one killed at its start.
      Optional<String> holder = RunLock.liveHolder(dir.resolve(RunLock.FILE));
      if (holder.isPresent()) {
        throw new InputException("run directory " + dir + " is in use by " + holder.get());
      }
    }
  }

  /**
   * Removes what {@link #create} and a run that never finished its first iteration wrote: the whole
   * directory when this process created it, else the run's own files (a failed start must not block
   * its retry with "not empty").
   */
  public void discard() {
    try {
      if (createdDirectory) {
        lock.ifPresent(RunLock::close);
        deleteRecursively(dir);
        return;
      }
      for (String name :
          List.of(
              CONFIG,
              RunTasks.SOURCE,
              RunTasks.COPY_FOLDER,
              METRICS,
              LearningCurve.SVG,
              LearningCurve.PNG)) {
        deleteRecursively(dir.resolve(name));
      }
      removePartials();
      try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
        for (Path p : temps) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort: the failure being reported matters more.
    } finally {
      lock.ifPresent(RunLock::close);
    }
  }

  /** Opens an existing run directory; an {@link InputException} when it is not one. */
  public static CheckpointStore open(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InputException(dir + ": is a file, not a run directory");
    }
    if (!Files.isDirectory(dir)) {
      throw new InputException("run directory " + dir + " does not exist");
    }
    Path configFile = dir.resolve(CONFIG);
    if (!Files.exists(configFile)) {
      throw new InputException(dir + " is not a Reverie run directory (no " + CONFIG + ")");
    }
    return new CheckpointStore(
        dir, RunConfig.fromJson(Json.read(configFile), configFile.toString()));
  }

  /**
   * This run with some settings changed for this process only (a resumed run may raise its
   * iteration count or change its threads); new checkpoints record the settings they were made
   * with.
   */
  public CheckpointStore withConfig(RunConfig changed) {
    return new CheckpointStore(dir, changed);
  }

  public Path directory() {
    return dir;
  }

  public RunConfig config() {
    return config;
  }

  /** The folder of iteration {@code i}'s checkpoint. */
  public Path folder(int iteration) {
    return dir.resolve(String.format("iteration-%03d", iteration));
  }

  /** The iterations with a complete checkpoint folder, ascending. */
  public ImmutableList<Integer> iterations() {
    List<Integer> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        Matcher m = FOLDER.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p)) {
          found.add(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    found.sort(Comparator.naturalOrder());
    return ImmutableList.copyOf(found);
  }

  /** The last iteration with a checkpoint, if any. */
  public OptionalInt latest() {
    ImmutableList<Integer> all = iterations();
    return all.isEmpty() ? OptionalInt.empty() : OptionalInt.of(all.get(all.size() - 1));
  }

  /** Deletes the partial checkpoint folders a killed run left behind. */
  public void removePartials() {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".iteration-*.partial")) {
      for (Path p : entries) {
        deleteRecursively(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dir, e);
    }
  }

  /**
   * Checks iteration {@code i}'s checkpoint against its manifest: the format and version, every
   * listed file present with its SHA-256, and no file left out. An {@link InputException} names the
   * first problem.
   */
  public void verify(int iteration) {
    Path folder = folder(iteration);
    String where = "checkpoint " + folder;
    if (!Files.isDirectory(folder)) {
      throw new InputException(where + ": missing");
    }
    Path manifestFile = folder.resolve(MANIFEST);
    JsonNode manifest = Json.read(manifestFile);
    String format = manifest.path("format").asText("");
    if (!format.equals(FORMAT)) {
      throw new InputException(manifestFile + ": not a Reverie checkpoint manifest");
    }
    int version = Json.requiredInt(manifest, "format_version", manifestFile.toString());
    if (version != RunConfig.FORMAT_VERSION) {
      throw new InputException(
          where
              + ": format version "
              + version
              + " is not supported (this Reverie reads "
              + RunConfig.FORMAT_VERSION
              + ")");
    }
    int recorded = Json.requiredInt(manifest, "iteration", manifestFile.toString());
    if (recorded != iteration) {
      throw new InputException(
          manifestFile + ": records iteration " + recorded + ", not " + iteration);
    }
    JsonNode files = Json.required(manifest, "files", manifestFile.toString());
    for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path file = folder.resolve(e.getKey());
      if (!file.normalize().startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
        throw new InputException(where + ": " + e.getKey() + " is missing");
      }
      if (!AtomicFiles.sha256(file).equals(e.getValue().asText())) {
        throw new InputException(
            where + ": " + e.getKey() + " is corrupt (SHA-256 does not match the manifest)");
      }
    }
    for (Path p : regularFiles(folder)) {
      String name = folder.relativize(p).toString().replace('\\', '/');
      if (!name.equals(MANIFEST) && !files.has(name)) {
        throw new InputException(where + ": " + name + " is not listed in the manifest");
      }
    }
  }

  /**
   * Verifies and reads iteration {@code i}'s checkpoint, resolving primitives with {@code resolver}
   * and loading the recognition model with {@code dream}.
   */
  public <M> Checkpoint<M> load(int iteration, PrimitiveResolver resolver, DreamPhase<M> dream) {
    verify(iteration);
    Path folder = folder(iteration);
    Path configFile = folder.resolve(CONFIG);
    RunConfig saved = RunConfig.fromJson(Json.read(configFile), configFile.toString());
    Path grammarFile = folder.resolve(GRAMMAR);
    Grammar grammar = readGrammar(grammarFile, resolver);
    Path tasksFile = folder.resolve(TASKS);
    JsonNode tasks = Json.read(tasksFile);
    ImmutableList<String> trainTasks = names(Json.required(tasks, "train", tasksFile.toString()));
    ImmutableList<String> testTasks = names(Json.required(tasks, "test", tasksFile.toString()));
    ImmutableMap<String, Frontier> train = readFrontiers(folder.resolve(FRONTIERS), resolver);
    ImmutableMap<String, Frontier> test = readFrontiers(folder.resolve(TEST_FRONTIERS), resolver);
    Path metricsFile = folder.resolve(ITERATION_METRICS);
    JsonNode rows = Json.read(metricsFile);
    ImmutableList.Builder<IterationMetrics> metrics = ImmutableList.builder();
    int i = 0;
    for (JsonNode row : rows) {
      metrics.add(IterationMetrics.fromJson(row, metricsFile + ": row " + i++));
    }
    ImmutableList<IterationMetrics> m = metrics.build();
    if (m.size() != iteration + 1) {
      throw new InputException(metricsFile + ": " + m.size() + " rows for iteration " + iteration);
    }
    Path modelDir = folder.resolve(RECOGNITION);
    Optional<M> model =
        dream != null && Files.isDirectory(modelDir)
            ? Optional.of(dream.load(modelDir, grammar))
            : Optional.empty();
    return new Checkpoint<>(
        iteration, saved, grammar, trainTasks, testTasks, train, test, model, m);
  }

  /**
   * Verifies and reads iteration {@code i}'s checkpoint without loading the recognition model
   * (whose files are still checked against the manifest): for commands that only look at the
   * library and frontiers.
   */
  public Checkpoint<Void> loadWithoutModel(int iteration, PrimitiveResolver resolver) {
    return load(iteration, resolver, null);
  }

  /**
   * The given iteration, or the latest when empty; an {@link InputException} when there is none.
   */
  public int resolveIteration(Optional<Integer> iteration) {
    ImmutableList<Integer> all = iterations();
    if (all.isEmpty()) {
      throw new InputException(dir + " has no checkpoint yet");
    }
    if (iteration.isEmpty()) {
      return all.get(all.size() - 1);
    }
    if (!all.contains(iteration.get())) {
      throw new InputException(
          dir
              + " has no checkpoint of iteration "
              + iteration.get()
              + " (it has "
              + all.get(0)
              + ".."
              + all.get(all.size() - 1)
              + ")");
    }
    return iteration.get();
  }

  private static Grammar readGrammar(Path file, PrimitiveResolver resolver) {
    try {
      return reverie.dsl.grammar.GrammarJson.readGrammar(Json.read(file), resolver);
    } catch (InputException e) {
      throw new InputException(file + ": " + e.getMessage(), e);
    }
  }

  private static ImmutableList<String> names(JsonNode list) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    list.forEach(n -> b.add(n.asText()));
    return b.build();
  }

  private static ImmutableMap<String, Frontier> readFrontiers(
      Path file, PrimitiveResolver resolver) {
    // Older checkpoints have each request as a type string rather than DreamCoder's type object;
    // FrontierJson
    // reads both, so they load under the same format version.
    ImmutableMap.Builder<String, Frontier> b = ImmutableMap.builder();
    for (Frontier f : FrontierJson.frontiersFromJson(Json.read(file), resolver, file.toString())) {
      b.put(f.task(), f);
    }
    try {
      return b.buildOrThrow();
    } catch (IllegalArgumentException e) {
      throw new InputException(file + ": a task appears twice");
    }
  }

  /**
   * Writes {@code checkpoint} as its iteration's folder, atomically; the folder must not exist yet.
   */
  public <M> void write(Checkpoint<M> checkpoint, DreamPhase<M> dream) {
    writing.lock();
    try {
      Path target = folder(checkpoint.iteration());
      if (Files.exists(target)) {
        throw new IllegalStateException("checkpoint " + target + " already exists");
      }
      Path partial = dir.resolve("." + target.getFileName() + ".partial");
      if (Files.exists(partial)) {
        deleteRecursively(partial);
      }
      Files.createDirectories(partial);
      Map<String, String> files = new java.util.TreeMap<>();
      writeFile(partial, CONFIG, Json.pretty(checkpoint.config().toJson()), files);
      ObjectNode tasks = JsonNodeFactory.instance.objectNode();
      checkpoint.trainTasks().forEach(tasks.putArray("train")::add);
      checkpoint.testTasks().forEach(tasks.putArray("test")::add);
      writeFile(partial, TASKS, Json.pretty(tasks), files);
      writeFile(
          partial,
          GRAMMAR,
          Json.pretty(reverie.dsl.grammar.GrammarJson.toJson(checkpoint.grammar())),
          files);
      writeFile(
          partial,
          FRONTIERS,
          Export.dreamcoder(checkpoint.grammar(), checkpoint.frontiers().values()),
          files);
      writeFile(
          partial,
          TEST_FRONTIERS,
          Export.dreamcoder(checkpoint.grammar(), checkpoint.testFrontiers().values()),
          files);
      ArrayNode rows = JsonNodeFactory.instance.arrayNode();
      checkpoint.metrics().forEach(m -> rows.add(m.toJson()));
      writeFile(partial, ITERATION_METRICS, Json.pretty(rows), files);
      if (checkpoint.model().isPresent()) {
        Path modelDir = partial.resolve(RECOGNITION);
        Files.createDirectories(modelDir);
        dream.save(checkpoint.model().get(), modelDir);
        for (Path f : regularFiles(modelDir)) {
          AtomicFiles.fsync(f);
          files.put(partial.relativize(f).toString().replace('\\', '/'), AtomicFiles.sha256(f));
        }
        AtomicFiles.fsyncDirectory(modelDir);
      }
      ObjectNode manifest = JsonNodeFactory.instance.objectNode();
      manifest.put("format", FORMAT);
      manifest.put("format_version", RunConfig.FORMAT_VERSION);
      manifest.put("iteration", checkpoint.iteration());
      ObjectNode sums = manifest.putObject("files");
      files.forEach(sums::put);
      Files.writeString(
          partial.resolve(MANIFEST),
          Json.pretty(manifest),
          java.nio.charset.StandardCharsets.UTF_8);
      AtomicFiles.fsync(partial.resolve(MANIFEST));
      AtomicFiles.fsyncDirectory(partial);
      AtomicFiles.moveAtomically(partial, target);
      AtomicFiles.fsyncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write checkpoint " + checkpoint.iteration() + " in " + dir, e);
    } finally {
      writing.unlock();
    }
  }

  private static void writeFile(Path folder, String name, String text, Map<String, String> sums)
      throws IOException {
    // No temporary file per entry: the whole folder becomes visible with one rename.
    Path file = folder.resolve(name);
    Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
    AtomicFiles.fsync(file);
    sums.put(name, AtomicFiles.sha256(file));
  }

  /** Rewrites {@code metrics.jsonl} (one JSON object per line) atomically. */
  public void writeMetrics(List<IterationMetrics> rows) {
    StringBuilder text = new StringBuilder();
    for (IterationMetrics m : rows) {
      text.append(Json.compact(m.toJson())).append('\n');
    }
    AtomicFiles.writeString(dir.resolve(METRICS), text.toString());
  }

  /**
   * Waits (at most {@code seconds}) until no checkpoint is being written, then keeps further writes
   * out; for a shutdown hook, so that the process ends between checkpoints.
   */
  public boolean quiesce(long seconds) {
    try {
      return writing.tryLock(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Every regular file under {@code dir}, in a stable order. */
  static List<Path> regularFiles(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (Stream<Path> children = Files.list(p)) {
        for (Path c : (Iterable<Path>) children::iterator) {
          deleteRecursively(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }
}

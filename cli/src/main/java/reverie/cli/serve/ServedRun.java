package reverie.cli.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import reverie.dsl.InputException;
import reverie.engine.loop.Checkpoint;
import reverie.engine.loop.CheckpointStore;
import reverie.engine.loop.IterationMetrics;
import reverie.engine.loop.LibraryReport;
import reverie.engine.loop.LibraryView;
import reverie.engine.loop.RecognitionDream;
import reverie.engine.loop.RunConfig;
import reverie.engine.loop.RunTasks;
import reverie.engine.recognition.RecognitionModel;
import reverie.tasks.Domains;

/**
 * One run directory being served: its summary (settings, metrics, checkpoints), read again only
 * when the directory, {@code config.json} or {@code metrics.jsonl} changes, and its checkpoints,
 * read on demand through the engine's {@link CheckpointStore}. Nothing here writes a file.
 */
final class ServedRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What a run's summary depends on; a checkpoint appearing changes the directory's time, a new
   * iteration's metrics the metrics file's.
   */
  record Stamp(long directory, long config, long metrics, long metricsSize) {}

  /**
   * A run at one moment: its settings, the rows of {@code metrics.jsonl}, its complete checkpoints,
   * the folder of a {@code reverie compare} report if it has one, or the one-line error that kept
   * it from being read.
   */
  record Summary(
      Stamp stamp,
      Optional<RunConfig> config,
      ImmutableList<IterationMetrics> metrics,
      ImmutableList<Integer> iterations,
      Optional<String> compare,
      Optional<String> error) {

    /** The last metrics row, if any. */
    Optional<IterationMetrics> last() {
      return metrics.isEmpty() ? Optional.empty() : Optional.of(metrics.get(metrics.size() - 1));
    }

    /** The latest complete checkpoint, or -1. */
    int latest() {
      return iterations.isEmpty() ? -1 : iterations.get(iterations.size() - 1);
    }
  }

  private final String id;
  private final Path dir;
  private final IterationCache cache;
  private volatile Summary summary;
  private RunTasks tasks;
  private RunConfig tasksConfig;

  ServedRun(String id, Path dir, IterationCache cache) {
    this.id = id;
    this.dir = dir;
    this.cache = cache;
  }

  /** The short name in URLs: the directory's name, made unique among the served runs. */
  String id() {
    return id;
  }

  /** The run directory (a real path: symlinks resolved). */
  Path dir() {
    return dir;
  }

  /** The current summary, read again when the run's files have changed since the last one. */
  Summary summary() {
    Stamp now = stamp();
    Summary s = summary;
    if (s == null || !s.stamp().equals(now)) {
      s = read(now);
      summary = s;
    }
    return s;
  }

  Stamp stamp() {
    return new Stamp(
        modified(dir),
        modified(dir.resolve(CheckpointStore.CONFIG)),
        modified(dir.resolve(CheckpointStore.METRICS)),
        size(dir.resolve(CheckpointStore.METRICS)));
  }

  private Summary read(Stamp stamp) {
    try {
      CheckpointStore store = CheckpointStore.open(dir);
      return new Summary(
          stamp,
          Optional.of(store.config()),
          metrics(dir.resolve(CheckpointStore.METRICS)),
          store.iterations(),
          compareFolder(),
          Optional.empty());
    } catch (InputException | UncheckedIOException e) {
      return new Summary(
          stamp,
          Optional.empty(),
          ImmutableList.of(),
          ImmutableList.of(),
          Optional.empty(),
          Optional.of(message(e)));
    }
  }

  /** The rows of {@code metrics.jsonl}; none while the run has not finished iteration 0. */
  private static ImmutableList<IterationMetrics> metrics(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return ImmutableList.of();
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
    ImmutableList.Builder<IterationMetrics> b = ImmutableList.builder();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = file + ": line " + (i + 1);
      b.add(IterationMetrics.fromJson(reverie.dsl.JsonText.parse(lines.get(i), where), where));
    }
    return b.build();
  }

  /**
   * The first folder inside the run (by name) that holds a {@code reverie compare} report, as
   * {@code reverie compare RUN --out RUN/compare} writes it.
   */
  private Optional<String> compareFolder() {
    List<String> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
            && Files.isRegularFile(p.resolve("compare.json"), LinkOption.NOFOLLOW_LINKS)) {
          found.add(p.getFileName().toString());
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return found.stream().sorted().findFirst();
  }

  /** The run's tasks (its suite, split as the run split it), read once per configuration. */
  synchronized RunTasks tasks() {
    RunConfig config =
        summary()
            .config()
            .orElseThrow(() -> new InputException(summary().error().orElse(dir + ": no config")));
    if (tasks == null || !config.equals(tasksConfig)) {
      // The run's own copy of its task file, when it has one (#18): a moved or edited original
      // changes nothing here.
      tasks = RunTasks.open(CheckpointStore.open(dir), Domains.installed());
      tasksConfig = config;
    }
    return tasks;
  }

  /** Iteration {@code i}'s checkpoint, verified against its manifest; read once while cached. */
  IterationData iteration(int i) {
    CheckpointStore store = CheckpointStore.open(dir);
    Path manifest = store.folder(i).resolve(CheckpointStore.MANIFEST);
    RunTasks t = tasks();
    return cache.get(
        new IterationCache.Key(dir, i, modified(manifest)),
        () -> {
          Checkpoint<RecognitionModel> c =
              store.load(
                  i, t.resolver(), new RecognitionDream(t.tasks(), t.split().train(), t.scorer()));
          t.check(c, store.folder(i));
          return new IterationData(
              c, new LibraryView(c.grammar()), LibraryReport.of(c, t.runner()));
        });
  }

  private static long modified(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class)
          .lastModifiedTime()
          .to(TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      return -1;
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }

  /** A one-line message for an error reading a run. */
  static String message(RuntimeException e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return String.valueOf(u.getMessage()) + ": " + u.getCause().getMessage();
    }
    return String.valueOf(e.getMessage());
  }
}

package reverie.cli.serve;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import reverie.dsl.InputException;
import reverie.engine.loop.CheckpointStore;

/**
 * The runs being served: each directory given that is a run, and the runs directly inside each
 * directory given that is a folder of runs. Folders are listed again when they change, so a run
 * started after the server shows up; a run's id is its directory's name, with {@code -2}, {@code
 * -3}, ... added when two served runs share a name.
 */
public final class RunCatalog {
  /** Checkpoints kept read at once, over all runs. */
  static final int CACHED_CHECKPOINTS = 32;

  /** A directory given on the command line: a run or a folder of runs, as a real path. */
  private record Root(Path dir, boolean isRun) {}

  private final ImmutableList<Root> roots;
  private final IterationCache cache = new IterationCache(CACHED_CHECKPOINTS);
  private final Map<Path, ServedRun> byDir = new HashMap<>();
  private final Set<String> ids = new HashSet<>();
  private final Map<Path, Long> listed = new HashMap<>();
  private final Map<Path, ImmutableList<Path>> folderRuns = new HashMap<>();

  private RunCatalog(ImmutableList<Root> roots) {
    this.roots = roots;
  }

  /**
   * The catalog of {@code dirs}; an {@link InputException} naming the first one that is missing or
   * is neither a run directory nor a folder with a run directory in it.
   */
  public static RunCatalog open(List<Path> dirs) {
    ImmutableList.Builder<Root> b = ImmutableList.builder();
    for (Path d : dirs) {
      if (!Files.isDirectory(d)) {
        throw new InputException(d + ": no such directory");
      }
      Path real;
      try {
        real = d.toRealPath();
      } catch (IOException e) {
        throw new InputException(d + ": cannot read: " + e.getMessage(), e);
      }
      if (isRun(real)) {
        b.add(new Root(real, true));
      } else if (!runsIn(real).isEmpty()) {
        b.add(new Root(real, false));
      } else {
        throw new InputException(
            d
                + " is not a Reverie run directory (no "
                + CheckpointStore.CONFIG
                + ") and has none inside it");
      }
    }
    RunCatalog catalog = new RunCatalog(b.build());
    catalog.runs();
    return catalog;
  }

  /** The served runs in the order given, the runs of a folder by name; folders listed anew. */
  public synchronized ImmutableList<ServedRun> runs() {
    // A set: a run given on its own and also inside a folder given is served once.
    ImmutableSet.Builder<ServedRun> b = ImmutableSet.builder();
    for (Root root : roots) {
      if (root.isRun()) {
        b.add(served(root.dir()));
      } else {
        for (Path run : folder(root.dir())) {
          b.add(served(run));
        }
      }
    }
    return b.build().asList();
  }

  /** The run with this id. */
  public Optional<ServedRun> find(String id) {
    for (ServedRun r : runs()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * A token that changes whenever a run is added or any run's files change: what a page polls to
   * know it should read its data again.
   */
  public String version() {
    StringBuilder b = new StringBuilder();
    for (ServedRun r : runs()) {
      b.append(r.id()).append(':').append(r.stamp().hashCode()).append(';');
    }
    return Integer.toHexString(b.toString().hashCode()) + "-" + b.length();
  }

  private ServedRun served(Path dir) {
    return byDir.computeIfAbsent(dir, d -> new ServedRun(uniqueId(d), d, cache));
  }

  private String uniqueId(Path dir) {
    String name = dir.getFileName() == null ? "run" : dir.getFileName().toString();
    String id = name;
    for (int n = 2; !ids.add(id); n++) {
      id = name + "-" + n;
    }
    return id;
  }

  /** The runs in a folder, listed again only when the folder's modification time has changed. */
  private ImmutableList<Path> folder(Path dir) {
    long modified = modified(dir);
    Long before = listed.get(dir);
    if (before == null || before != modified) {
      folderRuns.put(dir, runsIn(dir));
      listed.put(dir, modified);
    }
    return folderRuns.get(dir);
  }

  /**
   * The run directories directly inside {@code folder}, by name; a symlink that leads out of the
   * folder is not followed.
   */
  private static ImmutableList<Path> runsIn(Path folder) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path p : entries) {
        if (!Files.isDirectory(p) || p.getFileName().toString().startsWith(".")) {
          continue;
        }
        Path real = p.toRealPath();
        if (real.startsWith(folder) && isRun(real)) {
          found.add(real);
        }
      }
    } catch (IOException e) {
      return ImmutableList.of();
    }
    found.sort(null);
    return ImmutableList.copyOf(found);
  }

  private static boolean isRun(Path dir) {
    return Files.isRegularFile(dir.resolve(CheckpointStore.CONFIG), LinkOption.NOFOLLOW_LINKS);
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
}

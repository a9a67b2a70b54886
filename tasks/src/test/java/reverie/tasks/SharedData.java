package reverie.tasks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared data folder ({@code ../shared/data} beside the repository), if
 * present.
 */
public final class SharedData {
  private SharedData() {}

  /** The folder {@code shared/data}, found by walking up from the working directory. */
  public static Optional<Path> folder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A file under {@code shared/data}; skips the calling test when it is absent. */
  public static Path file(String relative) {
    Optional<Path> folder = folder();
    assumeTrue(folder.isPresent(), "../shared/data is absent");
    Path file = folder.get().resolve(relative);
    assumeTrue(Files.isRegularFile(file), file + " is absent");
    return file;
  }

  /** DreamCoder's 217 list tasks. */
  public static Path dreamCoderLists() {
    return file("dreamcoder/list_tasks.json");
  }

  /** DreamCoder's 160 LOGO tasks (reference programs). */
  public static Path dreamCoderLogo() {
    return file("dreamcoder/logo_tasks.json");
  }

  /** DreamCoder's 128 generated text tasks. */
  public static Path dreamCoderText() {
    return file("dreamcoder/text_tasks_generated.json");
  }
}

package reverie.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import reverie.dsl.InputException;

/**
 * The {@code --out DIR} option of commands that write a directory of files (a mixin); {@link
 * #checked} vets it before any work is done.
 */
final class OutputDirectory {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Write the results into DIR (the description above lists the files); it is created with"
              + " its parents when missing.")
  Path out;

  /**
   * {@code dir} after checking that it is a directory or can be made one: an {@link InputException}
   * naming it otherwise. Creates nothing.
   */
  static Path check(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InputException(dir + ": exists and is not a directory");
    }
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new InputException(dir + ": " + existing + " is not a directory");
    }
    if (existing != null && !Files.isWritable(existing)) {
      throw new InputException(dir + ": " + existing + " is not writable");
    }
    return dir;
  }

  /** Creates {@code dir} and its parents. */
  static Path create(Path dir) {
    try {
      return Files.createDirectories(check(dir));
    } catch (IOException e) {
      throw new InputException(dir + ": cannot create the directory (" + e.getMessage() + ")", e);
    }
  }
}

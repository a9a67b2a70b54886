package reverie.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import reverie.dsl.InputException;

/**
 * The {@code --out FILE} option of commands that write one file (a mixin). {@link #checked()} vets
 * the path before any work is done, so that a long search never ends in "cannot write".
 */
final class OutputFile {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the result to FILE (the description above says what it holds); missing parent"
              + " directories are created, an existing file is replaced.")
  Path out;

  /**
   * The path, if given, after checking that a file can be written there: not a directory, its
   * parent a directory (created when missing) that is writable. An {@link InputException} naming
   * the path otherwise.
   */
  Optional<Path> checked() {
    if (out == null) {
      return Optional.empty();
    }
    return Optional.of(check(out));
  }

  /** Checks that a file can be written at {@code path} (see {@link #checked()}). */
  static Path check(Path path) {
    if (Files.isDirectory(path)) {
      throw new InputException(path + ": is a directory; --out needs a file name");
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      if (Files.exists(parent) && !Files.isDirectory(parent)) {
        throw new InputException(path + ": " + parent + " is not a directory");
      }
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new InputException(path + ": cannot create the directory " + parent, e);
      }
      if (!Files.isWritable(parent)) {
        throw new InputException(path + ": the directory " + parent + " is not writable");
      }
    }
    if (Files.exists(path) && !Files.isWritable(path)) {
      throw new InputException(path + ": the file exists and is not writable");
    }
    return path;
  }

  /** Writes {@code text} to the checked path. */
  static void write(Path path, String text) {
    try {
      Files.writeString(path, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package reverie.dsl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Reads the files users name, with a plain line for each way that can fail: "no such file", "is a
 * directory, not a file", "permission denied", never a Java exception's name.
 */
public final class InputFiles {
  private InputFiles() {}

  /** The content of {@code file}; an {@link InputException} naming it when it cannot be read. */
  public static byte[] read(Path file) {
    if (Files.isDirectory(file)) {
      throw new InputException(file + ": is a directory, not a file");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw problem(file, e);
    }
  }

  /** The content of {@code file} as UTF-8 text (see {@link #read}). */
  public static String readString(Path file) {
    return new String(read(file), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** An {@link InputException} that says in plain words why {@code path} could not be used. */
  public static InputException problem(Path path, IOException e) {
    return new InputException(path + ": " + reason(e), e);
  }

  /** Why an I/O operation failed, in plain words: "no such file", "permission denied", ... */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "already exists";
    }
    String detail =
        e instanceof FileSystemException fs && fs.getReason() != null
            ? fs.getReason()
            : e.getMessage();
    if (detail == null || detail.isBlank()) {
      return "cannot read or write it";
    }
    return detail.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + detail.substring(1);
  }
}

package reverie.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputFilesTest {
  @Test
  void failuresReadAsPlainWords() {
    // (An unreadable file cannot be made in a test that runs as root, so the mapping is tested.)
    assertEquals("permission denied", InputFiles.reason(new AccessDeniedException("/x")));
    assertEquals("no such file", InputFiles.reason(new NoSuchFileException("/x")));
    assertEquals(
        "not a directory",
        InputFiles.reason(new FileSystemException("/x/y", null, "Not a directory")));
    assertEquals("disk full", InputFiles.reason(new IOException("Disk full")));
    assertEquals(
        "g.json: permission denied",
        InputFiles.problem(Path.of("g.json"), new AccessDeniedException("g.json")).getMessage());
  }
}

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

  @Test
  void everyInputMessageIsOneLine() {
    // Found by AnalysisFileFuzzTest#npy: an npy header with a line break, quoted in "bad shape".
    assertEquals(
        "x.npy: bad shape (0,\\n1)", new InputException("x.npy: bad shape (0,\n1)").getMessage());
    assertEquals("tab\\t bell\\u0007", new InputException("tab\t bell\u0007").getMessage());
    assertEquals("plain", new InputException("plain", null).getMessage());
  }
}

package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.cli.serve.ServeFixture;

class ReportCommandTest {

  @TempDir Path tmp;

  @Test
  void writesOneSelfContainedFile() throws Exception {
    Path out = tmp.resolve("report.html");
    CliRun r = CliRun.of("report", ServeFixture.run().toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    String html = Files.readString(out);
    // Nothing is loaded from elsewhere: no external script, style sheet or image.
    assertFalse(
        Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//", Pattern.CASE_INSENSITIVE)
            .matcher(html)
            .find());
    assertFalse(html.contains("<link rel=\"stylesheet\""));
    assertTrue(html.contains("Content-Security-Policy"));
    assertTrue(html.contains("\"[\\\"runs\\\",\\\"run\\\"]\""), "the run's view is embedded");
    assertTrue(html.contains("inventions"));
    // The hostile task name is in the data, escaped so that it cannot end the script element.
    assertFalse(html.contains(ServeFixture.SCRIPT));
    assertTrue(html.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"));
    assertEquals(2, html.split("<script", -1).length - 1, "the data and the viewer, nothing else");
  }

  @Test
  void badRunDirectoryIsOneLineAndExitCode3() {
    CliRun r = CliRun.of("report", tmp.resolve("missing").toString(), "--out", "x.html");
    assertEquals(3, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}

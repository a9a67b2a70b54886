package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.cli.serve.ServeFixture;

class ServeCommandTest {

  @TempDir Path tmp;

  @Test
  void missingDirectoryIsOneLineAndExitCode3() {
    CliRun r = CliRun.of("serve", tmp.resolve("nope").toString(), "--port", "0");
    assertEquals(3, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("nope"), r.err());
  }

  @Test
  void directoryWithoutRunsIsRefused() throws Exception {
    Files.writeString(tmp.resolve("notes.txt"), "hello");
    CliRun r = CliRun.of("serve", tmp.toString(), "--port", "0");
    assertEquals(3, r.exitCode());
    assertTrue(r.err().contains("is not a Reverie run directory"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void portInUseIsOneLineAndExitCode2() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun r =
          CliRun.of(
              "serve",
              ServeFixture.run().toString(),
              "--port",
              String.valueOf(taken.getLocalPort()));
      assertEquals(2, r.exitCode(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("--port"), r.err());
    }
  }

  @Test
  void helpExplainsEveryOption() {
    CliRun r = CliRun.of("serve", "--help");
    assertEquals(0, r.exitCode());
    for (String option : new String[] {"DIR", "--port", "--host", "Ctrl-C", "read"}) {
      assertTrue(r.out().contains(option), option + " in " + r.out());
    }
  }

  @Test
  void servesUntilInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] code = {-1};
    Thread serving =
        new Thread(
            () ->
                code[0] =
                    Main.run(
                        new String[] {"serve", ServeFixture.run().toString(), "--port", "0"},
                        new PrintWriter(out, true),
                        new PrintWriter(err, true)));
    serving.start();
    Pattern url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
    Matcher m = url.matcher("");
    for (int i = 0; i < 200 && !m.reset(out.toString()).find(); i++) {
      Thread.sleep(50);
    }
    assertTrue(m.reset(out.toString()).find(), "no address printed: " + out + err);
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(m.group(1) + "api/runs")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"id\":\"run\""), r.body());
    serving.interrupt();
    serving.join(10_000);
    assertFalse(serving.isAlive());
    assertEquals(0, code[0], err.toString());
  }
}

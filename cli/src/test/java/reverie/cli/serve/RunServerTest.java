package reverie.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server over HTTP, without a browser: the JSON views of a real run, the refusal of paths that
 * leave the served directories, of methods other than GET and of foreign hosts, and that nothing is
 * written into a run directory.
 */
class RunServerTest {
  static Path tmp;
  static Path other;
  static RunServer server;
  static StringWriter log = new StringWriter();

  @BeforeAll
  static void start() throws IOException {
    Path run = ServeFixture.run();
    tmp = Files.createTempDirectory("reverie-serve-test");
    other = tmp.resolve("other");
    ServeFixture.copy(run, other);
    // Symlinks that lead out of the run: a file and a folder.
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret\n");
    Files.createSymbolicLink(other.resolve("leak.txt"), secret);
    Files.createSymbolicLink(other.resolve("outside"), tmp);
    RunCatalog catalog = RunCatalog.open(List.of(run, other));
    server =
        RunServer.start(
            new RunViews(catalog, ValuePictures.NONE), "127.0.0.1", 0, new PrintWriter(log));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    ServeFixture.delete(tmp);
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return ServerRequests.get(server, path);
  }

  static JsonNode json(String path) throws IOException, InterruptedException {
    return ServerRequests.json(server, path);
  }

  static String enc(String segment) {
    return ServerRequests.enc(segment);
  }

  static int rawStatus(String method, String path, String host) throws IOException {
    return ServerRequests.rawStatus(server, method, path, host);
  }

  @Test
  void runsPageListsBothRuns() throws Exception {
    JsonNode runs = json("/api/runs").get("runs");
    assertEquals(2, runs.size());
    assertEquals("run", runs.get(0).get("id").asText());
    assertEquals("other", runs.get(1).get("id").asText());
    assertEquals(1, runs.get(0).get("iterations_done").asInt());
    assertEquals(8, runs.get(0).get("train_total").asInt() + runs.get(0).get("test_total").asInt());
    assertTrue(runs.get(0).get("library_size").asInt() > 0);
  }

  @Test
  void pageAndAssetsComeFromTheJar() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("/assets/app.js"));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("'self'"));
    assertEquals(200, get("/assets/app.js").statusCode());
    assertEquals(200, get("/assets/app.css").statusCode());
    assertEquals(404, get("/assets/other.js").statusCode());
  }

  @Test
  void runViewHasCurveLibrariesAndTasks() throws Exception {
    JsonNode run = json("/api/runs/run");
    assertEquals(2, run.get("metrics").size());
    JsonNode libraries = run.get("libraries");
    assertEquals(2, libraries.size());
    assertEquals(0, libraries.get(0).get("inventions").size());
    JsonNode latest = libraries.get(1);
    assertTrue(latest.get("inventions").size() > 0);
    // Everything in iteration 1's library was added by it.
    assertEquals(latest.get("inventions").size(), latest.get("added").size());
    List<String> tasks = new ArrayList<>();
    run.get("tasks").forEach(t -> tasks.add(t.get("name").asText()));
    assertEquals(8, tasks.size());
    assertTrue(tasks.contains(ServeFixture.SCRIPT));
  }

  @Test
  void inventionViewsHaveExamplesAndTasks() throws Exception {
    JsonNode latest = json("/api/runs/run").get("libraries").get(1);
    int withTasks = 0;
    for (JsonNode inv : latest.get("inventions")) {
      String name = inv.get("name").asText();
      JsonNode doc = json("/api/runs/run/inventions/1/" + name);
      assertEquals(name, doc.get("name").asText());
      assertEquals(1, doc.get("appeared").asInt());
      assertEquals(inv.get("body").asText(), doc.get("body").asText());
      if (doc.get("tasks").size() > 0) {
        withTasks++;
        assertTrue(doc.get("examples").size() > 0, doc.toString());
        JsonNode e = doc.get("examples").get(0);
        assertFalse(e.get("output").asText().isEmpty());
      }
    }
    assertTrue(withTasks > 0, "no invention is used by a best program");
    assertEquals(404, get("/api/runs/run/inventions/1/nope").statusCode());
    assertEquals(404, get("/api/runs/run/inventions/7/f0").statusCode());
  }

  @Test
  void taskViewHasProgramsAndRecognition() throws Exception {
    JsonNode run = json("/api/runs/run");
    JsonNode solved = null;
    for (JsonNode t : run.get("tasks")) {
      if (t.get("solved").asBoolean()) {
        solved = t;
        break;
      }
    }
    assertTrue(solved != null, "the fixture solves a task");
    JsonNode doc = json("/api/runs/run/tasks/" + enc(solved.get("name").asText()));
    assertEquals(solved.get("name").asText(), doc.get("name").asText());
    assertEquals(3, doc.get("examples").size());
    JsonNode last = doc.get("iterations").get(1);
    assertTrue(last.get("programs").size() > 0);
    assertTrue(last.get("programs").get(0).get("log_prior").asDouble() < 0);
    assertTrue(doc.get("recognition").get("top").size() > 0);
    assertTrue(doc.get("recognition").has("helped"));
  }

  @Test
  void encodedNamesRoundTrip() throws Exception {
    for (String name : List.of(ServeFixture.SCRIPT, ServeFixture.SLASHED)) {
      JsonNode doc = json("/api/runs/run/tasks/" + enc(name));
      assertEquals(name, doc.get("name").asText());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../config.json",
        "/files/run/../config.json",
        "/files/run/../../secret.txt",
        "/files/run/%2e%2e/other/config.json",
        "/files/run/%2E%2E/%2E%2E/secret.txt",
        "/files/run/..%2f..%2fsecret.txt",
        "/files/run/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/files/run/%252e%252e/config.json",
        "/files/run/.%2e/config.json",
        "/files/run/..%5cconfig.json",
        "/files/run/%00config.json",
        "/files/run//etc/passwd",
        "/files/run/%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/api/runs/%2e%2e",
        "/files/other/leak.txt",
        "/files/other/outside/secret.txt",
        "/files/run/iteration-001/recognition/recognition.bin"
      })
  void pathsOutsideTheRunsAreNotFound(String path) throws IOException {
    assertEquals(404, rawStatus("GET", path, "127.0.0.1:" + server.uri().getPort()), path);
  }

  @Test
  void filesInsideARunAreServed() throws Exception {
    HttpResponse<String> r = get("/files/run/config.json");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"iterations\""));
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
    assertEquals(200, get("/files/run/iteration-001/grammar.json").statusCode());
  }

  @Test
  void onlyGetAndHeadAreAnswered() throws IOException {
    String host = "127.0.0.1:" + server.uri().getPort();
    assertEquals(405, rawStatus("POST", "/api/runs", host));
    assertEquals(405, rawStatus("PUT", "/files/run/upload.txt", host));
    assertEquals(405, rawStatus("DELETE", "/files/run/config.json", host));
    assertEquals(200, rawStatus("HEAD", "/api/runs", host));
  }

  @Test
  void otherHostNamesAreRefused() throws IOException {
    assertEquals(403, rawStatus("GET", "/api/runs", "attacker.example:" + server.uri().getPort()));
    assertEquals(200, rawStatus("GET", "/api/runs", "localhost:" + server.uri().getPort()));
  }

  @Test
  void servingWritesNothingIntoTheRun() throws Exception {
    Path run = ServeFixture.run();
    Map<String, String> before = snapshot(run);
    JsonNode doc = json("/api/runs/run");
    for (JsonNode lib : doc.get("libraries")) {
      for (JsonNode inv : lib.get("inventions")) {
        json(
            "/api/runs/run/inventions/"
                + lib.get("iteration").asInt()
                + "/"
                + inv.get("name").asText());
      }
    }
    for (JsonNode t : doc.get("tasks")) {
      json("/api/runs/run/tasks/" + enc(t.get("name").asText()));
    }
    json("/api/runs");
    json("/api/version");
    assertEquals(before, snapshot(run));
  }

  /** Every file and folder under {@code dir} with its size and modification time. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        m.put(dir.relativize(p).toString(), a.size() + "@" + a.lastModifiedTime());
      }
    }
    return m;
  }
}

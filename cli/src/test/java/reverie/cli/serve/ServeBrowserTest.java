package reverie.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The pages in a real headless Chromium, driven through Selenium with the system's chromedriver
 * (Debian's chromium and chromium-driver): the runs page, the library graph, an invention and a
 * task page, a live update, a hostile task name, traversal, and the static report offline. The
 * browser starts once for the class; without Chromium the tests are skipped with a message.
 */
class ServeBrowserTest {
  private static final List<Path> CHROMIUM =
      List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(10);

  static Path tmp;
  static Path live;
  static Path held;
  static String fullMetrics;
  static Path report;
  static RunServer server;
  static String base;
  static ChromeDriver driver;

  // Selenium warns that it has no DevTools support for this Chromium's version; these tests use
  // WebDriver only. A static reference keeps the logger's level from being collected.
  private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

  @BeforeAll
  static void start() throws IOException {
    Optional<Path> chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst();
    assumeTrue(
        chromium.isPresent() && Files.isExecutable(CHROMEDRIVER),
        "browser tests skipped: Chromium or chromedriver is not installed here"
            + " (apt-get install chromium chromium-driver; .ci/run installs them)");
    Path run = ServeFixture.run();
    tmp = Files.createTempDirectory("reverie-browser-test");
    // A copy of the run with its last iteration held back, to be added while a page is open.
    live = tmp.resolve("live");
    ServeFixture.copy(run, live);
    held = tmp.resolve("held-iteration-001");
    Files.move(live.resolve("iteration-001"), held);
    Path metrics = live.resolve("metrics.jsonl");
    fullMetrics = Files.readString(metrics);
    Files.writeString(metrics, fullMetrics.lines().findFirst().orElseThrow() + "\n");
    report = tmp.resolve("report.html");
    StaticReport.write(run, report, ValuePictures.NONE);
    server =
        RunServer.start(
            new RunViews(RunCatalog.open(List.of(run, live)), ValuePictures.NONE),
            "127.0.0.1",
            0,
            new PrintWriter(new StringWriter()));
    base = server.uri().toString();

    SELENIUM.setLevel(Level.SEVERE);
    // The system's driver and browser, named explicitly: nothing is looked up or downloaded.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (tmp != null) {
      ServeFixture.delete(tmp);
    }
  }

  /** Waits for {@code probe} to give a value that is neither null nor false. */
  static <T> T await(String what, Duration limit, Supplier<T> probe) {
    long end = System.nanoTime() + limit.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < end) {
      try {
        T v = probe.get();
        if (v != null && !Boolean.FALSE.equals(v)) {
          return v;
        }
      } catch (RuntimeException e) {
        // The page may be redrawing: the element just found is gone; look again.
        last = e;
      }
      sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what, last);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  static Set<String> nodeNames() {
    return all("#library-graph a.node").stream()
        .map(e -> e.getAttribute("data-name"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static void open(String hash) {
    driver.get(base + hash);
  }

  static JsonNode api(String path) throws Exception {
    return ServerRequests.json(server, path);
  }

  static Set<String> latestInventions(JsonNode run) {
    JsonNode libs = run.get("libraries");
    Set<String> names = new TreeSet<>();
    libs.get(libs.size() - 1).get("inventions").forEach(i -> names.add(i.get("name").asText()));
    return names;
  }

  @Test
  void runsPageListsTheFixtureRun() {
    open("");
    WebElement row =
        await(
            "the fixture run's row",
            WAIT,
            () -> all("tr.run-row[data-run='run']").stream().findFirst().orElse(null));
    assertTrue(row.getText().contains("1 of 1"), row.getText());
    assertEquals(2, all("tr.run-row").size());
  }

  @Test
  void libraryGraphShowsEveryInvention() throws Exception {
    Set<String> expected = latestInventions(api("/api/runs/run"));
    assertFalse(expected.isEmpty());
    open("#/run/run");
    assertEquals(expected, await("the graph", WAIT, () -> nonEmpty(nodeNames())));
    assertEquals(2, all("#metrics-table tbody tr").size());
    assertEquals(3, all("#curves svg").size());
  }

  @Test
  void clickingAnInventionOpensItsPageWithItsTasks() throws Exception {
    String name = null;
    List<String> tasks = new ArrayList<>();
    for (String n : latestInventions(api("/api/runs/run"))) {
      JsonNode doc = api("/api/runs/run/inventions/1/" + n);
      if (doc.get("tasks").size() > 0) {
        name = n;
        doc.get("tasks").forEach(t -> tasks.add(t.get("name").asText()));
        break;
      }
    }
    assertTrue(name != null, "some invention is used by a task");
    open("#/run/run");
    String target = name;
    WebElement node =
        await(
            "node " + name,
            WAIT,
            () ->
                all("#library-graph a.node[data-name='" + target + "']").stream()
                    .findFirst()
                    .orElse(null));
    node.click();
    await(
        "the invention page",
        WAIT,
        () -> all("#invention-name").stream().anyMatch(e -> e.getText().equals(target)));
    List<String> shown =
        await(
            "its tasks",
            WAIT,
            () ->
                nonEmpty(
                    all("#invention-tasks tbody tr td:first-child a").stream()
                        .map(WebElement::getText)
                        .toList()));
    assertEquals(tasks, shown);
    // Each task is a link to its page.
    all("#invention-tasks tbody tr td:first-child a").get(0).click();
    await(
        "the task page",
        WAIT,
        () -> all("#task-name").stream().anyMatch(e -> e.getText().equals(tasks.get(0))));
  }

  @Test
  void taskPageShowsItsPrograms() throws Exception {
    String task = null;
    for (JsonNode t : api("/api/runs/run").get("tasks")) {
      if (t.get("solved").asBoolean()) {
        task = t.get("name").asText();
        break;
      }
    }
    assertTrue(task != null);
    JsonNode doc = api("/api/runs/run/tasks/" + ServerRequests.enc(task));
    List<String> expected = new ArrayList<>();
    doc.get("iterations")
        .forEach(i -> i.get("programs").forEach(p -> expected.add(p.get("program").asText())));
    open("#/run/run/task/" + ServerRequests.enc(task));
    List<String> shown =
        await(
            "the programs",
            WAIT,
            () ->
                nonEmpty(
                    all("#task-programs tr.program-row td:first-child").stream()
                        .map(WebElement::getText)
                        .toList()));
    assertEquals(expected, shown);
    assertTrue(all("#task-examples tbody tr").size() == 3);
    assertTrue(all("#recognition-top tbody tr").size() > 0);
  }

  @Test
  void aNewIterationShowsWithinFiveSeconds() throws Exception {
    open("#/run/live");
    await(
        "iteration 0",
        WAIT,
        () -> all("#iterations-done").stream().anyMatch(e -> e.getText().equals("0")));
    Set<String> expected = latestInventions(api("/api/runs/run"));
    // As the loop does: the checkpoint folder renamed into place, then metrics.jsonl replaced.
    Files.move(held, live.resolve("iteration-001"), StandardCopyOption.ATOMIC_MOVE);
    Path temp = live.resolve("metrics.jsonl.tmp");
    Files.writeString(temp, fullMetrics, StandardCharsets.UTF_8);
    Files.move(
        temp,
        live.resolve("metrics.jsonl"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    long start = System.nanoTime();
    await(
        "iteration 1 on the open page",
        Duration.ofSeconds(5),
        () ->
            all("#iterations-done").stream().anyMatch(e -> e.getText().equals("1"))
                && nodeNames().equals(expected));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 5000, "shown after " + millis + " ms");
  }

  @Test
  void aScriptTaskNameIsShownAsTextAndRunsNothing() {
    open("#/run/run");
    WebElement link =
        await(
            "the task link",
            WAIT,
            () ->
                all("#tasks-table a").stream()
                    .filter(a -> a.getText().equals(ServeFixture.SCRIPT))
                    .findFirst()
                    .orElse(null));
    assertNoScriptRan();
    link.click();
    await(
        "the task page",
        WAIT,
        () -> all("#task-name").stream().anyMatch(e -> e.getText().equals(ServeFixture.SCRIPT)));
    assertNoScriptRan();
    assertTrue(driver.getTitle().equals("Reverie"));
  }

  private static void assertNoScriptRan() {
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
    Object elements =
        ((JavascriptExecutor) driver)
            .executeScript("return document.querySelectorAll('#app script, #app img').length");
    assertEquals(0L, elements);
  }

  @Test
  void traversalGetsNotFound() throws Exception {
    for (String path :
        List.of("files/run/..%2fconfig.json", "files/run/%2e%2e/%2e%2e/etc/passwd")) {
      driver.get(base + path);
      assertEquals("not found", driver.findElement(By.tagName("body")).getText().strip(), path);
    }
    String host = "127.0.0.1:" + server.uri().getPort();
    for (String path :
        List.of(
            "/../config.json", "/files/run/../config.json", "/files/run/%2e%2e/run/config.json")) {
      assertEquals(404, ServerRequests.rawStatus(server, "GET", path, host), path);
    }
    assertEquals(200, ServerRequests.rawStatus(server, "GET", "/files/run/config.json", host));
  }

  @Test
  void theReportShowsTheSameLibraryOffline() throws Exception {
    Set<String> expected = latestInventions(api("/api/runs/run"));
    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    driver.setNetworkConditions(offline);
    try {
      driver.get(report.toUri().toString());
      assertEquals(expected, await("the report's graph", WAIT, () -> nonEmpty(nodeNames())));
      String first = expected.iterator().next();
      all("#library-graph a.node[data-name='" + first + "']").get(0).click();
      await(
          "the report's invention page",
          WAIT,
          () -> all("#invention-name").stream().anyMatch(e -> e.getText().equals(first)));
    } finally {
      driver.deleteNetworkConditions();
    }
  }

  private static <C extends java.util.Collection<?>> C nonEmpty(C c) {
    return c.isEmpty() ? null : c;
  }
}

package reverie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.cli.serve.RunCatalog;
import reverie.cli.serve.RunServer;
import reverie.cli.serve.RunViews;
import reverie.cli.serve.ValuePictures;

/**
 * {@code reverie bench serve}: how fast the runs page of {@code reverie serve} answers over a
 * folder of many runs, and how much memory the server holds.
 */
@Command(
    name = "serve",
    header = "Time the runs page of 'reverie serve' over a folder of copies of a run.",
    mixinStandardHelpOptions = true,
    description = {
      "Copies RUN_DIR --copies times into a temporary folder, serves the folder on 127.0.0.1"
          + " and fetches what the runs page fetches (the page, its script and style, /api/runs):"
          + " once cold, then --requests times. Then opens every run's page once (reading all of"
          + " its checkpoints) and times the runs page again. Reports the cold time, the median,"
          + " 90th percentile and maximum of the warm ones, the heap in use after a full"
          + " collection and the process's resident memory (now and at its peak). The copies are"
          + " deleted at the end."
    })
final class BenchServeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory to copy.")
  Path run;

  @Option(
      names = "--copies",
      defaultValue = "50",
      paramLabel = "N",
      description = "Runs in the folder (default: ${DEFAULT-VALUE}).")
  int copies;

  @Option(
      names = "--requests",
      defaultValue = "200",
      paramLabel = "N",
      description = "Warm loads of the runs page timed (default: ${DEFAULT-VALUE}).")
  int requests;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    if (copies < 1 || requests < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--copies and --requests must be at least 1");
    }
    RunCatalog.open(List.of(run));
    Path folder = Files.createTempDirectory("reverie-bench-serve");
    PrintWriter err = spec.commandLine().getErr();
    try {
      for (int i = 0; i < copies; i++) {
        copy(run, folder.resolve(String.format(Locale.ROOT, "run-%03d", i)));
      }
      err.println("reverie: " + copies + " copies of " + run + " in " + folder);
      RunViews views = new RunViews(RunCatalog.open(List.of(folder)), ValuePictures.DOMAIN);
      try (RunServer server =
          RunServer.start(views, "127.0.0.1", 0, new PrintWriter(new StringWriter()))) {
        HttpClient http = HttpClient.newHttpClient();
        URI base = server.uri();
        double cold = runsPage(http, base);
        double[] warm = new double[requests];
        for (int i = 0; i < requests; i++) {
          warm[i] = runsPage(http, base);
        }
        long start = System.nanoTime();
        JsonNode runs = JSON.readTree(get(http, base.resolve("/api/runs")));
        for (JsonNode r : runs.get("runs")) {
          get(http, base.resolve("/api/runs/" + r.get("id").asText()));
        }
        double allRuns = (System.nanoTime() - start) / 1e6;
        double[] after = new double[requests];
        for (int i = 0; i < requests; i++) {
          after[i] = runsPage(http, base);
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        ObjectNode o = JSON.createObjectNode();
        o.put("runs", runs.get("runs").size());
        o.put("cold_ms", cold);
        putStats(o, "warm", warm);
        o.put("open_every_run_ms", allRuns);
        putStats(o, "after_every_run", after);
        o.put("heap_used_mb", heap / 1e6);
        o.put("heap_committed_mb", rt.totalMemory() / 1e6);
        o.put("heap_max_mb", rt.maxMemory() / 1e6);
        o.put("rss_mb", status("VmRSS:"));
        o.put("peak_rss_mb", status("VmHWM:"));
        PrintWriter out = spec.commandLine().getOut();
        if (json.json) {
          out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
          out.printf(
              Locale.ROOT,
              "runs page over %d runs: first load %.1f ms; then median %.2f ms, p90 %.2f ms,"
                  + " max %.2f ms (%d loads)%n",
              o.get("runs").asInt(),
              cold,
              o.get("warm_median_ms").asDouble(),
              o.get("warm_p90_ms").asDouble(),
              o.get("warm_max_ms").asDouble(),
              requests);
          out.printf(
              Locale.ROOT,
              "every run's page opened once: %.0f ms; runs page after: median %.2f ms, p90 %.2f"
                  + " ms%n",
              allRuns,
              o.get("after_every_run_median_ms").asDouble(),
              o.get("after_every_run_p90_ms").asDouble());
          out.printf(
              Locale.ROOT,
              "heap in use %.0f MB (committed %.0f MB, max %.0f MB); resident %.0f MB, peak %.0f"
                  + " MB%n",
              heap / 1e6,
              rt.totalMemory() / 1e6,
              rt.maxMemory() / 1e6,
              o.get("rss_mb").asDouble(),
              o.get("peak_rss_mb").asDouble());
        }
        out.flush();
      }
    } finally {
      delete(folder);
    }
    return ExitCode.OK;
  }

  /** The requests of one load of the runs page, in milliseconds. */
  private static double runsPage(HttpClient http, URI base) throws IOException {
    long t = System.nanoTime();
    get(http, base);
    get(http, base.resolve("/assets/app.js"));
    get(http, base.resolve("/assets/app.css"));
    get(http, base.resolve("/api/version"));
    get(http, base.resolve("/api/runs"));
    return (System.nanoTime() - t) / 1e6;
  }

  private static String get(HttpClient http, URI uri) throws IOException {
    try {
      HttpResponse<String> r =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void putStats(ObjectNode o, String name, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    o.put(name + "_median_ms", s[s.length / 2]);
    o.put(name + "_p90_ms", s[(int) Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)]);
    o.put(name + "_max_ms", s[s.length - 1]);
  }

  /** A memory figure of this process from /proc/self/status in MB, or -1 where there is none. */
  private static double status(String key) {
    try (Stream<String> lines =
        Files.lines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
      return lines
          .filter(l -> l.startsWith(key))
          .findFirst()
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024 / 1e6)
          .orElse(-1.0);
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(from)) {
      all = new ArrayList<>(s.toList());
    }
    for (Path p : all) {
      Path target = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else if (Files.isRegularFile(p)) {
        Files.copy(p, target);
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package reverie.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.common.collect.ImmutableMap;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import reverie.dsl.InputException;

/**
 * The read-only web server of {@code reverie serve}, on the JDK's own HTTP server: it sends the
 * page (HTML, script, style, all from the jar), the JSON views of {@link RunViews}, and a few files
 * of the served run directories (pictures and reports) by name. Only GET and HEAD are answered;
 * nothing runs a program or accepts a file. The JDK's server is enough for one person's browser
 * polling a few small documents, and it keeps the jar free of a web framework.
 */
public final class RunServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Files of a run directory that may be sent, by extension, with their content types. */
  private static final ImmutableMap<String, String> FILE_TYPES =
      ImmutableMap.<String, String>builder()
          .put("png", "image/png")
          .put("svg", "image/svg+xml")
          .put("json", "application/json")
          .put("jsonl", "text/plain; charset=utf-8")
          .put("md", "text/plain; charset=utf-8")
          .put("csv", "text/plain; charset=utf-8")
          .put("txt", "text/plain; charset=utf-8")
          .build();

  /**
   * The page may load only its own script, style and data; inline scripts (or anything injected)
   * would not run.
   */
  private static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** A file from a run directory (an SVG may hold a script) is shown, never run. */
  private static final String FILE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  private final HttpServer server;
  private final ExecutorService workers;
  private final RunViews views;
  private final Set<String> hosts;
  private final PrintWriter log;

  private RunServer(HttpServer server, ExecutorService workers, RunViews views, PrintWriter log) {
    this.server = server;
    this.workers = workers;
    this.views = views;
    this.log = log;
    InetSocketAddress a = server.getAddress();
    this.hosts = allowedHosts(a.getAddress(), a.getPort());
  }

  /**
   * Starts serving {@code views} on {@code host}:{@code port} (0 for any free port); a {@link
   * java.net.BindException} when the port is taken. Errors are logged to {@code log} as one line.
   */
  public static RunServer start(RunViews views, String host, int port, PrintWriter log)
      throws IOException {
    // The JDK's server writes a response's headers and body separately; without TCP_NODELAY the
    // body waits for the browser's delayed acknowledgement, 40 ms per request on a kept-alive
    // connection. The property is read once, when the first server is made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    AtomicInteger n = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "reverie-serve-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    RunServer s = new RunServer(server, workers, views, log);
    server.createContext("/", s::handle);
    server.setExecutor(workers);
    server.start();
    return s;
  }

  /** The address of the runs page, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/");
  }

  /** Stops serving at once: every request is a read, so one cut short loses nothing. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  /**
   * On the loopback interface, only requests addressed to this machine by name or number: a web
   * page elsewhere that rebinds its own host name to 127.0.0.1 cannot read the runs.
   */
  private static Set<String> allowedHosts(InetAddress address, int port) {
    if (!address.isLoopbackAddress()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    names.add("localhost:" + port);
    names.add("127.0.0.1:" + port);
    names.add("[::1]:" + port);
    String own = address.getHostAddress();
    names.add((own.contains(":") ? "[" + own + "]" : own) + ":" + port);
    return Set.copyOf(names);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain; charset=utf-8", bytes("only GET and HEAD\n"), null);
        return;
      }
      String host = ex.getRequestHeaders().getFirst("Host");
      if (!hosts.isEmpty() && (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT)))) {
        send(ex, 403, "text/plain; charset=utf-8", bytes("unknown host\n"), null);
        return;
      }
      Optional<RequestPath> path = RequestPath.parse(ex.getRequestURI().getRawPath());
      if (path.isEmpty()) {
        notFound(ex);
        return;
      }
      route(ex, path.get());
    } catch (RuntimeException e) {
      log.println("reverie serve: " + ex.getRequestURI().getRawPath() + ": " + message(e));
      log.flush();
      try {
        json(ex, 500, JsonNodeFactory.instance.objectNode().put("error", message(e)));
      } catch (IOException | RuntimeException ignored) {
        // The response was already under way; the browser sees a broken one.
      }
    }
  }

  private static String message(RuntimeException e) {
    return e instanceof InputException || e instanceof UncheckedIOException
        ? ServedRun.message(e)
        : e.toString();
  }

  private void route(HttpExchange ex, RequestPath p) throws IOException {
    if (p.size() == 0) {
      send(ex, 200, "text/html; charset=utf-8", bytes(Assets.HTML), PAGE_POLICY);
    } else if (p.is("assets", "app.js")) {
      send(ex, 200, "text/javascript; charset=utf-8", bytes(Assets.SCRIPT), null);
    } else if (p.is("assets", "app.css")) {
      send(ex, 200, "text/css; charset=utf-8", bytes(Assets.STYLE), null);
    } else if (p.is("api", "version")) {
      json(
          ex, 200, JsonNodeFactory.instance.objectNode().put("version", views.catalog().version()));
    } else if (p.is("api", "runs")) {
      json(ex, 200, views.runs());
    } else if (p.startsWith(1, "api", "runs")) {
      found(ex, views.run(p.get(2)));
    } else if (p.startsWith(4, "api", "runs") && p.get(3).equals("inventions")) {
      Optional<Integer> iteration = number(p.get(4));
      found(
          ex,
          iteration.isEmpty()
              ? Optional.empty()
              : views.invention(p.get(2), iteration.get(), p.get(5)));
    } else if (p.startsWith(3, "api", "runs") && p.get(3).equals("tasks")) {
      found(ex, views.task(p.get(2), p.get(4)));
    } else if (p.startsWith(2, "api", "runs") && p.get(3).equals("compare")) {
      found(ex, views.compare(p.get(2)));
    } else if (p.size() >= 3 && p.get(0).equals("files")) {
      file(ex, p);
    } else {
      notFound(ex);
    }
  }

  private static Optional<Integer> number(String s) {
    if (!s.matches("\\d{1,6}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(s));
  }

  /**
   * A file of a run directory: {@code /files/RUN/a/b.png}. The name is joined to the run's
   * directory segment by segment (dot segments were refused already), must stay inside it once
   * symlinks are resolved, must be a regular file of a listed type, and no segment may be hidden.
   */
  private void file(HttpExchange ex, RequestPath p) throws IOException {
    Optional<ServedRun> run = views.catalog().find(p.get(1));
    if (run.isEmpty()) {
      notFound(ex);
      return;
    }
    Path root = run.get().dir();
    Path f = root;
    for (int i = 2; i < p.size(); i++) {
      if (!RequestPath.isFileName(p.get(i))) {
        notFound(ex);
        return;
      }
      f = f.resolve(p.get(i));
    }
    String name = f.getFileName().toString();
    String type =
        FILE_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    if (type == null || !f.normalize().startsWith(root) || !Files.exists(f)) {
      notFound(ex);
      return;
    }
    Path real = f.toRealPath();
    if (!real.startsWith(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      notFound(ex);
      return;
    }
    send(ex, 200, type, Files.readAllBytes(real), FILE_POLICY);
  }

  private void found(HttpExchange ex, Optional<? extends JsonNode> doc) throws IOException {
    if (doc.isPresent()) {
      json(ex, 200, doc.get());
    } else {
      notFound(ex);
    }
  }

  private static void notFound(HttpExchange ex) throws IOException {
    send(ex, 404, "text/plain; charset=utf-8", bytes("not found\n"), null);
  }

  private static void json(HttpExchange ex, int status, JsonNode doc) throws IOException {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new AssertionError("a tree always serialises", e);
    }
    send(ex, status, "application/json", body, null);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body, String policy)
      throws IOException {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Cache-Control", "no-store");
    h.set("Referrer-Policy", "no-referrer");
    if (policy != null) {
      h.set("Content-Security-Policy", policy);
    }
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

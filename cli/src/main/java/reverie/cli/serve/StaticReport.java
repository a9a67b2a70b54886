package reverie.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pages of one run as a single HTML file for {@code reverie report}: the viewer's script and
 * style inline, every JSON view the pages can ask for embedded (the run, each invention at each
 * iteration, each task, the SAE comparison) and the comparison's heatmap as a data URI, under a
 * content policy that lets the file load nothing from anywhere.
 */
public final class StaticReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Nothing but the inline script, style and data-URI images may load. */
  private static final String POLICY =
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

  private StaticReport() {}

  /** The report of run {@code runId} of {@code views} as HTML text. */
  public static String html(RunViews views, String runId) {
    ObjectNode data = JSON.createObjectNode();
    data.put("run", runId);
    ObjectNode docs = data.putObject("docs");
    ObjectNode files = data.putObject("files");
    put(docs, views.runs(), "runs");
    ObjectNode run =
        views
            .run(runId)
            .orElseThrow(() -> new IllegalArgumentException("no run " + runId + " is served"));
    if (run.has("error")) {
      throw new reverie.dsl.InputException(run.get("error").asText());
    }
    put(docs, run, "runs", runId);
    for (JsonNode lib : run.path("libraries")) {
      String iteration = lib.get("iteration").asText();
      for (JsonNode inv : lib.path("inventions")) {
        String name = inv.get("name").asText();
        views
            .invention(runId, lib.get("iteration").asInt(), name)
            .ifPresent(doc -> put(docs, doc, "runs", runId, "inventions", iteration, name));
      }
    }
    for (JsonNode task : run.path("tasks")) {
      String name = task.get("name").asText();
      views.task(runId, name).ifPresent(doc -> put(docs, doc, "runs", runId, "tasks", name));
    }
    Optional<ObjectNode> compare = views.compare(runId);
    if (compare.isPresent()) {
      put(docs, compare.get(), "runs", runId, "compare");
      JsonNode heatmap = compare.get().get("heatmap");
      if (heatmap != null) {
        Path png = views.catalog().find(runId).orElseThrow().dir().resolve(heatmap.asText());
        files.put(key(runId, heatmap.asText()), dataUri(png));
      }
    }
    String title = "Reverie report: " + runId;
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\""
        + POLICY
        + "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + Html.escape(title)
        + "</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n"
        + inline(Assets.STYLE, "style")
        + "</style>\n</head>\n<body>\n<div id=\"app\"></div>\n"
        + "<script type=\"application/json\" id=\"reverie-report\">"
        + scriptSafeJson(data)
        + "</script>\n<script>\n"
        + inline(Assets.SCRIPT, "script")
        + "</script>\n</body>\n</html>\n";
  }

  /** Writes the report of the run in {@code runDir} to {@code out}. */
  public static void write(Path runDir, Path out, ValuePictures pictures) {
    RunCatalog catalog = RunCatalog.open(List.of(runDir));
    RunViews views = new RunViews(catalog, pictures);
    String id = catalog.runs().get(0).id();
    String html = html(views, id);
    try {
      Files.writeString(out, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }

  private static void put(ObjectNode docs, JsonNode doc, String... segments) {
    docs.set(key(segments), doc);
  }

  /** The key the page looks a view up by: its path segments as a JSON array. */
  private static String key(String... segments) {
    try {
      return JSON.writeValueAsString(List.of(segments));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * JSON that cannot end the script element it sits in: {@code <}, {@code >} and {@code &} only
   * occur inside JSON strings, where their {@code \}{@code u} escapes mean the same; the line
   * separators are escaped for old script parsers.
   */
  static String scriptSafeJson(JsonNode data) {
    String text;
    try {
      text = JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
    return text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }

  /** The jar's own script or style, checked not to close its element early. */
  private static String inline(String text, String element) {
    if (text.toLowerCase(Locale.ROOT).contains("</" + element)) {
      throw new IllegalStateException("the viewer's " + element + " contains </" + element);
    }
    return text;
  }

  private static String dataUri(Path png) {
    try {
      if (!Files.isRegularFile(png, LinkOption.NOFOLLOW_LINKS)) {
        return "";
      }
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + png, e);
    }
  }
}

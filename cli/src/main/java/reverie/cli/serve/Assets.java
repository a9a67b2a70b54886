package reverie.cli.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page's own files, read from the jar: one HTML shell, one script and one style sheet, shared
 * by the server and the static report so that both show the same views, with nothing fetched from
 * elsewhere.
 */
final class Assets {
  static final String HTML = text("index.html");
  static final String SCRIPT = text("app.js");
  static final String STYLE = text("app.css");

  private Assets() {}

  private static String text(String name) {
    String path = "/reverie/serve/" + name;
    try (InputStream in = Assets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

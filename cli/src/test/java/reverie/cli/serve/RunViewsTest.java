package reverie.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The views' picture hook: a domain's pictures reach the task and invention views, if safe. */
class RunViewsTest {
  private static final String DOT =
      ValuePictures.png(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB));

  static RunViews views(ValuePictures pictures) {
    return new RunViews(RunCatalog.open(List.of(ServeFixture.run())), pictures);
  }

  @Test
  void picturesOfValuesReachTheTaskAndInventionViews() {
    RunViews views = views((domain, value, type) -> Optional.of(DOT));
    JsonNode task = views.task("run", ServeFixture.SCRIPT).orElseThrow();
    for (JsonNode e : task.get("examples")) {
      assertEquals(DOT, e.get("picture").asText());
    }
    JsonNode lib = views.run("run").orElseThrow().get("libraries").get(1);
    boolean drawn = false;
    for (JsonNode inv : lib.get("inventions")) {
      JsonNode doc = views.invention("run", 1, inv.get("name").asText()).orElseThrow();
      for (JsonNode e : doc.get("examples")) {
        drawn |= e.get("picture").asText().equals(DOT);
      }
    }
    assertTrue(drawn, "an invention's output is drawn");
  }

  @Test
  void onlyImageDataUrisArePassedOn() {
    RunViews views = views((domain, value, type) -> Optional.of("javascript:alert(1)"));
    JsonNode task = views.task("run", ServeFixture.SCRIPT).orElseThrow();
    assertFalse(task.get("examples").get(0).has("picture"));
    RunViews failing =
        views(
            (domain, value, type) -> {
              throw new IllegalStateException("cannot draw");
            });
    assertFalse(
        failing
            .task("run", ServeFixture.SCRIPT)
            .orElseThrow()
            .get("examples")
            .get(0)
            .has("picture"));
  }

  @Test
  void aDomainWithoutPicturesGetsTextAlone() {
    JsonNode task = views(ValuePictures.DOMAIN).task("run", ServeFixture.SCRIPT).orElseThrow();
    assertFalse(task.get("examples").get(0).has("picture"));
    assertEquals("[3,4]", task.get("examples").get(0).get("output").asText());
  }

  @Test
  void picturesArePngDataUris() throws Exception {
    assertTrue(DOT.startsWith("data:image/png;base64,"));
    byte[] png = Base64.getDecoder().decode(DOT.substring(DOT.indexOf(',') + 1));
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(4, back.getWidth());
    assertEquals(3, back.getHeight());
  }
}

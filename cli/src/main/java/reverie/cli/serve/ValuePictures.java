package reverie.cli.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;

/**
 * The one place where a picture of a value (a task's target, an invention's output) plugs into the
 * views: given the run's domain, a value and its type, an image as a {@code data:image/png;base64,}
 * or {@code data:image/svg+xml;base64,} URI. {@link #DOMAIN} asks the domain ({@link
 * Domain#picture}); a domain without pictures gets text alone.
 */
@FunctionalInterface
public interface ValuePictures {

  /** The longer side of a picture, in pixels. */
  int SIZE = 160;

  /** No pictures: every value is shown as text. */
  ValuePictures NONE = (domain, value, type) -> Optional.empty();

  /** The domain's own pictures ({@link Domain#picture}), as PNG. */
  ValuePictures DOMAIN =
      (domain, value, type) -> domain.picture(value, type, SIZE).map(ValuePictures::png);

  /** A picture of {@code value} of type {@code type} in {@code domain}, if the domain draws it. */
  Optional<String> picture(Domain domain, Object value, Type type);

  /** An image as a PNG data URI. */
  static String png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", bytes)) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}

package reverie.cli.serve;

import java.util.Optional;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;

/**
 * The one place where a picture of a value (a task's target, an invention's output) plugs into the
 * views: given the run's domain, a value and its type, an image as a {@code data:image/png;base64,}
 * or {@code data:image/svg+xml;base64,} URI. Drawing domains will supply it through their {@link
 * Domain}; until then {@link #NONE} draws nothing and the views show values as text only.
 */
@FunctionalInterface
public interface ValuePictures {

  /** No pictures: every value is shown as text. */
  ValuePictures NONE = (domain, value, type) -> Optional.empty();

  /** A picture of {@code value} of type {@code type} in {@code domain}, if the domain draws it. */
  Optional<String> picture(Domain domain, Object value, Type type);
}

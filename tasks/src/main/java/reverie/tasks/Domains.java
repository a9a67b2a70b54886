package reverie.tasks;

import com.google.common.collect.ImmutableMap;
import java.util.ServiceLoader;
import reverie.dsl.InputException;

/** The domains on the class path, found through {@code META-INF/services/reverie.tasks.Domain}. */
public final class Domains {
  private Domains() {}

  /** Every domain, by name. */
  public static ImmutableMap<String, Domain> all() {
    ImmutableMap.Builder<String, Domain> byName = ImmutableMap.builder();
    for (Domain d : ServiceLoader.load(Domain.class)) {
      byName.put(d.name(), d);
    }
    return byName.buildOrThrow();
  }

  /** The domain called {@code name}; an {@link InputException} listing the known ones otherwise. */
  public static Domain byName(String name) {
    ImmutableMap<String, Domain> all = all();
    Domain d = all.get(name);
    if (d == null) {
      throw new InputException(
          "unknown domain '" + name + "' (known: " + String.join(", ", all.keySet()) + ")");
    }
    return d;
  }
}

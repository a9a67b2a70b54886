package reverie.tasks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;

/**
 * A set of domains by name, with their built-in suites: the installed ones ({@link #installed()},
 * found once through {@code META-INF/services/reverie.tasks.Domain}), or any given set (for tests).
 * The command line resolves names here and passes {@link Domain} objects on; the engine never looks
 * a domain up by name.
 */
public final class Domains {
  private final ImmutableMap<String, Domain> byName;

  private Domains(List<Domain> domains) {
    List<Domain> sorted = new ArrayList<>(domains);
    sorted.sort(Comparator.comparing(Domain::name));
    ImmutableMap.Builder<String, Domain> b = ImmutableMap.builder();
    for (Domain d : sorted) {
      b.put(d.name(), d);
    }
    try {
      this.byName = b.buildOrThrow();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("two domains share a name: " + e.getMessage(), e);
    }
    List<String> suiteNames = new ArrayList<>();
    for (Domain d : sorted) {
      for (BuiltInSuite s : d.suites()) {
        if (suiteNames.contains(s.name())) {
          throw new IllegalStateException("two domains provide a suite called " + s.name());
        }
        suiteNames.add(s.name());
      }
    }
  }

  /** The domains on the class path, scanned once. */
  public static Domains installed() {
    return Installed.DOMAINS;
  }

  /** Exactly the given domains. */
  public static Domains of(Domain... domains) {
    return new Domains(List.of(domains));
  }

  /** Every domain, sorted by name. */
  public ImmutableList<Domain> all() {
    return byName.values().asList();
  }

  /** The domain called {@code name}, if installed. */
  public Optional<Domain> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The domain called {@code name}; an {@link InputException} listing the known ones otherwise. */
  public Domain byName(String name) {
    Domain d = byName.get(name);
    if (d == null) {
      throw new InputException(
          "unknown domain '" + name + "' (known: " + String.join(", ", byName.keySet()) + ")");
    }
    return d;
  }

  /** The domain of {@code suite}. */
  public Domain of(Suite suite) {
    return byName(suite.domain());
  }

  /** The names of every built-in suite of every domain, sorted. */
  public ImmutableList<String> suiteNames() {
    return all().stream()
        .flatMap(d -> d.suites().stream())
        .map(BuiltInSuite::name)
        .sorted()
        .collect(ImmutableList.toImmutableList());
  }

  /** The built-in suite called {@code name}; an {@link InputException} listing them otherwise. */
  public Suite suite(String name) {
    Domain d = domainOfSuite(name);
    return builtIn(name).suite(d.name());
  }

  /** The built-in suite's tasks with their families and reference programs. */
  public ImmutableList<GeneratedTask> generatedTasks(String name) {
    return builtIn(name).generatedTasks();
  }

  /** The domain that provides the built-in suite {@code name}. */
  public Domain domainOfSuite(String name) {
    for (Domain d : all()) {
      for (BuiltInSuite s : d.suites()) {
        if (s.name().equals(name)) {
          return d;
        }
      }
    }
    throw new InputException(
        "unknown suite '" + name + "' (built-in: " + String.join(", ", suiteNames()) + ")");
  }

  private BuiltInSuite builtIn(String name) {
    for (BuiltInSuite s : domainOfSuite(name).suites()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new AssertionError(name);
  }

  /**
   * The domain for a task file that does not name one: among the domains whose base types cover
   * every type constructor of {@code types}, the one with the fewest base types (the most specific;
   * ties go to the first by name); empty when none covers them.
   */
  public Optional<Domain> covering(List<Type> types) {
    Domain best = null;
    for (Domain d : all()) {
      boolean covers = true;
      for (Type t : types) {
        try {
          d.checkType(t);
        } catch (InputException e) {
          covers = false;
        }
      }
      if (covers && (best == null || d.baseTypes().size() < best.baseTypes().size())) {
        best = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code int, bool, list(t0)}. */
  static String describeTypes(List<Type> types) {
    return types.stream().map(Type::toString).collect(Collectors.joining(", "));
  }

  /** The lazily scanned service domains (the holder idiom: scanned on first use, once). */
  private static final class Installed {
    static final Domains DOMAINS = scan();

    private static Domains scan() {
      List<Domain> found = new ArrayList<>();
      for (Domain d : ServiceLoader.load(Domain.class)) {
        found.add(d);
      }
      return new Domains(found);
    }
  }
}

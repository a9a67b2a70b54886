package reverie.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.concurrent.atomic.AtomicBoolean;
import reverie.dsl.program.Primitive;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Likelihood;
import reverie.tasks.SymmetryRules;

/**
 * The lists domain under another name, with a likelihood that fails on two planted expected
 * outputs: {@link #BAD} always (a bad task, or a bug), {@link #FLAKY} on its first use in this JVM
 * only (a fault that a second try gets past). Lives only in the tests.
 */
public final class FlakyDomain implements Domain {
  /** An expected output whose every check throws. */
  static final long BAD = 424_242;

  /** An expected output whose first check in this JVM throws. */
  static final long FLAKY = 515_151;

  static final AtomicBoolean FLAKED = new AtomicBoolean();

  private static Domain lists() {
    return Domains.installed().byName("lists");
  }

  @Override
  public String name() {
    return "flaky";
  }

  @Override
  public String description() {
    return "the lists domain with planted failures (tests only)";
  }

  @Override
  public ImmutableList<Primitive> primitives() {
    return lists().primitives();
  }

  @Override
  public ImmutableMap<String, Object> implementations() {
    return lists().implementations();
  }

  @Override
  public ImmutableList<Type> baseTypes() {
    return lists().baseTypes();
  }

  // The same search space as lists, so the clean tasks' frontiers match a local run on lists.
  @Override
  public SymmetryRules symmetries() {
    return lists().symmetries();
  }

  @Override
  public Object valueFromJson(JsonNode json, Type type) {
    return lists().valueFromJson(json, type);
  }

  @Override
  public JsonNode valueToJson(Object value, Type type) {
    return lists().valueToJson(value, type);
  }

  @Override
  public Likelihood likelihood() {
    return new Likelihood() {
      @Override
      public double logLikelihood(Object actual, Object expected) {
        if (expected.equals(BAD)) {
          throw new IllegalStateException("a planted bad task");
        }
        if (expected.equals(FLAKY) && FLAKED.compareAndSet(false, true)) {
          throw new IllegalStateException("a planted flaky failure");
        }
        return Likelihood.EXACT.logLikelihood(actual, expected);
      }

      @Override
      public String kind() {
        return "exact, with planted failures";
      }
    };
  }
}

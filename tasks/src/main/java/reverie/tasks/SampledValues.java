package reverie.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import java.util.Random;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;

/**
 * Random values of the common value types ({@code int}, {@code bool}, {@code char} and lists of
 * them), made as JSON and read by a domain's own codec, so that they are that domain's values:
 * inputs for benchmarks and for probing what a function computes.
 */
public final class SampledValues {
  private SampledValues() {}

  /** A random value of {@code type}, or empty when the domain cannot read such a value. */
  public static Optional<Object> sample(Domain domain, Type type, Random random) {
    Optional<JsonNode> json = json(type, random);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(domain.valueFromJson(json.get(), type));
    } catch (InputException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Random JSON of {@code type}: ints from -3 to 16, booleans, lowercase letters, lists of 1 to 8
   * elements; empty for another type.
   */
  public static Optional<JsonNode> json(Type type, Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (!(type instanceof TypeConstructor c)) {
      return Optional.empty();
    }
    switch (c.name()) {
      case "int":
        return Optional.of(f.numberNode(random.nextInt(20) - 3));
      case "bool":
        return Optional.of(f.booleanNode(random.nextBoolean()));
      case "char":
        return Optional.of(f.textNode(String.valueOf((char) ('a' + random.nextInt(26)))));
      case "list":
        ArrayNode a = f.arrayNode();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
          Optional<JsonNode> element = json(c.arguments().get(0), random);
          if (element.isEmpty()) {
            return Optional.empty();
          }
          a.add(element.get());
        }
        return Optional.of(a);
      default:
        return Optional.empty();
    }
  }
}

package reverie.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.type.Type;

/**
 * A domain: its primitives with their types and Java implementations, and how its values are read
 * from and written to JSON. Domains are found with {@link java.util.ServiceLoader} (see {@link
 * Domains}), so adding one needs no change elsewhere.
 *
 * <p>Values are plain Java objects: {@code int} is {@link Long}, {@code bool} is {@link Boolean},
 * {@code char} is {@link Character}, {@code list(t)} is an immutable {@link java.util.List};
 * functions are the evaluator's function values.
 */
public interface Domain {

  /** The name used on the command line ({@code --domain lists}). */
  String name();

  /** One line for {@code --help} and listings. */
  String description();

  /** The primitives with their type schemes, in the order of the base grammar. */
  ImmutableList<Primitive> primitives();

  /**
   * The implementation of each primitive, by name: a constant value or a curried function value.
   */
  ImmutableMap<String, Object> implementations();

  /**
   * Reads a JSON value of type {@code type}; throws {@link reverie.dsl.InputException} naming what
   * is wrong.
   */
  Object valueFromJson(JsonNode json, Type type);

  /** Writes a value of type {@code type} as JSON. */
  JsonNode valueToJson(Object value, Type type);

  /** Resolves this domain's primitive names in program text. */
  default PrimitiveResolver resolver() {
    return PrimitiveResolver.of(primitives());
  }
}

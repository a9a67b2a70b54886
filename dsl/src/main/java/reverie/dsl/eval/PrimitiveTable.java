package reverie.dsl.eval;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.regex.Pattern;
import reverie.dsl.InputException;
import reverie.dsl.program.Primitive;

/**
 * The run-time value of every primitive of a domain, by name: a constant or a curried {@link
 * FunctionValue}. Both compilers (the official {@link Evaluator} and the enumerator's fast path)
 * take primitives from one table, so that they cannot disagree on what a name means.
 *
 * <p>A primitive named by a decimal integer literal ({@code 99}, {@code -3}) that has no entry of
 * its own is that {@code int}, so that domains may accept literals outside their grammar; a literal
 * that does not fit in 64 bits is an {@link InputException}, as is a name with no entry.
 */
public final class PrimitiveTable {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

  private final ImmutableMap<String, Object> values;

  private PrimitiveTable(ImmutableMap<String, Object> values) {
    this.values = values;
  }

  /** The table of {@code implementations}: name to constant or function value. */
  public static PrimitiveTable of(Map<String, Object> implementations) {
    return new PrimitiveTable(ImmutableMap.copyOf(implementations));
  }

  /** The entries, by name (integer literals outside the table are not listed). */
  public ImmutableMap<String, Object> entries() {
    return values;
  }

  /** The value of {@code primitive}; an {@link InputException} when it has none. */
  public Object valueOf(Primitive primitive) {
    return valueOf(primitive.name());
  }

  /** The value of the primitive called {@code name}; an {@link InputException} when it has none. */
  public Object valueOf(String name) {
    Object value = values.get(name);
    if (value != null) {
      return value;
    }
    if (INTEGER.matcher(name).matches()) {
      try {
        return Long.parseLong(name);
      } catch (NumberFormatException e) {
        throw new InputException("integer literal " + name + " does not fit in 64 bits");
      }
    }
    throw new InputException("no implementation for primitive '" + name + "'");
  }

  /** Whether {@code name} has a value (an entry, or an integer literal that fits in 64 bits). */
  public boolean has(String name) {
    try {
      valueOf(name);
      return true;
    } catch (InputException e) {
      return false;
    }
  }
}

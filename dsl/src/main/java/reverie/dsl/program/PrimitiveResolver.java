package reverie.dsl.program;

import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.Optional;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeVariable;

/**
 * Turns a name in program text into a {@link Primitive}, and says whether inventions are
 * type-checked.
 */
public interface PrimitiveResolver {

  /** The primitive called {@code name}, if there is one. */
  Optional<Primitive> resolve(String name);

  /**
   * Whether programs are typed: inventions get an inferred type and ill-typed ones are rejected.
   */
  default boolean typed() {
    return true;
  }

  /** Resolves exactly the given primitives, by name. */
  static PrimitiveResolver of(Collection<Primitive> primitives) {
    ImmutableMap.Builder<String, Primitive> byName = ImmutableMap.builder();
    for (Primitive p : primitives) {
      byName.put(p.name(), p);
    }
    ImmutableMap<String, Primitive> table = byName.buildOrThrow();
    return name -> Optional.ofNullable(table.get(name));
  }

  /**
   * Every name is a primitive of the most general type {@code t0}, and inventions are not
   * type-checked: for untyped corpora such as Stitch's.
   */
  static PrimitiveResolver untyped() {
    Type anything = new TypeVariable(0);
    return new PrimitiveResolver() {
      @Override
      public Optional<Primitive> resolve(String name) {
        return Optional.of(new Primitive(name, anything));
      }

      @Override
      public boolean typed() {
        return false;
      }
    };
  }
}

package reverie.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.awt.image.BufferedImage;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.eval.PrimitiveTable;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;

/**
 * A domain: the whole contract between a family of tasks and the engine. It supplies its primitives
 * with their types and Java implementations, its base types, how its values are read from and
 * written to JSON, what counts as a match ({@link Likelihood}), the suites it generates, how the
 * recognition model sees its tasks ({@link Featurizer}), and optionally task files of its own
 * layout. Domains are found with {@link java.util.ServiceLoader} ({@link Domains}), so adding one
 * needs no change elsewhere; code outside a domain's package never names it.
 *
 * <p>Values are plain Java objects chosen by the domain; the list and text domains use {@link Long}
 * for {@code int}, {@link Boolean}, {@link Integer} code points for characters and immutable {@link
 * java.util.List}s. Functions are the evaluator's function values. Values must implement {@code
 * equals} and {@code hashCode} (fantasies are deduplicated by their outputs).
 */
public interface Domain {

  /** The name used on the command line ({@code --domain lists}) and in task files. */
  String name();

  /** One line for {@code --help} and listings. */
  String description();

  /** The primitives with their type schemes, in the order of the base grammar. */
  ImmutableList<Primitive> primitives();

  /**
   * The implementation of each primitive, by name: a constant value or a curried function value
   * ({@link reverie.dsl.eval.Curried}).
   */
  ImmutableMap<String, Object> implementations();

  /**
   * The types whose constructors this domain's values use, with type variables for parameters:
   * {@code int}, {@code bool}, {@code list(t0)}. Task requests may use only these (and arrows).
   */
  ImmutableList<Type> baseTypes();

  /**
   * Reads a JSON value of type {@code type}; throws {@link InputException} saying what is wrong
   * (the caller adds the file, task and example).
   */
  Object valueFromJson(JsonNode json, Type type);

  /** Writes a value of type {@code type} as JSON; {@link #valueFromJson} reads it back equal. */
  JsonNode valueToJson(Object value, Type type);

  /** What counts as a match of an output and an expected value; exact equality by default. */
  default Likelihood likelihood() {
    return Likelihood.EXACT;
  }

  /**
   * What a program's output is as a task's expected value, for fantasies (tasks made from sampled
   * programs): the output itself by default. A domain whose tasks give targets in another form (a
   * drawing domain compares pictures of turtle paths) converts it here, and returns empty for an
   * output that no task could have as its target (a drawing off the canvas).
   */
  default Optional<Object> asTarget(Object output, Type type) {
    return Optional.of(output);
  }

  /**
   * A picture of {@code value}, a value of type {@code type} (a drawing, a tower of blocks), about
   * {@code size} pixels on its longer side: what {@code reverie draw}, task montages, library
   * figures and the browser views show. Empty when the domain has no pictures of such values (the
   * default).
   */
  default Optional<BufferedImage> picture(Object value, Type type, int size) {
    return Optional.empty();
  }

  /**
   * Shapes of program that never need to be searched, because a no larger program computes the same
   * wherever they succeed ({@code (car (cons ?a ?b)) -> ?a}); the enumerator skips them and the
   * compressor learns none. None by default.
   */
  default SymmetryRules symmetries() {
    return SymmetryRules.NONE;
  }

  /**
   * The inputs a program of type {@code request} runs on when no task gives them, such as the LOGO
   * turtle's start state for {@code turtle -> turtle}: what {@code reverie draw} runs a program on
   * and what library figures apply a learned function to. Empty (the default) when the domain has
   * no standard input for that type.
   */
  default Optional<ImmutableList<Object>> defaultInputs(Type request) {
    return Optional.empty();
  }

  /**
   * A few closed programs of type {@code type}, from simple to less so, to show a learned function
   * applied to (a library figure's grid of argument values); empty (the default) when the domain
   * has none for that type.
   */
  default ImmutableList<Program> exampleArguments(Type type) {
    return ImmutableList.of();
  }

  /**
   * The type of "the rest of the program" when the domain is written in continuation-passing style
   * (DreamCoder's {@code continuationType}: {@code turtle} for LOGO); empty (the default) when it
   * is not. Its grammars let a hole of this type take only the innermost such variable ({@link
   * Grammar#continuationType}).
   */
  default Optional<Type> continuationType() {
    return Optional.empty();
  }

  /** The base grammar: every primitive with log-weight 0, with the continuation type. */
  default Grammar baseGrammar() {
    return Grammar.uniform(primitives(), continuationType());
  }

  /** The suites this domain generates by code; none by default. */
  default ImmutableList<BuiltInSuite> suites() {
    return ImmutableList.of();
  }

  /**
   * How the recognition model sees this domain's tasks; by default tokens of the values' JSON form,
   * hashed ({@link SequenceFeaturizer#hashed}).
   */
  default Featurizer featurizer() {
    return SequenceFeaturizer.hashed(this::valueToJson);
  }

  /**
   * Reads a task file in a layout of this domain's own (DreamCoder's drawing tasks as reference
   * programs, say): empty when {@code root} is not in such a layout, a {@link TaskFormatException}
   * naming the file and task when it is but is malformed. Reverie's suite format and DreamCoder's
   * list and request layouts are read for every domain, before any domain is asked.
   */
  default Optional<Suite> readTaskFile(JsonNode root, String file, String defaultName) {
    return Optional.empty();
  }

  /** The table of {@link #implementations()} that both evaluators compile against. */
  default PrimitiveTable primitiveTable() {
    return PrimitiveTable.of(implementations());
  }

  /** Resolves this domain's primitive names in program text. */
  default PrimitiveResolver resolver() {
    return PrimitiveResolver.of(primitives());
  }

  /** A short readable form of a value, for messages and listings: its JSON, abbreviated. */
  default String show(Object value, Type type) {
    String s;
    try {
      s = valueToJson(value, type).toString();
    } catch (RuntimeException e) {
      s = String.valueOf(value);
    }
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /**
   * Checks that every type constructor in {@code type} is an arrow or one of {@link #baseTypes()}
   * with its arity; an {@link InputException} naming the first that is not.
   */
  default void checkType(Type type) {
    checkType(type, type);
  }

  private void checkType(Type part, Type whole) {
    if (!(part instanceof TypeConstructor c)) {
      return;
    }
    if (!c.name().equals(Type.ARROW)) {
      boolean known = false;
      for (Type base : baseTypes()) {
        known |=
            base instanceof TypeConstructor b
                && b.name().equals(c.name())
                && b.arguments().size() == c.arguments().size();
      }
      if (!known) {
        throw new InputException(
            "unknown type '"
                + c.name()
                + "'"
                + (part.equals(whole) ? "" : " in " + whole)
                + " (domain "
                + name()
                + " knows "
                + Domains.describeTypes(baseTypes())
                + ")");
      }
    }
    for (Type argument : c.arguments()) {
      checkType(argument, whole);
    }
  }
}

package reverie.tasks.text;

import static reverie.dsl.eval.Curried.fn2;
import static reverie.tasks.ListPrimitives.BOOL;
import static reverie.tasks.ListPrimitives.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import reverie.dsl.eval.ListValue;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.type.Type;
import reverie.tasks.BuiltInSuite;
import reverie.tasks.Domain;
import reverie.tasks.Featurizer;
import reverie.tasks.JsonValues;
import reverie.tasks.ListPrimitives;
import reverie.tasks.SequenceFeaturizer;
import reverie.tasks.SymmetryRules;

/**
 * DreamCoder's text-editing domain: strings are {@code list(char)}; its base grammar is the 16 core
 * list primitives of {@link ListPrimitives}, {@code char-eq?}, six delimiter characters ({@code '.'
 * ',' '-'} and {@code SPACE LPAREN RPAREN}) and the string constant {@code STRING}.
 *
 * <p>DreamCoder enumerates {@code STRING} as a placeholder and, when checking a program against a
 * task, substitutes each of the task's candidate strings for it. Here {@link #implementations()}
 * binds it to the empty string, and {@link #implementationsWithString(String)} binds it to a given
 * constant: a caller that checks a program with {@code STRING} against a task compiles it once per
 * candidate string.
 */
public final class TextDomain implements Domain {
  public static final Type CHAR = Type.of("char");
  public static final Type STRING = list(CHAR);

  /** The delimiter characters and their names, in DreamCoder's order. */
  // Characters are code points (Integer), as JsonValues reads them.
  private static final ImmutableMap<String, Integer> CHARACTERS =
      ImmutableMap.of(
          "'.'", (int) '.', "','", (int) ',', "'-'", (int) '-', "SPACE", (int) ' ', "LPAREN",
          (int) '(', "RPAREN", (int) ')');

  private final ImmutableList<Primitive> primitives;
  private final ImmutableMap<String, Object> implementations;
  private final SymmetryRules symmetries;
  private final ImmutableList<BuiltInSuite> suites =
      ImmutableList.of(
          new BuiltInSuite(
              "text",
              "104 text edits in 23 families (DreamCoder-style), with reference programs",
              () -> TextSuite.generate(BuiltInSuite.SEED)));
  private final Featurizer featurizer = SequenceFeaturizer.smallValues("text", this::valueToJson);

  public TextDomain() {
    ImmutableList.Builder<Primitive> p =
        ImmutableList.<Primitive>builder().addAll(ListPrimitives.core());
    p.add(new Primitive("char-eq?", Type.arrow(CHAR, CHAR, BOOL)));
    CHARACTERS.keySet().forEach(name -> p.add(new Primitive(name, CHAR)));
    p.add(new Primitive("STRING", STRING));
    primitives = p.build();
    implementations = implementationsWithString("");
    symmetries =
        ListPrimitives.coreSymmetries()
            .plus(
                SymmetryRules.parse(
                    PrimitiveResolver.of(primitives),
                    List.of("(char-eq? ?a ?b) -> (char-eq? ?b ?a) if ?b < ?a")));
  }

  @Override
  public String name() {
    return "text";
  }

  @Override
  public String description() {
    return "DreamCoder's text editing: strings as list(char), delimiters, char-eq? and a STRING"
        + " constant";
  }

  @Override
  public ImmutableList<Primitive> primitives() {
    return primitives;
  }

  /** The core list rules ({@link ListPrimitives#coreSymmetries()}) and {@code char-eq?}'s order. */
  @Override
  public SymmetryRules symmetries() {
    return symmetries;
  }

  @Override
  public ImmutableList<Type> baseTypes() {
    return ImmutableList.of(ListPrimitives.INT, BOOL, CHAR, ListPrimitives.list(Type.variable(0)));
  }

  /** The built-in {@code text} suite. */
  @Override
  public ImmutableList<BuiltInSuite> suites() {
    return suites;
  }

  /** Printable characters and small integers as their own tokens. */
  @Override
  public Featurizer featurizer() {
    return featurizer;
  }

  /** The implementations, with {@code STRING} the empty string. */
  @Override
  public ImmutableMap<String, Object> implementations() {
    return implementations;
  }

  /** The implementations with {@code STRING} bound to {@code constant}. */
  public ImmutableMap<String, Object> implementationsWithString(String constant) {
    ImmutableMap.Builder<String, Object> b =
        ImmutableMap.<String, Object>builder().putAll(ListPrimitives.coreImplementations());
    b.put("char-eq?", fn2((Integer x, Integer y) -> x.intValue() == y.intValue()));
    for (Map.Entry<String, Integer> c : CHARACTERS.entrySet()) {
      b.put(c.getKey(), c.getValue());
    }
    b.put("STRING", ListValue.wrap(constant.codePoints().boxed().toArray()));
    return b.buildOrThrow();
  }

  /**
   * Resolves the primitives' names, and integer literals such as {@code 99} outside the grammar.
   */
  @Override
  public PrimitiveResolver resolver() {
    return ListPrimitives.withIntegerLiterals(primitives);
  }

  @Override
  public Object valueFromJson(JsonNode json, Type type) {
    return JsonValues.fromJson(json, type);
  }

  @Override
  public JsonNode valueToJson(Object value, Type type) {
    return JsonValues.toJson(value, type);
  }
}

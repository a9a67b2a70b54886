package reverie.dsl.grammar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * Grammars, contextual grammars and libraries as JSON in DreamCoder's own form, so that
 * DreamCoder's {@code DSL} objects (as in its compressor input) read directly.
 *
 * <p>A grammar is {@code {"logVariable": w, "productions": [{"expression": "map", "type": "...",
 * "logProbability": w}, ...]}}, an invention's expression being {@code #(lambda ...)}; {@code type}
 * is written but optional on reading (DreamCoder omits it). A contextual grammar is {@code
 * {"noParent": G, "variableParent": G, "productions": [{"program": "map", "arguments": [G, G]},
 * ...]}}. A grammar with a continuation type also has {@code "continuationType": "turtle"}
 * (DreamCoder's object form {@code {"constructor": "turtle", "arguments": []}} is read too). A
 * library is a list of {@code {"expression", "type"}}. Infinite weights are written as the strings
 * {@code "-Infinity"}.
 */
public final class GrammarJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /**
   * The resolver of one read, with the expressions parsed so far: a contextual grammar repeats
   * every expression in each of its tables, and inventions are typed when parsed, so each is parsed
   * once.
   */
  private record Reader(PrimitiveResolver primitives, Map<String, Program> parsed) {
    Reader(PrimitiveResolver primitives) {
      this(primitives, new java.util.HashMap<>());
    }
  }

  private GrammarJson() {}

  /** The JSON object of a grammar. */
  public static ObjectNode toJson(Grammar grammar) {
    ObjectNode node = NODES.objectNode();
    grammar.continuationType().ifPresent(t -> node.put("continuationType", t.toString()));
    node.set("logVariable", number(grammar.logVariable()));
    ArrayNode productions = node.putArray("productions");
    for (Production p : grammar.productions()) {
      ObjectNode entry = productions.addObject();
      entry.put("expression", p.program().toString());
      entry.put("type", p.type().toString());
      entry.set("logProbability", number(p.logWeight()));
    }
    return node;
  }

  /** The JSON object of a contextual grammar. */
  public static ObjectNode toJson(ContextualGrammar grammar) {
    ObjectNode node = NODES.objectNode();
    node.set("noParent", toJson(grammar.noParent()));
    node.set("variableParent", toJson(grammar.variableParent()));
    ArrayNode productions = node.putArray("productions");
    for (Production p : grammar.productions()) {
      ObjectNode entry = productions.addObject();
      entry.put("program", p.program().toString());
      ArrayNode arguments = entry.putArray("arguments");
      for (Grammar g : grammar.library().get(p.program())) {
        arguments.add(toJson(g));
      }
    }
    return node;
  }

  /** The JSON list of a library's productions (expression and type). */
  public static ArrayNode libraryToJson(Collection<? extends Program> library) {
    ArrayNode array = NODES.arrayNode();
    for (Program p : library) {
      Production production = Production.of(p, 0.0);
      ObjectNode entry = array.addObject();
      entry.put("expression", p.toString());
      entry.put("type", production.type().toString());
    }
    return array;
  }

  /** Pretty-printed JSON text of {@code node}. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses JSON text; {@code what} names the document in the error message. */
  public static JsonNode parse(String text, String what) {
    // DreamCoder (Python's json) writes infinite weights as -Infinity.
    return reverie.dsl.JsonText.parseWithNonFiniteNumbers(text, what);
  }

  /**
   * Reads a grammar (also DreamCoder's {@code DSL} object), resolving primitive names with {@code
   * resolver}.
   */
  public static Grammar readGrammar(JsonNode node, PrimitiveResolver resolver) {
    return grammar(node, new Reader(resolver), "grammar");
  }

  /** Reads a grammar from JSON text. */
  public static Grammar readGrammar(String text, PrimitiveResolver resolver) {
    return readGrammar(parse(text, "grammar"), resolver);
  }

  /** Reads a contextual grammar. */
  public static ContextualGrammar readContextualGrammar(JsonNode node, PrimitiveResolver resolver) {
    return contextual(node, new Reader(resolver));
  }

  private static ContextualGrammar contextual(JsonNode node, Reader resolver) {
    String path = "contextual grammar";
    object(node, path);
    Grammar noParent = grammar(field(node, "noParent", path), resolver, path + ".noParent");
    Grammar variableParent =
        grammar(field(node, "variableParent", path), resolver, path + ".variableParent");
    JsonNode entries = array(field(node, "productions", path), path + ".productions");
    Map<Program, ImmutableList<Grammar>> library = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = path + ".productions[" + i + "]";
      JsonNode entry = object(entries.get(i), at);
      Program program =
          production(text(field(entry, "program", at), at + ".program"), resolver, at + ".program");
      JsonNode arguments = array(field(entry, "arguments", at), at + ".arguments");
      ImmutableList.Builder<Grammar> tables = ImmutableList.builder();
      for (int j = 0; j < arguments.size(); j++) {
        tables.add(grammar(arguments.get(j), resolver, at + ".arguments[" + j + "]"));
      }
      if (library.put(program, tables.build()) != null) {
        throw new InputException(at + ".program: " + program + " is listed twice");
      }
    }
    try {
      return new ContextualGrammar(noParent, variableParent, ImmutableMap.copyOf(library));
    } catch (IllegalArgumentException e) {
      throw new InputException(path + ": " + e.getMessage());
    }
  }

  /** Reads a contextual grammar from JSON text. */
  public static ContextualGrammar readContextualGrammar(String text, PrimitiveResolver resolver) {
    return readContextualGrammar(parse(text, "contextual grammar"), resolver);
  }

  /**
   * Reads a library: a list of {@code {"expression": ...}} objects (any other fields are checked or
   * ignored).
   */
  public static ImmutableList<Program> readLibrary(JsonNode node, PrimitiveResolver primitives) {
    Reader resolver = new Reader(primitives);
    String path = "library";
    array(node, path);
    ImmutableList.Builder<Program> library = ImmutableList.builder();
    for (int i = 0; i < node.size(); i++) {
      library.add(entry(node.get(i), resolver, path + "[" + i + "]", false).program());
    }
    return library.build();
  }

  private static Grammar grammar(JsonNode node, Reader resolver, String path) {
    object(node, path);
    double logVariable = number(field(node, "logVariable", path), path + ".logVariable");
    JsonNode entries = array(field(node, "productions", path), path + ".productions");
    ImmutableList.Builder<Production> productions = ImmutableList.builder();
    java.util.Set<Program> seen = new java.util.HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = path + ".productions[" + i + "]";
      Production p = entry(entries.get(i), resolver, at, true);
      if (!seen.add(p.program())) {
        throw new InputException(at + ".expression: " + p.program() + " is listed twice");
      }
      productions.add(p);
    }
    Optional<Type> continuation = Optional.empty();
    if (node.has("continuationType") && !node.get("continuationType").isNull()) {
      continuation = Optional.of(type(node.get("continuationType"), path + ".continuationType"));
    }
    try {
      return new Grammar(logVariable, productions.build(), continuation);
    } catch (IllegalArgumentException e) {
      throw new InputException(path + ": " + e.getMessage());
    }
  }

  /**
   * A type written as text ({@code "turtle"}) or as DreamCoder's object {@code {"constructor":
   * "turtle", "arguments": []}}.
   */
  private static Type type(JsonNode node, String path) {
    if (node.isTextual()) {
      try {
        return Type.parse(node.textValue());
      } catch (InputException e) {
        throw new InputException(path + ": " + e.getMessage());
      }
    }
    if (node.isObject() && node.has("constructor") && node.get("constructor").isTextual()) {
      List<Type> arguments = new ArrayList<>();
      JsonNode args = node.get("arguments");
      if (args != null) {
        for (int i = 0; i < array(args, path + ".arguments").size(); i++) {
          arguments.add(type(args.get(i), path + ".arguments[" + i + "]"));
        }
      }
      return Type.of(node.get("constructor").textValue(), arguments.toArray(new Type[0]));
    }
    throw new InputException(path + ": expected a type, such as \"turtle\"");
  }

  private static Production entry(JsonNode node, Reader resolver, String at, boolean weighted) {
    object(node, at);
    Program program =
        production(
            text(field(node, "expression", at), at + ".expression"), resolver, at + ".expression");
    Type own = Production.of(program, 0.0).type();
    Type type = own;
    if (node.has("type")) {
      String typeText = text(node.get("type"), at + ".type");
      try {
        type = Type.parse(typeText);
      } catch (InputException e) {
        throw new InputException(at + ".type: " + e.getMessage());
      }
      if (resolver.primitives().typed() && !type.canonical().equals(own.canonical())) {
        throw new InputException(
            at + ".type: " + program + " has type " + own.canonical() + ", not " + type);
      }
    }
    double weight =
        weighted ? number(field(node, "logProbability", at), at + ".logProbability") : 0.0;
    return new Production(program, type, weight);
  }

  private static Program production(String text, Reader resolver, String at) {
    Program cached = resolver.parsed().get(text);
    if (cached != null) {
      return cached;
    }
    Program program;
    try {
      program = Program.parse(text, resolver.primitives());
    } catch (InputException e) {
      throw new InputException(at + ": " + e.getMessage());
    }
    if (!(program instanceof Primitive || program instanceof Invented)) {
      throw new InputException(
          at + ": '" + text + "' is neither a primitive name nor an invention #(...)");
    }
    resolver.parsed().put(text, program);
    return program;
  }

  private static JsonNode field(JsonNode node, String name, String path) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new InputException(path + ": missing field '" + name + "'");
    }
    return value;
  }

  private static JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new InputException(path + ": expected a JSON object");
    }
    return node;
  }

  private static JsonNode array(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new InputException(path + ": expected a JSON list");
    }
    return node;
  }

  private static String text(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw new InputException(path + ": expected a string");
    }
    return node.asText();
  }

  private static double number(JsonNode node, String path) {
    double value;
    if (node.isNumber()) {
      value = node.asDouble();
    } else if (node.isTextual() && node.asText().matches("[-+]?Infinity")) {
      value = node.asText().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    } else {
      throw new InputException(path + ": expected a number");
    }
    if (Double.isNaN(value)) {
      throw new InputException(path + ": NaN is not a log-weight");
    }
    return value;
  }

  private static JsonNode number(double value) {
    return Double.isFinite(value)
        ? NODES.numberNode(value)
        : NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
  }
}

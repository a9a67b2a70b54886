package reverie.engine.enumerate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import reverie.dsl.InputException;
import reverie.dsl.ParseException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;
import reverie.dsl.type.TypeVariable;

/**
 * Reads and writes DreamCoder's compressor input: {@code {"DSL": {"logVariable", "productions":
 * [{"expression", "logProbability"}]}, "frontiers": [{"task", "request", "programs": [{"program",
 * "logLikelihood", "logPrior"}]}]}}, with requests as DreamCoder's type objects {@code
 * {"constructor", "arguments"}} (variables {@code {"index"}}). Stitch reads it with {@code
 * --fmt=dreamcoder}.
 */
public final class FrontierJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FrontierJson() {}

  /** A grammar and its frontiers, as stored in one file. */
  public record FrontierFile(Grammar grammar, ImmutableList<Frontier> frontiers) {}

  /** The JSON document for {@code grammar} and {@code frontiers}. */
  public static ObjectNode toJson(Grammar grammar, List<Frontier> frontiers) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode dsl = root.putObject("DSL");
    dsl.put("logVariable", grammar.logVariable());
    ArrayNode productions = dsl.putArray("productions");
    for (Production p : grammar.productions()) {
      ObjectNode o = productions.addObject();
      o.put("expression", p.program().toString());
      o.put("logProbability", p.logWeight());
    }
    ArrayNode fs = root.putArray("frontiers");
    for (Frontier f : frontiers) {
      ObjectNode o = fs.addObject();
      o.put("task", f.task());
      o.set("request", typeToJson(f.request()));
      ArrayNode programs = o.putArray("programs");
      for (FrontierEntry e : f.entries()) {
        ObjectNode p = programs.addObject();
        p.put("program", e.program().toString());
        p.put("logLikelihood", e.logLikelihood());
        p.put("logPrior", e.logPrior());
      }
    }
    return root;
  }

  /** Writes the document to {@code file}. */
  public static void write(Path file, Grammar grammar, List<Frontier> frontiers)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    MAPPER.writeValue(file.toFile(), toJson(grammar, frontiers));
  }

  /**
   * Reads a file written by {@link #write} or by DreamCoder; primitive names are resolved by {@code
   * resolver}.
   */
  public static FrontierFile read(Path file, PrimitiveResolver resolver) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(file + ": not JSON: " + e.getOriginalMessage());
    }
    return fromJson(root, resolver, file.toString());
  }

  /** Reads a parsed document; {@code where} names it in error messages. */
  public static FrontierFile fromJson(JsonNode root, PrimitiveResolver resolver, String where) {
    Grammar grammar = grammarFromJson(field(root, "DSL", where), resolver, where + " DSL");
    ImmutableList.Builder<Frontier> frontiers = ImmutableList.builder();
    int i = 0;
    for (JsonNode f : field(root, "frontiers", where)) {
      String at = where + " frontier " + i++;
      String task = text(f, "task", at);
      at = where + " task '" + task + "'";
      Type request = typeFromJson(field(f, "request", at), at);
      ImmutableList.Builder<FrontierEntry> entries = ImmutableList.builder();
      for (JsonNode e : field(f, "programs", at)) {
        Program program = parse(text(e, "program", at), resolver, at);
        entries.add(
            new FrontierEntry(
                program,
                e.has("logPrior") ? number(e, "logPrior", at) : 0,
                number(e, "logLikelihood", at)));
      }
      frontiers.add(new Frontier(task, request, entries.build()));
    }
    return new FrontierFile(grammar, frontiers.build());
  }

  /**
   * Reads DreamCoder's grammar object {@code {"logVariable", "productions": [{"expression",
   * "logProbability"}]}}.
   */
  public static Grammar grammarFromJson(JsonNode dsl, PrimitiveResolver resolver, String where) {
    ImmutableList.Builder<Production> productions = ImmutableList.builder();
    int i = 0;
    for (JsonNode p : field(dsl, "productions", where)) {
      String at = where + " production " + i++;
      Program program = parse(text(p, "expression", at), resolver, at);
      productions.add(Production.of(program, number(p, "logProbability", at)));
    }
    return new Grammar(number(dsl, "logVariable", where), productions.build());
  }

  /** DreamCoder's JSON form of a type. */
  public static ObjectNode typeToJson(Type t) {
    ObjectNode o = MAPPER.createObjectNode();
    if (t instanceof TypeVariable v) {
      o.put("index", v.id());
      return o;
    }
    TypeConstructor c = (TypeConstructor) t;
    o.put("constructor", c.name());
    ArrayNode args = o.putArray("arguments");
    for (Type a : c.arguments()) {
      args.add(typeToJson(a));
    }
    return o;
  }

  /** Reads DreamCoder's JSON form of a type. */
  public static Type typeFromJson(JsonNode json, String where) {
    if (json.has("index")) {
      return Type.variable(json.get("index").asInt());
    }
    if (!json.has("constructor")) {
      throw new InputException(where + ": a type needs \"constructor\" or \"index\"");
    }
    ImmutableList.Builder<Type> args = ImmutableList.builder();
    JsonNode arguments = json.get("arguments");
    if (arguments != null) {
      for (JsonNode a : arguments) {
        args.add(typeFromJson(a, where));
      }
    }
    try {
      return new TypeConstructor(json.get("constructor").asText(), args.build());
    } catch (IllegalArgumentException e) {
      throw new InputException(where + ": bad type: " + e.getMessage());
    }
  }

  private static Program parse(String text, PrimitiveResolver resolver, String where) {
    try {
      return Program.parse(text, resolver);
    } catch (ParseException e) {
      throw new InputException(where + ": program '" + text + "': " + e.getMessage());
    }
  }

  private static JsonNode field(JsonNode node, String name, String where) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new InputException(where + ": missing \"" + name + "\"");
    }
    return v;
  }

  private static String text(JsonNode node, String name, String where) {
    JsonNode v = field(node, name, where);
    if (!v.isTextual()) {
      throw new InputException(where + ": \"" + name + "\" must be a string");
    }
    return v.asText();
  }

  private static double number(JsonNode node, String name, String where) {
    JsonNode v = field(node, name, where);
    if (!v.isNumber()) {
      throw new InputException(where + ": \"" + name + "\" must be a number");
    }
    return v.asDouble();
  }
}

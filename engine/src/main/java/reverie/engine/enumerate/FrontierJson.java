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
import java.util.Collection;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.GrammarJson;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;
import reverie.dsl.type.TypeVariable;

/**
 * Reads and writes DreamCoder's compressor input: {@code {"DSL": {"logVariable", "productions":
 * [{"expression", "type", "logProbability"}]}, "frontiers": [{"task", "request", "programs":
 * [{"program", "logLikelihood", "logPrior"}]}]}}, with requests as DreamCoder's type objects {@code
 * {"constructor", "arguments"}} (variables {@code {"index"}}) and the {@code DSL} in {@link
 * GrammarJson}'s form. DreamCoder's compressor reads it, and Stitch with {@code --fmt=dreamcoder}.
 *
 * <p>Reading also accepts a request written as a type string such as {@code "list(int) -> int"}:
 * the wake-sleep loop wrote its checkpoints' frontiers that way before it used this class, and
 * those run directories must still load.
 */
public final class FrontierJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FrontierJson() {}

  /** A grammar and its frontiers, as stored in one file. */
  public record FrontierFile(Grammar grammar, ImmutableList<Frontier> frontiers) {}

  /** The JSON document for {@code grammar} and {@code frontiers}, empty frontiers included. */
  public static ObjectNode toJson(Grammar grammar, Collection<Frontier> frontiers) {
    ObjectNode root = MAPPER.createObjectNode();
    root.set("DSL", GrammarJson.toJson(grammar));
    root.set("frontiers", frontiersToJson(frontiers));
    return root;
  }

  /** The document's {@code frontiers} list alone, for a {@code DSL} that is written otherwise. */
  public static ArrayNode frontiersToJson(Collection<Frontier> frontiers) {
    ArrayNode list = MAPPER.createArrayNode();
    for (Frontier f : frontiers) {
      ObjectNode o = list.addObject();
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
    return list;
  }

  /** Writes the document to {@code file}. */
  public static void write(Path file, Grammar grammar, Collection<Frontier> frontiers)
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
    JsonNode root = reverie.dsl.JsonText.read(file);
    return fromJson(root, resolver, file.toString());
  }

  /** Reads a parsed document; {@code where} names it in error messages. */
  public static FrontierFile fromJson(JsonNode root, PrimitiveResolver resolver, String where) {
    Grammar grammar = grammarFromJson(field(root, "DSL", where), resolver, where + ": DSL");
    return new FrontierFile(grammar, frontiersFromJson(root, resolver, where));
  }

  /**
   * Reads only the {@code frontiers} of a parsed document, in file order, leaving its {@code DSL}
   * unread (a checkpoint keeps its grammar in a file of its own); {@code where} names the document
   * in error messages.
   */
  public static ImmutableList<Frontier> frontiersFromJson(
      JsonNode root, PrimitiveResolver resolver, String where) {
    JsonNode list = field(root, "frontiers", where);
    if (!list.isArray()) {
      throw new InputException(where + ": \"frontiers\" must be a list");
    }
    ImmutableList.Builder<Frontier> frontiers = ImmutableList.builder();
    int i = 0;
    for (JsonNode f : list) {
      String at = where + ": frontier " + i++;
      String task = text(f, "task", at);
      at = where + ": task '" + task + "'";
      Type request = requestFromJson(field(f, "request", at), at);
      JsonNode programs = field(f, "programs", at);
      if (!programs.isArray()) {
        throw new InputException(at + ": \"programs\" must be a list");
      }
      ImmutableList.Builder<FrontierEntry> entries = ImmutableList.builder();
      for (JsonNode e : programs) {
        Program program = parse(text(e, "program", at), resolver, at);
        // DreamCoder's own frontiers may leave out the prior; the compressor recomputes it.
        double logPrior = e.has("logPrior") ? number(e, "logPrior", at) : 0;
        entries.add(new FrontierEntry(program, logPrior, number(e, "logLikelihood", at)));
      }
      frontiers.add(new Frontier(task, request, entries.build()));
    }
    return frontiers.build();
  }

  /**
   * Reads DreamCoder's grammar object {@code {"logVariable", "productions": [{"expression",
   * "logProbability"}]}} ({@code "type"} optional), as {@link GrammarJson} does.
   */
  public static Grammar grammarFromJson(JsonNode dsl, PrimitiveResolver resolver, String where) {
    try {
      return GrammarJson.readGrammar(dsl, resolver);
    } catch (InputException e) {
      throw new InputException(where + ": " + e.getMessage(), e);
    }
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
    if (!json.isObject()) {
      throw new InputException(where + ": a type must be a JSON object, not " + json);
    }
    if (json.has("index")) {
      if (!json.get("index").canConvertToInt()) {
        throw new InputException(where + ": a type variable's \"index\" must be an integer");
      }
      return Type.variable(json.get("index").intValue());
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

  /** A request as DreamCoder's type object or, as older Reverie checkpoints have it, a string. */
  private static Type requestFromJson(JsonNode json, String where) {
    if (json.isTextual()) {
      try {
        return Type.parse(json.textValue());
      } catch (InputException e) {
        throw new InputException(where + ": request: " + e.getMessage());
      }
    }
    return typeFromJson(json, where + ": request");
  }

  private static Program parse(String text, PrimitiveResolver resolver, String where) {
    try {
      return Program.parse(text, resolver);
    } catch (InputException e) {
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

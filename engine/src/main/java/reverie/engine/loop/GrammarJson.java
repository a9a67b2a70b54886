package reverie.engine.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;

/**
 * A grammar in DreamCoder's JSON form ({@code {"logVariable", "productions": [{"expression",
 * "logProbability"}]}}, the {@code DSL} of compressor input), with each production's type added for readers.
 */
public final class GrammarJson {
  private GrammarJson() {}

  public static ObjectNode toJson(Grammar grammar) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("logVariable", grammar.logVariable());
    ArrayNode productions = o.putArray("productions");
    for (Production p : grammar.productions()) {
      ObjectNode n = productions.addObject();
      n.put("expression", p.program().toString());
      n.put("logProbability", p.logWeight());
      n.put("type", p.type().toString());
    }
    return o;
  }

  /** Reads a grammar, resolving primitive names with {@code resolver}; {@code where} names the file. */
  public static Grammar fromJson(JsonNode o, PrimitiveResolver resolver, String where) {
    double logVariable = Json.requiredDouble(o, "logVariable", where);
    JsonNode productions = Json.required(o, "productions", where);
    if (!productions.isArray()) {
      throw new InputException(where + ": 'productions' must be a list");
    }
    ImmutableList.Builder<Production> b = ImmutableList.builder();
    int i = 0;
    for (JsonNode n : productions) {
      String at = where + ": production " + i++;
      String text = Json.requiredText(n, "expression", at);
      Program p;
      try {
        p = Program.parse(text, resolver);
      } catch (InputException e) {
        throw new InputException(at + ": " + e.getMessage());
      }
      if (!(p instanceof Primitive) && !(p instanceof Invented)) {
        throw new InputException(at + ": '" + text + "' is neither a primitive nor an invention #(...)");
      }
      double w = Json.requiredDouble(n, "logProbability", at);
      if (Double.isNaN(w)) {
        throw new InputException(at + ": log-probability is NaN");
      }
      b.add(Production.of(p, w));
    }
    return new Grammar(logVariable, b.build());
  }
}

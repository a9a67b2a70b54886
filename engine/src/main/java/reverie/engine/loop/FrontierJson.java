package reverie.engine.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.Collection;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * Frontiers in DreamCoder's compressor-input JSON: {@code {"DSL": grammar, "frontiers": [{"task", "request",
 * "programs": [{"program", "logLikelihood", "logPrior"}]}]}}, which {@code reverie compress} and Stitch's
 * {@code --fmt=dreamcoder} read.
 */
public final class FrontierJson {
  private FrontierJson() {}

  /** Compressor input for {@code frontiers} under {@code grammar}; frontiers without programs are left out. */
  public static ObjectNode toJson(Grammar grammar, Collection<TaskFrontier> frontiers) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("DSL", reverie.dsl.grammar.GrammarJson.toJson(grammar));
    ArrayNode list = o.putArray("frontiers");
    for (TaskFrontier f : frontiers) {
      if (!f.solved()) {
        continue;
      }
      ObjectNode n = list.addObject();
      n.put("task", f.task());
      n.put("request", f.request().toString());
      ArrayNode programs = n.putArray("programs");
      for (Solution s : f.solutions()) {
        ObjectNode p = programs.addObject();
        p.put("program", s.program().toString());
        p.put("logLikelihood", s.logLikelihood());
        p.put("logPrior", s.logPrior());
      }
    }
    return o;
  }

  /** Reads the frontiers of compressor input; {@code where} names the file. */
  public static ImmutableList<TaskFrontier> frontiersFromJson(JsonNode o, PrimitiveResolver resolver, String where) {
    JsonNode list = Json.required(o, "frontiers", where);
    if (!list.isArray()) {
      throw new InputException(where + ": 'frontiers' must be a list");
    }
    ImmutableList.Builder<TaskFrontier> b = ImmutableList.builder();
    int i = 0;
    for (JsonNode n : list) {
      String at = where + ": frontier " + i++;
      String task = Json.requiredText(n, "task", at);
      at = where + ": task '" + task + "'";
      Type request;
      try {
        request = Type.parse(Json.requiredText(n, "request", at));
      } catch (InputException e) {
        throw new InputException(at + ": request: " + e.getMessage());
      }
      ImmutableList.Builder<Solution> solutions = ImmutableList.builder();
      for (JsonNode p : Json.required(n, "programs", at)) {
        String text = Json.requiredText(p, "program", at);
        Program program;
        try {
          program = Program.parse(text, resolver);
        } catch (InputException e) {
          throw new InputException(at + ": " + e.getMessage());
        }
        solutions.add(new Solution(program, Json.requiredDouble(p, "logPrior", at),
            Json.requiredDouble(p, "logLikelihood", at)));
      }
      b.add(new TaskFrontier(task, request, solutions.build()));
    }
    return b.build();
  }
}

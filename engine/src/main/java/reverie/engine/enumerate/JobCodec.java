package reverie.engine.enumerate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.OptionalLong;
import reverie.dsl.InputException;
import reverie.dsl.eval.EvaluationBudget;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.GrammarJson;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Suite;
import reverie.tasks.Suites;

/**
 * The serialised form of {@link SearchJob}s and {@link JobResult}s, so that a job can run in
 * another process or on another machine: compact JSON with the grammar in {@link GrammarJson}'s
 * form, the tasks by value in Reverie's suite format (values in their domain's codec), the budget,
 * and, for results, the frontiers in DreamCoder's form ({@link FrontierJson}).
 *
 * <p>A job read back is equal to the job written, so it enumerates the same programs.
 */
public final class JobCodec {
  /** The format tag of a serialised job; another one is refused. */
  public static final String JOB_FORMAT = "reverie-search-job/1";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JobCodec() {}

  /** The JSON form of {@code job}, whose tasks are values of {@code domain}. */
  public static ObjectNode toJson(SearchJob job, Domain domain) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", JOB_FORMAT);
    o.put("id", job.id());
    o.put("domain", job.domain());
    o.put("request", job.request().toString());
    o.set("grammar", GrammarJson.toJson(job.grammar()));
    ObjectNode budget = o.putObject("budget");
    if (Double.isFinite(job.budget().timeoutSeconds())) {
      budget.put("timeout_seconds", job.budget().timeoutSeconds());
    }
    job.budget().maxPrograms().ifPresent(n -> budget.put("max_programs", n));
    budget.put("top_k", job.budget().topK());
    if (Double.isFinite(job.budget().maxDescriptionLength())) {
      budget.put("max_description_length", job.budget().maxDescriptionLength());
    }
    EvaluationBudget e = job.budget().evaluation();
    ObjectNode evaluation = budget.putObject("evaluation");
    evaluation.put("steps", e.steps());
    evaluation.put("nanos", e.nanos());
    evaluation.put("cells", e.cells());
    o.set(
        "tasks",
        Suites.toJson(new Suite("job-" + job.id(), job.domain(), job.tasks()), domain)
            .get("tasks"));
    return o;
  }

  /** Compact JSON text of {@code job}. */
  public static String write(SearchJob job, Domain domain) {
    return toJson(job, domain).toString();
  }

  /**
   * Reads a job written by {@link #toJson}; its domain must be {@code domain}. An {@link
   * InputException} names what is wrong.
   */
  public static SearchJob jobFromJson(JsonNode json, Domain domain) {
    String where = "search job";
    if (!json.path("format").asText().equals(JOB_FORMAT)) {
      throw new InputException(
          where + ": format " + json.path("format") + ", expected \"" + JOB_FORMAT + "\"");
    }
    int id = json.path("id").asInt(-1);
    where = "search job " + id;
    String domainName = json.path("domain").asText();
    if (!domainName.equals(domain.name())) {
      throw new InputException(
          where + ": of domain " + domainName + ", read with domain " + domain.name());
    }
    Type request = Type.parse(field(json, "request", where).asText());
    ContextualGrammar grammar =
        GrammarJson.readContextualGrammar(field(json, "grammar", where), domain.resolver());
    JsonNode b = field(json, "budget", where);
    JsonNode e = field(b, "evaluation", where);
    // A job with a program budget may have no CPU-second budget; one without must have one.
    OptionalLong maxPrograms =
        b.has("max_programs")
            ? OptionalLong.of(field(b, "max_programs", where).asLong())
            : OptionalLong.empty();
    SearchBudget budget;
    try {
      budget =
          new SearchBudget(
              maxPrograms.isPresent() && !b.has("timeout_seconds")
                  ? Double.POSITIVE_INFINITY
                  : field(b, "timeout_seconds", where).asDouble(),
              field(b, "top_k", where).asInt(),
              b.has("max_description_length")
                  ? b.get("max_description_length").asDouble()
                  : Double.POSITIVE_INFINITY,
              new EvaluationBudget(
                  field(e, "steps", where).asLong(),
                  field(e, "nanos", where).asLong(),
                  field(e, "cells", where).asLong()),
              maxPrograms);
    } catch (IllegalArgumentException bad) {
      throw new InputException(where + ": " + bad.getMessage());
    }
    ObjectNode suite = MAPPER.createObjectNode();
    suite.put("domain", domain.name());
    suite.set("tasks", field(json, "tasks", where));
    Suite tasks = Suites.fromJson(suite, where, Domains.of(domain));
    return new SearchJob(id, domainName, grammar, request, tasks.tasks(), budget);
  }

  /** Reads a job from compact JSON text. */
  public static SearchJob readJob(String text, Domain domain) {
    return jobFromJson(GrammarJson.parse(text, "search job"), domain);
  }

  /** The JSON form of {@code result}. */
  public static ObjectNode toJson(JobResult result) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("job", result.job());
    o.put("cpu_seconds", result.cpuSeconds());
    o.put("programs", result.programs());
    ArrayNode tasks = o.putArray("tasks");
    for (TaskOutcome t : result.tasks()) {
      ObjectNode task = tasks.addObject();
      task.put("task", t.task());
      task.put("cpu_seconds", t.cpuSeconds());
      task.put("programs_tried", t.programsTried());
      task.set("frontier", FrontierJson.frontiersToJson(List.of(t.frontier())).get(0));
    }
    return o;
  }

  /** Reads a result written by {@link #toJson(JobResult)}; programs use {@code domain}'s names. */
  public static JobResult resultFromJson(JsonNode json, Domain domain) {
    String where = "result of search job " + json.path("job").asInt(-1);
    ImmutableList.Builder<TaskOutcome> tasks = ImmutableList.builder();
    for (JsonNode t : field(json, "tasks", where)) {
      ObjectNode wrapper = MAPPER.createObjectNode();
      wrapper.putArray("frontiers").add(field(t, "frontier", where));
      Frontier frontier = FrontierJson.frontiersFromJson(wrapper, domain.resolver(), where).get(0);
      tasks.add(
          new TaskOutcome(
              field(t, "task", where).asText(),
              frontier,
              field(t, "cpu_seconds", where).asDouble(),
              field(t, "programs_tried", where).asLong()));
    }
    return new JobResult(
        field(json, "job", where).asInt(),
        tasks.build(),
        field(json, "cpu_seconds", where).asDouble(),
        field(json, "programs", where).asLong());
  }

  private static JsonNode field(JsonNode node, String name, String where) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new InputException(where + ": missing \"" + name + "\"");
    }
    return v;
  }
}

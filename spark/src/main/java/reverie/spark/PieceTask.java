package reverie.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import reverie.dsl.grammar.GrammarJson;
import reverie.engine.enumerate.JobCodec;
import reverie.engine.enumerate.JobExecution;
import reverie.engine.enumerate.JobResult;
import reverie.engine.enumerate.SearchJob;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;

/**
 * One piece of a plan as a Spark task, both ends: the driver writes it ({@link #payload}) as the
 * serialised job and the driver's Reverie version; an executor runs it ({@link #run}): checks the
 * version, resolves the job's domain by name among its installed ones, runs the job on one thread
 * with the domain's scorer and the job's evaluation budget, and writes the result with the seconds
 * it took; the driver reads that back ({@link #read}).
 *
 * <p>A job that throws is rethrown so that Spark tries it again, except on its last try, where the
 * failure is written as the result (one line) and the other jobs go on. A different Reverie version
 * is always thrown: no job of the plan can run.
 */
final class PieceTask {
  /** Starts the message of the exception thrown on a version mismatch, which the driver spots. */
  static final String VERSION_MISMATCH = "reverie-version-mismatch";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PieceTask() {}

  /** What came back for one piece: its result or why it failed, and the executor's seconds. */
  record Returned(
      int piece,
      Optional<JobResult> result,
      Optional<String> failure,
      double seconds,
      double searchSeconds) {}

  /** The driver's side: piece {@code piece} of a plan, job {@code job} of {@code domain}. */
  static String payload(int piece, SearchJob job, Domain domain, String reverieVersion) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("reverie", reverieVersion);
    o.put("piece", piece);
    o.set("job", JobCodec.toJson(job, domain));
    return o.toString();
  }

  /**
   * The executor's side: runs a payload, on the last try writing a failure instead of throwing it.
   */
  static String run(String payload, boolean lastTry) {
    long start = System.nanoTime();
    JsonNode o = GrammarJson.parse(payload, "search job payload");
    String driver = o.path("reverie").asText();
    if (!driver.equals(Versions.reverie())) {
      throw new IllegalStateException(
          VERSION_MISMATCH
              + ": the driver runs Reverie "
              + driver
              + " and executor "
              + Executors.describe()
              + " Reverie "
              + Versions.reverie());
    }
    int piece = o.path("piece").asInt();
    ObjectNode out = MAPPER.createObjectNode();
    out.put("piece", piece);
    try {
      JsonNode json = o.get("job");
      Domain domain = Domains.installed().byName(json.path("domain").asText());
      SearchJob job = JobCodec.jobFromJson(json, domain);
      long searchStart = System.nanoTime();
      JobResult result = JobExecution.run(job, new Scorer(domain, job.budget().evaluation()), 1);
      out.put("search_seconds", (System.nanoTime() - searchStart) / 1e9);
      out.set("result", JobCodec.toJson(result));
    } catch (RuntimeException | Error e) {
      if (!lastTry) {
        throw e;
      }
      out.put("failure", oneLine(e) + " (on executor " + Executors.describe() + ")");
    }
    out.put("seconds", (System.nanoTime() - start) / 1e9);
    return out.toString();
  }

  /** The driver's side: reads what an executor wrote for a job of {@code domain}. */
  static Returned read(String text, Domain domain) {
    JsonNode o = GrammarJson.parse(text, "search job result");
    int piece = o.path("piece").asInt();
    Optional<JobResult> result = Optional.empty();
    if (o.has("result")) {
      JsonNode r = o.get("result");
      result = Optional.of(JobCodec.resultFromJson(r, domain));
    }
    return new Returned(
        piece,
        result,
        o.has("failure") ? Optional.of(o.get("failure").asText()) : Optional.empty(),
        o.path("seconds").asDouble(),
        o.path("search_seconds").asDouble());
  }

  /** An exception as one line: its kind and the first line of its message. */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  /** Where an executor runs, for messages. */
  static final class Executors {
    private static final String HOST = host();

    private Executors() {}

    static String describe() {
      org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
      return (env == null ? "?" : env.executorId()) + " on " + HOST;
    }

    private static String host() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "an unknown host";
      }
    }
  }
}

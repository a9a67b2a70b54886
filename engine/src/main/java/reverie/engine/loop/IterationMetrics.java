package reverie.engine.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of {@code metrics.jsonl}: how far the loop had come at the end of one iteration.
 * Iteration 0 is the base grammar on both splits before any learning.
 *
 * @param trainSolved training tasks with at least one program in their frontier so far
 * @param testSolved test tasks solved by this iteration's evaluation
 * @param librarySize the number of inventions in the library
 * @param libraryDepth the longest chain of inventions built from inventions (0 without inventions)
 * @param meanSolutionDescriptionLength the mean over solved training tasks of the best program's
 *     -log-prior in nats (NaN when none is solved, written as null)
 * @param programsEnumerated programs tried by this iteration's searches (training and test)
 */
public record IterationMetrics(
    int iteration,
    int trainSolved,
    int trainTotal,
    int testSolved,
    int testTotal,
    int librarySize,
    int libraryDepth,
    double meanSolutionDescriptionLength,
    double wakeSeconds,
    double abstractionSeconds,
    double dreamSeconds,
    double testSeconds,
    long programsEnumerated) {

  public double trainPercent() {
    return trainTotal == 0 ? 0 : 100.0 * trainSolved / trainTotal;
  }

  public double testPercent() {
    return testTotal == 0 ? 0 : 100.0 * testSolved / testTotal;
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("iteration", iteration);
    o.put("train_solved", trainSolved);
    o.put("train_total", trainTotal);
    o.put("test_solved", testSolved);
    o.put("test_total", testTotal);
    o.put("library_size", librarySize);
    o.put("library_depth", libraryDepth);
    if (Double.isNaN(meanSolutionDescriptionLength)) {
      o.putNull("mean_solution_description_length");
    } else {
      o.put("mean_solution_description_length", meanSolutionDescriptionLength);
    }
    o.put("wake_seconds", wakeSeconds);
    o.put("abstraction_seconds", abstractionSeconds);
    o.put("dream_seconds", dreamSeconds);
    o.put("test_seconds", testSeconds);
    o.put("programs_enumerated", programsEnumerated);
    return o;
  }

  public static IterationMetrics fromJson(JsonNode o, String where) {
    JsonNode mdl = o.get("mean_solution_description_length");
    return new IterationMetrics(
        Json.requiredInt(o, "iteration", where),
        Json.requiredInt(o, "train_solved", where),
        Json.requiredInt(o, "train_total", where),
        Json.requiredInt(o, "test_solved", where),
        Json.requiredInt(o, "test_total", where),
        Json.requiredInt(o, "library_size", where),
        Json.requiredInt(o, "library_depth", where),
        mdl == null || mdl.isNull() ? Double.NaN : mdl.doubleValue(),
        Json.requiredDouble(o, "wake_seconds", where),
        Json.requiredDouble(o, "abstraction_seconds", where),
        Json.requiredDouble(o, "dream_seconds", where),
        Json.requiredDouble(o, "test_seconds", where),
        Json.requiredLong(o, "programs_enumerated", where));
  }
}

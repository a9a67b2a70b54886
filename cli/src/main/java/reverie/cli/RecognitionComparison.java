package reverie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reverie.engine.enumerate.SolveResult;
import reverie.engine.enumerate.TaskResult;

/**
 * The same tasks solved with a recognition model's per-task grammars and with the library's
 * contextual prior alone; the means and medians are over the tasks solved both ways (NaN when there
 * are none).
 */
record RecognitionComparison(
    int solvedRecognition,
    int solvedGrammar,
    int tasksCompared,
    double meanLogPriorRecognition,
    double meanLogPriorGrammar,
    double medianProgramsRecognition,
    double medianProgramsGrammar) {

  static RecognitionComparison of(SolveResult recognition, SolveResult grammar) {
    Map<String, TaskResult> byName = new HashMap<>();
    grammar.tasks().forEach(t -> byName.put(t.task().name(), t));
    List<Double> priorsR = new ArrayList<>();
    List<Double> priorsG = new ArrayList<>();
    List<Long> programsR = new ArrayList<>();
    List<Long> programsG = new ArrayList<>();
    for (TaskResult r : recognition.tasks()) {
      TaskResult g = byName.get(r.task().name());
      if (r.solved() && g != null && g.solved()) {
        priorsR.add(r.frontier().best().orElseThrow().logPrior());
        priorsG.add(g.frontier().best().orElseThrow().logPrior());
        programsR.add(r.programsTried());
        programsG.add(g.programsTried());
      }
    }
    return new RecognitionComparison(
        recognition.solved(),
        grammar.solved(),
        priorsR.size(),
        mean(priorsR),
        mean(priorsG),
        median(programsR),
        median(programsG));
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  static double median(List<Long> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    long[] a = xs.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    int n = a.length;
    return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2.0;
  }

  ObjectNode toJson() {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("solved_recognition", solvedRecognition);
    o.put("solved_grammar", solvedGrammar);
    o.put("tasks_compared", tasksCompared);
    putNumber(o, "mean_log_prior_recognition", meanLogPriorRecognition);
    putNumber(o, "mean_log_prior_grammar", meanLogPriorGrammar);
    putNumber(o, "median_programs_recognition", medianProgramsRecognition);
    putNumber(o, "median_programs_grammar", medianProgramsGrammar);
    return o;
  }

  // JSON has no NaN: an undefined statistic (no task solved both ways) is null.
  private static void putNumber(ObjectNode o, String key, double x) {
    if (Double.isNaN(x)) {
      o.putNull(key);
    } else {
      o.put(key, x);
    }
  }

  void printText(PrintWriter o) {
    o.printf(Locale.ROOT, "solved_recognition          %d%n", solvedRecognition);
    o.printf(Locale.ROOT, "solved_grammar              %d%n", solvedGrammar);
    o.printf(Locale.ROOT, "tasks_compared              %d  (solved both ways)%n", tasksCompared);
    o.printf(Locale.ROOT, "mean_log_prior_recognition  %.3f%n", meanLogPriorRecognition);
    o.printf(Locale.ROOT, "mean_log_prior_grammar      %.3f%n", meanLogPriorGrammar);
    o.printf(Locale.ROOT, "median_programs_recognition %.1f%n", medianProgramsRecognition);
    o.printf(Locale.ROOT, "median_programs_grammar     %.1f%n", medianProgramsGrammar);
  }
}

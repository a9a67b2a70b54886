package reverie.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Program;
import reverie.engine.analysis.UsageMatrix;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.engine.loop.StandardLoop;
import reverie.engine.recognition.Dreamer;
import reverie.engine.recognition.RecognitionModel;
import reverie.engine.recognition.TaskExamples;

/** A run checkpoint as input to the SAE comparison: its usage matrix and fantasy embeddings. */
final class RunUsage {
  private RunUsage() {}

  /**
   * The usage matrix of the checkpoint's best program for every solved training and test task, with
   * the library's inventions in grammar order and each solution's description length in bits under
   * the checkpoint's grammar.
   */
  static UsageMatrix matrix(StandardLoop.Loaded loaded) {
    Grammar grammar = loaded.checkpoint().grammar();
    List<Invented> library = new ArrayList<>();
    for (Production p : grammar.productions()) {
      if (p.program() instanceof Invented i) {
        library.add(i);
      }
    }
    List<UsageMatrix.Solution> solutions = new ArrayList<>();
    Map<String, Double> bits = new HashMap<>();
    List<Frontier> frontiers = new ArrayList<>(loaded.checkpoint().frontiers().values());
    for (Frontier f : loaded.checkpoint().testFrontiers().values()) {
      // A task is in one split only; guard anyway so the matrix never gets two rows for it.
      if (!loaded.checkpoint().frontiers().containsKey(f.task())) {
        frontiers.add(f);
      }
    }
    for (Frontier f : frontiers) {
      Optional<FrontierEntry> best = f.best();
      if (best.isEmpty()) {
        continue;
      }
      Program program = best.get().program();
      solutions.add(new UsageMatrix.Solution(f.task(), program));
      double logPrior = grammar.logPrior(program, f.request());
      // A frontier from an older library may hold a program the refit grammar cannot derive;
      // its recorded prior is then the best description length there is.
      if (!Double.isFinite(logPrior)) {
        logPrior = best.get().logPrior();
      }
      bits.put(f.task(), -logPrior / Math.log(2));
    }
    return UsageMatrix.fromSolutions(solutions, library, Optional.of(bits));
  }

  /**
   * The recognition model's embeddings of up to {@code count} fantasies sampled from the library on
   * the run's tasks' inputs; none when the checkpoint has no model.
   */
  static float[][] fantasyEmbeddings(StandardLoop.Loaded loaded, int count, long seed) {
    Optional<RecognitionModel> model = loaded.checkpoint().model();
    if (model.isEmpty()) {
      return new float[0][];
    }
    Dreamer dreamer =
        Dreamer.of(
            loaded.tasks().scorer(),
            loaded.checkpoint().grammar(),
            TaskExamples.inputs(loaded.tasks().suite().tasks()));
    List<Dreamer.Fantasy> fantasies = dreamer.dream(count, new SplittableRandom(seed));
    float[][] rows = new float[fantasies.size()][];
    for (int i = 0; i < rows.length; i++) {
      Dreamer.Fantasy f = fantasies.get(i);
      rows[i] = model.get().embed(f.inputs().request(), Dreamer.examples(f));
    }
    return rows;
  }
}

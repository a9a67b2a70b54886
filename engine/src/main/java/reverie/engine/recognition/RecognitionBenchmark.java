package reverie.engine.recognition;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import reverie.dsl.grammar.Grammar;
import reverie.tasks.Featurizer;

/**
 * Trains a fresh model on training tasks with known programs (and fantasies), then measures on
 * held-out tasks how much more likely their programs are under the predicted grammars than under
 * the library's: the figure by which encoders are compared, beside the training speed.
 */
public final class RecognitionBenchmark {
  private RecognitionBenchmark() {}

  /**
   * The result: how many fantasies were dreamt and how long that took, the training speed (wall and
   * process CPU seconds of the gradient steps alone), the training loss at the start and the end,
   * and the mean log-prior of the held-out programs under the model and under the library (nats).
   */
  public record Result(
      String encoder,
      int parameters,
      int fantasies,
      double dreamSeconds,
      TrainingReport training,
      double cpuSeconds,
      int heldOut,
      double heldOutLogPriorModel,
      double heldOutLogPriorLibrary) {

    public double heldOutGain() {
      return heldOutLogPriorModel - heldOutLogPriorLibrary;
    }
  }

  public static Result run(
      Grammar library,
      Featurizer featurizer,
      Architecture architecture,
      List<TrainingTask> train,
      List<TrainingTask> test,
      FantasySource fantasies,
      TrainingConfig config,
      Consumer<TrainingProgress> progress) {
    RecognitionModel model =
        RecognitionModel.create(library, featurizer, architecture, config.seed());
    // Dream first, so that the training figures count gradient steps only.
    long dream0 = System.nanoTime();
    List<TrainingTask> dreams =
        config.fantasies() == 0
            ? List.of()
            : fantasies.sample(config.fantasies(), new SplittableRandom(config.seed()));
    double dreamSeconds = (System.nanoTime() - dream0) / 1e9;
    long cpu0 = processCpuNanos();
    TrainingReport report = model.train(train, (n, r) -> dreams, config, progress);
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    double withModel = 0;
    double withLibrary = 0;
    for (TrainingTask t : test) {
      UseCounts counts = model.counts(t);
      withModel += counts.logPrior(model.logWeights(t.request(), t.examples()));
      withLibrary += counts.logPrior(model.libraryLogWeights());
    }
    int n = Math.max(1, test.size());
    return new Result(
        architecture.encoder(),
        model.parameterCount(),
        dreams.size(),
        dreamSeconds,
        report,
        cpu,
        test.size(),
        withModel / n,
        withLibrary / n);
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }
}

package reverie.cli;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.dsl.InputException;
import reverie.engine.analysis.ActivationFiles;
import reverie.engine.analysis.Activations;
import reverie.engine.loop.StandardLoop;
import reverie.engine.recognition.RecognitionModel;
import reverie.tasks.Task;

/** {@code reverie embed}: the recognition model's embedding of every task of a run, as .npy. */
@Command(
    mixinStandardHelpOptions = true,
    name = "embed",
    header = "Write the recognition model's task embeddings of a run as .npy.",
    description =
        "Opens the latest (or --iteration) checkpoint of a `reverie run` directory and writes one"
            + " row per task of the run (training and test, solved or not, in suite order): the"
            + " recognition model's embedding of the task's examples (its last hidden layer)."
            + " --out gets a float32 .npy matrix; the task names go beside it, one a line, in"
            + " NAME.tasks.txt. These are the activations `reverie compare --activations` reads."
            + " A checkpoint without a recognition model is an error (exit 3).")
final class EmbedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A run directory (`reverie run --out`).")
  Path run;

  @Option(
      names = "--iteration",
      paramLabel = "N",
      description = "This iteration's checkpoint (default: the latest).")
  Integer iteration;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "EMB",
      description =
          "The npy file to write the embeddings to; the task names go beside it, to the file whose"
              + " name ends in tasks.txt instead of npy.")
  Path out;

  @Override
  public Integer call() {
    OutputFile.check(out);
    OutputFile.check(ActivationFiles.defaultTaskFile(out));
    StandardLoop.Loaded loaded = RunDirectory.open(run, iteration, spec.commandLine().getErr());
    Activations a = embeddings(run, loaded);
    ActivationFiles.writeNpy(out, a);
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "%d tasks x %d features from the checkpoint of iteration %d -> %s, %s%n",
            a.taskNames().size(),
            a.features(),
            loaded.checkpoint().iteration(),
            out,
            ActivationFiles.defaultTaskFile(out));
    return ExitCode.OK;
  }

  /**
   * The recognition model's embedding of every task of the run, in suite order; an {@link
   * InputException} when the checkpoint has no model.
   */
  static Activations embeddings(Path run, StandardLoop.Loaded loaded) {
    RecognitionModel model = model(run, loaded);
    List<Task> tasks = loaded.tasks().suite().tasks();
    float[][] rows = new float[tasks.size()][];
    ImmutableList.Builder<String> names = ImmutableList.builder();
    for (int i = 0; i < tasks.size(); i++) {
      rows[i] = model.embed(tasks.get(i));
      names.add(tasks.get(i).name());
    }
    return new Activations(run + " (recognition embeddings)", names.build(), rows, false);
  }

  static RecognitionModel model(Path run, StandardLoop.Loaded loaded) {
    return loaded
        .checkpoint()
        .model()
        .orElseThrow(
            () ->
                new InputException(
                    run
                        + ": the checkpoint of iteration "
                        + loaded.checkpoint().iteration()
                        + " has no recognition model (the run used --no-recognition, or it is"
                        + " iteration 0)"));
  }
}

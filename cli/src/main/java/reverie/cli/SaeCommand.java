package reverie.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reverie.engine.analysis.ActivationFiles;
import reverie.engine.analysis.Activations;
import reverie.engine.analysis.TopKTrainer;
import reverie.engine.loop.StandardLoop;

/** {@code reverie sae}: the built-in sparse autoencoder. */
@Command(
    name = "sae",
    mixinStandardHelpOptions = true,
    header = "Train the built-in TopK sparse autoencoder on task embeddings.",
    description = {
      "The SAE is written in SAELens' layout (cfg.json, sae_weights.safetensors),",
      "with the tasks' codes."
    },
    subcommands = {SaeCommand.Train.class})
final class SaeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is needed: reverie sae train");
  }

  /** {@code reverie sae train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      header = "Train a TopK SAE on embeddings and save it in SAELens' layout.",
      description = {
        "Trains ReLU + TopK with a tied pre-bias and unit-norm decoder rows (Adam),"
            + " deterministically for a seed, and writes three files into SAE_DIR: the SAE in"
            + " SAELens' layout, and the codes of the tasks with the task names in their metadata:",
        "  cfg.json",
        "  sae_weights.safetensors",
        "  activations.safetensors",
        "The inputs are either a run directory (RUN_DIR: the recognition model's embeddings of the"
            + " run's tasks, plus those of --fantasies fantasies from its library) or an embeddings"
            + " file (--embeddings)."
      })
  static final class Train implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "RUN_DIR",
        description = "A run directory written by 'reverie run'.")
    Path run;

    @Option(
        names = "--iteration",
        paramLabel = "N",
        description = "With RUN_DIR: the checkpoint to use (default: the last).")
    Integer iteration;

    @Option(
        names = "--fantasies",
        paramLabel = "N",
        defaultValue = "100",
        description =
            "With RUN_DIR: fantasies whose embeddings are extra training data (default"
                + " ${DEFAULT-VALUE}; 0 for the tasks only).")
    int fantasies;

    @Option(
        names = "--embeddings",
        paramLabel = "EMB",
        description = "One embedding per task (an npy or safetensors file), instead of RUN_DIR.")
    Path embeddings;

    @Option(
        names = "--tasks",
        paramLabel = "NAMES",
        description =
            "A text file of task names for the rows (default: the file beside EMB whose name ends"
                + " in tasks.txt instead of npy).")
    Path tasks;

    @Option(
        names = "--out",
        paramLabel = "SAE_DIR",
        required = true,
        description = "Folder to write the SAE to.")
    Path out;

    @CommandLine.Mixin SaeTrainingOptions training = new SaeTrainingOptions();

    @Override
    public Integer call() {
      if ((run == null) == (embeddings == null)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "give either RUN_DIR or --embeddings EMB");
      }
      if (fantasies < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--fantasies must be >= 0");
      }
      OutputDirectory.check(out);
      Activations emb;
      float[][] extra = new float[0][];
      if (run != null) {
        StandardLoop.Loaded loaded = RunDirectory.open(run, iteration, spec.commandLine().getErr());
        emb = EmbedCommand.embeddings(run, loaded);
        if (fantasies > 0) {
          extra = RunUsage.fantasyEmbeddings(loaded, fantasies, training.seed);
        }
      } else {
        emb = ActivationFiles.read(embeddings, Optional.ofNullable(tasks));
      }
      TopKTrainer.Trained trained = training.train(emb, extra, spec.commandLine().getErr());
      SaeTrainingOptions.save(trained, emb, out);
      var o = spec.commandLine().getOut();
      o.printf(
          "SAE: %d features, k = %d, FVU %.4f, %d dead features; loss %.4f -> %.4f over %d"
              + " epochs%n",
          trained.sae().dSae(),
          trained.sae().k(),
          trained.fvu(),
          trained.deadFeatures(),
          trained.lossPerEpoch().length == 0 ? Double.NaN : trained.lossPerEpoch()[0],
          trained.lossPerEpoch().length == 0
              ? Double.NaN
              : trained.lossPerEpoch()[trained.lossPerEpoch().length - 1],
          trained.lossPerEpoch().length);
      o.println("written to " + out);
      return ExitCode.OK;
    }
  }
}

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
        "Trains ReLU + TopK with a tied pre-bias and unit-norm decoder rows (Adam),",
        "deterministically for a seed, and writes SAE_DIR/cfg.json,",
        "SAE_DIR/sae_weights.safetensors and SAE_DIR/activations.safetensors (the",
        "codes of the inputs, task names in the metadata)."
      })
  static final class Train implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--embeddings",
        paramLabel = "EMB.npy",
        required = true,
        description = "One embedding per task (.npy or .safetensors).")
    Path embeddings;

    @Option(
        names = "--tasks",
        paramLabel = "NAMES.txt",
        description = "Task names for the rows (default: EMB.tasks.txt beside it).")
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
      Activations emb = ActivationFiles.read(embeddings, Optional.ofNullable(tasks));
      TopKTrainer.Trained trained =
          training.train(emb, new float[0][], spec.commandLine().getErr());
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

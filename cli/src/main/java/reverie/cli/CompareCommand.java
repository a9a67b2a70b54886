package reverie.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import reverie.dsl.InputException;
import reverie.engine.analysis.ActivationFiles;
import reverie.engine.analysis.Activations;
import reverie.engine.analysis.Alignment;
import reverie.engine.analysis.Comparison;
import reverie.engine.analysis.ReportWriter;
import reverie.engine.analysis.SaeFolder;
import reverie.engine.analysis.TopKTrainer;
import reverie.engine.analysis.UsageMatrix;
import reverie.engine.loop.StandardLoop;

/** {@code reverie compare}: compares a learned library with an SAE's features on the same tasks. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    header = "Compare a learned library with the features of a sparse autoencoder (SAE).",
    description = {
      "Reads the library's usage matrix (which inventions and primitives each solved task's best"
          + " program uses) and an SAE's codes of the same tasks, reports both as sparse codes side"
          + " by side (dictionary size, sparsity, dense atoms, description length, quality) and"
          + " aligns them: each invention's best feature by Pearson, Jaccard and NMI, a Hungarian"
          + " one-to-one matching, linear CKA, a permutation test (task rows shuffled; max over"
          + " features, then Benjamini-Hochberg) and the hierarchy check.",
      "",
      "The SAE side is one of:",
      "  --activations FILE  codes: csv (task,feature,value), npy (with --tasks),",
      "                      safetensors or jsonl;",
      "  --sae SAE_DIR --embeddings EMB   an SAELens or sparsify SAE, run here;",
      "  --train-sae --embeddings EMB     a TopK SAE trained here (REPORT_DIR/sae).",
      "",
      "USAGE: a csv file with the header 'task,ATOM,...[,solution_bits]'; an invention column is"
          + " 'name=#(lambda ...)' (or '#(lambda ...)'), any other a primitive; one row per solved"
          + " task with its counts; the optional last column is the solution's description length"
          + " in bits under the refit grammar.",
      "",
      "RUN_DIR instead of --usage: a `reverie run` directory; the usage matrix is that of its"
          + " latest (or --iteration) checkpoint: the best program of each solved training and test"
          + " task and the library's inventions, solution bits = -log2 prior under the checkpoint's"
          + " grammar. --sae and --train-sae then encode the tasks' embeddings by the checkpoint's"
          + " recognition model (no --embeddings needed); --train-sae also trains on the"
          + " embeddings of --fantasies fantasies from the library.",
      "",
      "Writes compare.md, compare.json, alignment.csv and heatmap.png to REPORT_DIR."
    })
final class CompareCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "RUN_DIR",
      description = "A run directory (`reverie run --out`), instead of --usage.")
  Path run;

  @Option(
      names = "--iteration",
      paramLabel = "N",
      description = "With RUN_DIR: this iteration's checkpoint (default: the latest).")
  Integer iteration;

  @Option(
      names = "--fantasies",
      defaultValue = "100",
      paramLabel = "N",
      description =
          "With RUN_DIR and --train-sae: fantasies whose embeddings are extra SAE training data"
              + " (default ${DEFAULT-VALUE}; 0 for tasks only).")
  int fantasies;

  @Option(
      names = "--usage",
      paramLabel = "USAGE",
      description = "The task x atom usage matrix (a csv file, described above).")
  Path usage;

  @Option(
      names = "--activations",
      paramLabel = "FILE",
      description = "The SAE's codes of the tasks, one row per task.")
  Path activations;

  @Option(
      names = "--tasks",
      paramLabel = "NAMES",
      description = "A text file of task names, one per line, for the rows of an npy file.")
  Path tasks;

  @Option(
      names = "--sae",
      paramLabel = "SAE_DIR",
      description = "An SAE folder (SAELens or sparsify layout) to encode --embeddings.")
  Path sae;

  @Option(
      names = "--embeddings",
      paramLabel = "EMB",
      description =
          "Task embeddings: an npy file with the task names beside it (its name ending in tasks.txt instead of npy),"
              + " or a safetensors file.")
  Path embeddings;

  @Option(
      names = "--train-sae",
      description = "Train a TopK SAE on --embeddings here and compare with it.")
  boolean trainSae;

  @CommandLine.Mixin SaeTrainingOptions training = new SaeTrainingOptions();

  @Option(
      names = "--permutations",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Row shuffles for the null (default ${DEFAULT-VALUE}).")
  int permutations;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.01",
      description = "Significance level for corrected p-values (default ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--min-support",
      paramLabel = "N",
      defaultValue = "3",
      description = "Align inventions used by at least this many tasks (default ${DEFAULT-VALUE}).")
  int minSupport;

  @Option(
      names = "--bits-per-value",
      paramLabel = "BITS",
      defaultValue = "16",
      description = "Precision of SAE weights and code values in bits (default ${DEFAULT-VALUE}).")
  int bitsPerValue;

  @Option(
      names = "--tolerance",
      paramLabel = "T",
      defaultValue = "0.05",
      description =
          "SAE residual coded to this many standard deviations (default ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(
      names = "--tasks-total",
      paramLabel = "N",
      description = "How many tasks there were, solved or not (for the report).")
  Integer tasksTotal;

  @Option(
      names = "--out",
      paramLabel = "REPORT_DIR",
      defaultValue = "compare",
      description = "Where to write the report (default ${DEFAULT-VALUE}).")
  Path out;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    int modes = (activations != null ? 1 : 0) + (sae != null ? 1 : 0) + (trainSae ? 1 : 0);
    if (modes != 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give exactly one of --activations FILE, --sae SAE_DIR or --train-sae");
    }
    if (permutations < 0
        || minSupport < 1
        || bitsPerValue < 1
        || tolerance <= 0
        || !(alpha > 0 && alpha < 1)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "bad statistics options (see --help)");
    }
    OutputDirectory.check(out);
    if (run != null) {
      if (usage != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "give RUN_DIR or --usage, not both");
      }
      if (fantasies < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--fantasies must be >= 0");
      }
      return compareRun();
    }
    if (iteration != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--iteration needs RUN_DIR");
    }
    if (usage == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "RUN_DIR or --usage USAGE is needed");
    }
    if (!java.nio.file.Files.isRegularFile(usage)) {
      throw new InputException(usage + ": no such file");
    }
    return compare(UsageMatrix.readCsv(usage), Optional.empty(), new float[0][]);
  }

  /** The comparison for a run directory's checkpoint. */
  private int compareRun() {
    StandardLoop.Loaded loaded = RunDirectory.open(run, iteration, spec.commandLine().getErr());
    if (tasksTotal == null) {
      tasksTotal = loaded.tasks().tasks().size();
    }
    UsageMatrix matrix = RunUsage.matrix(loaded);
    if (activations != null || embeddings != null) {
      return compare(matrix, Optional.empty(), new float[0][]);
    }
    Activations emb = EmbedCommand.embeddings(run, loaded);
    float[][] extra =
        trainSae && fantasies > 0
            ? RunUsage.fantasyEmbeddings(loaded, fantasies, training.seed)
            : new float[0][];
    if (extra.length > 0) {
      spec.commandLine()
          .getErr()
          .println("reverie: " + extra.length + " fantasies' embeddings added to SAE training");
    }
    return compare(matrix, Optional.of(emb), extra);
  }

  /**
   * Runs the comparison for a usage matrix, whatever it came from (a usage file today; a run
   * directory's frontiers once the loop writes them).
   *
   * @param runEmbeddings the tasks' embeddings when the caller has them (a run's recognition
   *     model), used instead of {@code --embeddings}
   * @param extraTraining more inputs for {@code --train-sae} only (a run's fantasies): the SAE
   *     trains on them too but only tasks are compared
   */
  int compare(UsageMatrix matrix, Optional<Activations> runEmbeddings, float[][] extraTraining) {
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> names = Optional.ofNullable(tasks);
    Activations codes;
    Optional<Comparison.SaeModel> model = Optional.empty();
    if (activations != null) {
      codes = ActivationFiles.read(activations, names);
    } else {
      if (runEmbeddings.isEmpty() && embeddings == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--sae and --train-sae need --embeddings EMB");
      }
      Activations emb =
          runEmbeddings.isPresent() ? runEmbeddings.get() : ActivationFiles.read(embeddings, names);
      if (sae != null) {
        model = Optional.of(new Comparison.SaeModel(SaeFolder.read(sae), emb));
      } else {
        TopKTrainer.Trained trained = training.train(emb, extraTraining, err);
        Path saeDir = out.resolve("sae");
        SaeTrainingOptions.save(trained, emb, saeDir);
        err.println("reverie: SAE written to " + saeDir);
        model = Optional.of(new Comparison.SaeModel(trained.sae(), emb));
      }
      codes = model.get().codes();
    }
    Comparison.Report report =
        Comparison.compare(
            new Comparison.Input(
                matrix,
                codes,
                model,
                tasksTotal == null ? OptionalInt.empty() : OptionalInt.of(tasksTotal),
                new Alignment.Options(permutations, training.seed, alpha, minSupport),
                new Comparison.Precision(bitsPerValue, tolerance)));
    ReportWriter.writeAll(report, out);
    PrintWriter o = spec.commandLine().getOut();
    if (json.json) {
      o.println(ReportWriter.json(report));
    } else {
      Alignment.Result a = report.alignment();
      o.printf(
          "library: %d inventions (%d alive), %.2f inventions per task, %.0f bits%n",
          report.library().inventions(),
          report.library().alive(),
          report.library().meanActiveInventions(),
          report.library().totalBits());
      o.printf(
          "sae: %d features (%d alive), L0 %.2f%s%n",
          report.sae().features(),
          report.sae().alive(),
          report.sae().l0(),
          report.sae().fvu().map(f -> String.format(", FVU %.3f", f)).orElse(""));
      o.printf(
          "alignment: %d inventions aligned, %d significant (corrected p < %s); Hungarian mean r"
              + " %.3f; CKA %.3f%n",
          a.inventions().size(), a.significantCount(), alpha, a.hungarianMeanPearson(), a.cka());
      o.println("report: " + out.resolve("compare.md"));
    }
    err.println("reverie: wrote compare.md, compare.json, alignment.csv, heatmap.png to " + out);
    return ExitCode.OK;
  }
}

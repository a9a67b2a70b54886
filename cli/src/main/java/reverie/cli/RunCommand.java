package reverie.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.engine.loop.CheckpointStore;
import reverie.engine.loop.LearningCurve;
import reverie.engine.loop.RunConfig;
import reverie.engine.loop.RunTasks;
import reverie.engine.loop.StandardLoop;
import reverie.engine.loop.StopSignal;
import reverie.engine.loop.WakeSleepLoop;
import reverie.tasks.Domains;

/**
 * {@code reverie run}: the wake-sleep loop on a suite, with checkpoints, metrics and a learning
 * curve.
 */
@Command(
    name = "run",
    header = "Learn a library by wake-sleep cycles on a task suite.",
    description =
        "Iteration 0 searches every task with the base grammar (training and test split). Each "
            + "later iteration compresses the training solutions found so far into new library "
            + "functions, trains the recognition model on replays and dreams, searches the training "
            + "tasks again with the new library and model, and evaluates the test split. After every "
            + "iteration the run directory gets a verified checkpoint, metrics.jsonl and "
            + "learning-curve.svg/.png; --resume DIR continues a stopped or killed run from its last "
            + "checkpoint. With no arguments, runs the built-in lists suite in a few minutes and prints "
            + "the library. Ctrl-C stops after the last complete checkpoint.",
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin TaskSource source;

  @Option(
      names = "--split",
      paramLabel = "FRACTION",
      description =
          "Fraction of the tasks used for training; the rest is the test split (default: 0.5)."
              + " Not with --test-file or --test-suite.")
  Double split;

  @Option(
      names = "--test-file",
      paramLabel = "PATH",
      description =
          "Test on the tasks of this file (of the same domain) and train on all of --file or"
              + " --suite, as DreamCoder trains on generated text tasks and tests on SyGuS.")
  Path testFile;

  @Option(
      names = "--test-suite",
      paramLabel = "NAME",
      description = "As --test-file, with a built-in suite.")
  String testSuite;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "Learning iterations after iteration 0 (default: 3).")
  Integer iterations;

  @Option(
      names = "--timeout",
      paramLabel = "S",
      description = "CPU-seconds of search per task in every wake and test (default: 1).")
  Double timeout;

  @Option(
      names = "--batch-size",
      paramLabel = "B",
      description =
          "Training tasks searched per iteration after the first, unsolved first; 0 for all (default: 40).")
  Integer batchSize;

  @Option(names = "--top-k", paramLabel = "K", description = "Programs kept per task (default: 5).")
  Integer topK;

  @Option(
      names = "--max-arity",
      paramLabel = "A",
      description = "Most arguments of a learned function (default: 3).")
  Integer maxArity;

  @Option(
      names = "--structure-penalty",
      paramLabel = "P",
      description = "Compression penalty per unit of a learned function's size (default: 1).")
  Double structurePenalty;

  @Option(
      names = "--pseudo-counts",
      paramLabel = "C",
      description =
          "Pseudo-counts added to every production when the grammar is refit (default: 1).")
  Double pseudoCounts;

  @Option(
      names = "--recognition-steps",
      paramLabel = "R",
      description = "Gradient steps of recognition training per iteration (default: 5000).")
  Integer recognitionSteps;

  @Option(
      names = "--no-recognition",
      description = "Neither train nor use a recognition model (ablation).")
  Boolean noRecognition;

  @Option(
      names = "--no-compression",
      description = "Learn no library functions, only refit weights (ablation).")
  Boolean noCompression;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the split and of every random choice (default: 0).")
  Long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "The run directory, which must be missing or empty (default: runs/<date-time>).")
  Path out;

  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description =
          "Continue the run in DIR from its last checkpoint, with its own settings (--iterations and"
              + " --threads may be changed).")
  Path resume;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    CheckpointStore store;
    RunTasks setup;
    if (resume != null) {
      refuseOnResume();
      store = CheckpointStore.open(resume);
      RunConfig c = store.config();
      if (iterations != null) {
        c = c.withIterations(iterations);
      }
      if (threads != null) {
        c = c.withThreads(threads);
      }
      if (!c.equals(store.config())) {
        store = store.withConfig(c);
      }
      setup = RunTasks.of(store.config(), Domains.installed());
    } else {
      RunConfig config = config();
      // The task sources are read before the run directory is made, so a bad one leaves none.
      setup = RunTasks.of(config, Domains.installed());
      Path dir =
          out != null
              ? out
              : Path.of(
                  "runs",
                  LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      store = CheckpointStore.create(dir, config);
      err.println("run directory: " + dir);
    }
    StopSignal stop = new StopSignal();
    CheckpointStore s = store;
    Thread hook =
        new Thread(
            () -> {
              stop.request();
              // Let a checkpoint being written finish, so the directory stays consistent.
              s.quiesce(60);
              System.err.println(
                  "reverie: stopped; the last complete checkpoint is in "
                      + s.directory()
                      + "; continue with: reverie run --resume "
                      + s.directory());
            },
            "reverie-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    WakeSleepLoop.Outcome<?> outcome;
    try {
      outcome =
          StandardLoop.create(setup, store, ConsoleProgress.forCurrentProcess(err), stop).run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: the JVM is stopping on a signal.
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    if (outcome.last() != null) {
      o.println(setup.libraryReport(outcome.last()).toText());
      o.println("Learning curve (" + store.directory().resolve(LearningCurve.SVG) + "):");
      o.print(LearningCurve.table(outcome.last().metrics()));
      o.println("Run directory: " + store.directory());
    }
    o.flush();
    return outcome.stopped() ? 130 : ExitCode.OK;
  }

  private void refuseOnResume() {
    Object[][] fixed = {
      {"--split", split},
      {"--timeout", timeout},
      {"--batch-size", batchSize},
      {"--top-k", topK},
      {"--max-arity", maxArity},
      {"--structure-penalty", structurePenalty},
      {"--pseudo-counts", pseudoCounts},
      {"--recognition-steps", recognitionSteps},
      {"--no-recognition", noRecognition},
      {"--no-compression", noCompression},
      {"--seed", seed},
      {"--out", out},
      {"--suite", source.suite},
      {"--file", source.file},
      {"--test-file", testFile},
      {"--test-suite", testSuite}
    };
    for (Object[] f : fixed) {
      if (f[1] != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            f[0] + " cannot be combined with --resume: a resumed run keeps its own settings");
      }
    }
  }

  private RunConfig config() {
    if (source.suite != null && source.file != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --suite or --file, not both");
    }
    if (testFile != null && testSuite != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --test-file or --test-suite, not both");
    }
    if (split != null && (testFile != null || testSuite != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--split cannot be combined with --test-file or --test-suite: all of the training source"
              + " trains");
    }
    RunConfig d = RunConfig.defaults();
    try {
      return new RunConfig(
          source.file != null
              ? Optional.empty()
              : Optional.of(source.suite != null ? source.suite : TaskSource.DEFAULT_SUITE),
          source.file != null
              ? Optional.of(source.file.toAbsolutePath().normalize().toString())
              : Optional.empty(),
          split != null ? split : d.split(),
          iterations != null ? iterations : d.iterations(),
          timeout != null ? timeout : d.timeoutSeconds(),
          batchSize != null ? batchSize : d.batchSize(),
          topK != null ? topK : d.topK(),
          maxArity != null ? maxArity : d.maxArity(),
          structurePenalty != null ? structurePenalty : d.structurePenalty(),
          pseudoCounts != null ? pseudoCounts : d.pseudoCounts(),
          recognitionSteps != null ? recognitionSteps : d.recognitionSteps(),
          noRecognition == null || !noRecognition,
          noCompression == null || !noCompression,
          threads != null ? threads : d.threads(),
          seed != null ? seed : d.seed(),
          Optional.ofNullable(testSuite),
          testFile != null
              ? Optional.of(testFile.toAbsolutePath().normalize().toString())
              : Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}

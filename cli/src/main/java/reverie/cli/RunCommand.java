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
import reverie.engine.enumerate.JobRunner;
import reverie.engine.enumerate.JobRunnerProvider.ClusterRunner;
import reverie.engine.loop.CheckpointStore;
import reverie.engine.loop.LearningCurve;
import reverie.engine.loop.RunConfig;
import reverie.engine.loop.RunLock;
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
            + "tasks again with the new library, each under the library's contextual prior and under "
            + "the grammar the model predicts for it (--prior-share), and evaluates the test split "
            + "the same way. After every "
            + "iteration the run directory gets a verified checkpoint, metrics.jsonl and "
            + "learning-curve.svg/.png; --resume DIR continues a stopped or killed run from its last "
            + "checkpoint. With no arguments, runs the built-in lists suite in a few minutes and prints "
            + "the library. Ctrl-C stops after the last complete checkpoint. With --master URL the "
            + "search jobs of every wake and test run on a Spark cluster, compression, recognition "
            + "and checkpoints staying here; with --max-programs the same seed gives the same "
            + "frontiers on any number of threads or machines.",
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

  /** The value of {@code --split} that takes the suite's own split. */
  static final String OWN_SPLIT = "dreamcoder";

  @Spec CommandSpec spec;

  @Mixin TaskSource source;

  @Option(
      names = "--split",
      paramLabel = "FRACTION|dreamcoder",
      description =
          "Fraction of the tasks used for training, the rest being the test split, chosen by a"
              + " seeded shuffle that keeps a member of every task family in training; or"
              + " dreamcoder: the tasks the file marks for training (\"train\": true, as in"
              + " DreamCoder's LOGO tasks) train and the others test (default: dreamcoder for a"
              + " file that marks its training tasks, else ${DEFAULT-VALUE}). Not with --test-file or"
              + " --test-suite. ('solve --split'"
              + " instead names a part of a run's split.)")
  String split;

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
      description = "Learning iterations after iteration 0 (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Mixin TimeoutOption timeout;

  @Mixin MaxProgramsOption maxPrograms;

  @Option(
      names = "--batch-size",
      paramLabel = "B",
      description =
          "Training tasks searched per iteration after the first, unsolved first; 0 for all"
              + " (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--top-k",
      paramLabel = "K",
      description = "Programs kept per task (default: ${DEFAULT-VALUE}).")
  int topK;

  @Option(
      names = "--max-arity",
      paramLabel = "A",
      description = "Most arguments of a learned function (default: ${DEFAULT-VALUE}).")
  int maxArity;

  @Option(
      names = "--structure-penalty",
      paramLabel = "P",
      description =
          "Compression penalty per unit of a learned function's size (default: ${DEFAULT-VALUE}).")
  double structurePenalty;

  @Option(
      names = "--pseudo-counts",
      paramLabel = "C",
      description =
          "Pseudo-counts added to every production when the grammar is refit (default:"
              + " ${DEFAULT-VALUE}).")
  double pseudoCounts;

  @Option(
      names = "--recognition-steps",
      paramLabel = "R",
      description =
          "Gradient steps of recognition training per iteration (default: ${DEFAULT-VALUE}).")
  int recognitionSteps;

  @Option(
      names = "--prior-share",
      paramLabel = "F",
      description =
          "Once there is a recognition model, the share of every task's search budget spent"
              + " under the library's contextual prior (the tasks of a type sharing one"
              + " enumeration), the rest under the grammar the model predicts for the task; 0"
              + " searches under the model's grammar alone (default: ${DEFAULT-VALUE}).")
  double priorShare;

  @Option(
      names = "--no-recognition",
      description = "Neither train nor use a recognition model (ablation).")
  boolean noRecognition;

  @Option(
      names = "--no-compression",
      description = "Learn no library functions, only refit weights (ablation).")
  boolean noCompression;

  @Mixin ThreadsOption threads;

  @Mixin SeedOption seed;

  @Mixin MasterOption master;

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
          "Continue the run in DIR from its last checkpoint, with its own settings (--iterations,"
              + " --threads and --master may be changed).")
  Path resume;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    CheckpointStore store;
    RunTasks setup;
    RunLock lock;
    boolean fresh = resume == null;
    if (!fresh) {
      refuseOnResume();
      store = CheckpointStore.open(resume);
      lock = RunLock.acquire(resume);
      try {
        RunConfig c = store.config();
        if (given("--iterations")) {
          c = c.withIterations(iterations);
        }
        if (given("--threads")) {
          c = c.withThreads(threads.threads());
        }
        if (!c.equals(store.config())) {
          store = store.withConfig(c);
        }
        setup = RunTasks.open(store, Domains.installed());
        RunDirectory.warn(setup, err);
      } catch (RuntimeException e) {
        lock.close();
        throw e;
      }
    } else {
      RunConfig config = config();
      Path dir =
          out != null
              ? out
              : Path.of(
                  "runs",
                  LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      // Nothing is created until the directory is known to be usable and the tasks have been read
      // and checked: a failed start leaves nothing that would block its own retry.
      CheckpointStore.checkNew(dir);
      setup =
          given("--split") || testFile != null || testSuite != null
              ? RunTasks.of(config, Domains.installed())
              : RunTasks.withDefaultSplit(config, Domains.installed());
      // create() takes the run's lock before it writes anything.
      store = CheckpointStore.create(dir, setup.config(), setup);
      lock = store.lock().orElseThrow();
      err.println("run directory: " + dir);
    }
    ConsoleProgress progress = ConsoleProgress.forCurrentProcess(err);
    Optional<ClusterRunner> cluster;
    try {
      cluster = master.open("reverie run " + store.directory(), err, progress::message);
    } catch (RuntimeException | Error e) {
      // An unreachable cluster: a fresh run leaves nothing behind, so the same command can be
      // retried.
      if (fresh && store.iterations().isEmpty()) {
        store.discard();
      }
      lock.close();
      throw e;
    }
    try {
      return run(setup, store, lock, fresh, progress, cluster);
    } finally {
      cluster.ifPresent(ClusterRunner::close);
    }
  }

  private Integer run(
      RunTasks setup,
      CheckpointStore store,
      RunLock lock,
      boolean fresh,
      ConsoleProgress progress,
      Optional<ClusterRunner> cluster) {
    StopSignal stop = new StopSignal();
    CheckpointStore s = store;
    Thread hook =
        new Thread(
            () -> {
              stop.request();
              // Let a checkpoint being written finish, so the directory stays consistent.
              s.quiesce(60);
              lock.close();
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
          StandardLoop.create(setup, store, progress, stop, cluster.map(JobRunner.class::cast))
              .run();
    } catch (RuntimeException | Error e) {
      if (stop.requested()) {
        // Stopped by a signal while a cluster's jobs ran: the cluster's client shut down with the
        // JVM; the last complete checkpoint stands.
        return ExitCode.STOPPED;
      }
      if (fresh && store.iterations().isEmpty()) {
        // A start that failed before its first checkpoint: nothing worth resuming.
        store.discard();
      }
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: the JVM is stopping on a signal.
      }
      lock.close();
    }
    PrintWriter o = spec.commandLine().getOut();
    if (outcome.last() != null) {
      o.println(setup.libraryReport(outcome.last()).toText());
      o.println("Learning curve (" + store.directory().resolve(LearningCurve.SVG) + "):");
      o.print(LearningCurve.table(outcome.last().metrics()));
      o.println("Run directory: " + store.directory());
    }
    o.flush();
    return outcome.stopped() ? ExitCode.STOPPED : ExitCode.OK;
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private void refuseOnResume() {
    String[] fixed = {
      "--split",
      "--timeout",
      "--batch-size",
      "--top-k",
      "--max-arity",
      "--structure-penalty",
      "--pseudo-counts",
      "--recognition-steps",
      "--prior-share",
      "--no-recognition",
      "--no-compression",
      "--seed",
      "--max-programs",
      "--out",
      "--suite",
      "--file",
      "--test-file",
      "--test-suite"
    };
    for (String option : fixed) {
      if (given(option)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            option + " cannot be combined with --resume: a resumed run keeps its own settings");
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
    if (given("--split") && (testFile != null || testSuite != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--split cannot be combined with --test-file or --test-suite: all of the training source"
              + " trains");
    }
    boolean own;
    double fraction = RunConfig.defaults().split();
    if (testFile != null || testSuite != null) {
      own = false;
    } else if (!given("--split")) {
      // Decided by RunTasks.withDefaultSplit once it has read the suite: one that marks its own
      // training tasks is split that way unless told otherwise.
      own = false;
    } else if (split.equals(OWN_SPLIT)) {
      own = true; // RunTasks refuses a suite that marks no training tasks of its own
    } else {
      own = false;
      try {
        fraction = Double.parseDouble(split);
      } catch (NumberFormatException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--split takes a fraction such as 0.5 or '" + OWN_SPLIT + "', not '" + split + "'");
      }
    }
    try {
      return new RunConfig(
          source.file != null
              ? Optional.empty()
              : Optional.of(source.suite != null ? source.suite : TaskSource.DEFAULT_SUITE),
          source.file != null
              ? Optional.of(source.file.toAbsolutePath().normalize().toString())
              : Optional.empty(),
          fraction,
          iterations,
          timeout.seconds(),
          batchSize,
          topK,
          maxArity,
          structurePenalty,
          pseudoCounts,
          recognitionSteps,
          !noRecognition,
          !noCompression,
          threads.threads(),
          seed.seed,
          maxPrograms.value(),
          own,
          Optional.ofNullable(testSuite),
          testFile != null
              ? Optional.of(testFile.toAbsolutePath().normalize().toString())
              : Optional.empty(),
          priorShare);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}

package reverie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.dsl.InputException;
import reverie.dsl.InputFiles;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.GrammarJson;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.engine.enumerate.FrontierJson;
import reverie.engine.enumerate.JobRunner;
import reverie.engine.enumerate.JobRunnerProvider.ClusterRunner;
import reverie.engine.enumerate.SolveConfig;
import reverie.engine.enumerate.SolveResult;
import reverie.engine.enumerate.Solver;
import reverie.engine.enumerate.TaskResult;
import reverie.engine.loop.RecognitionDream;
import reverie.engine.loop.SplitSearch;
import reverie.engine.loop.StandardLoop;
import reverie.engine.recognition.RecognitionModel;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;
import reverie.tasks.Suite;
import reverie.tasks.Task;

/**
 * {@code reverie solve}: the wake phase on its own, searching programs for tasks under a fixed
 * grammar.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "solve",
    header = "Search programs for tasks in decreasing prior order (the wake phase).",
    description = {
      "Enumerates typed programs in order of probability under a grammar (the domain's uniform"
          + " grammar, or --grammar) and checks each against the tasks' examples. Tasks with the"
          + " same type share one enumeration; each task keeps its best programs (its frontier)"
          + " and stops when it has --top-k of them or when its CPU-time budget --timeout is spent"
          + " (shared equally among the tasks of an enumeration), or after --max-programs programs"
          + " (the same frontiers on any number of threads or machines). Prints one line per task"
          + " and a summary; --out writes DreamCoder's compressor input (frontiers JSON). With"
          + " --master URL the search jobs run on a Spark cluster.",
      "",
      "With --checkpoint DIR (a `reverie run` directory) the grammar is that checkpoint's"
          + " library. Each task is searched under the library's contextual prior (weights for each"
          + " argument of each function, fitted to the run's solutions and backed off to the"
          + " library's own weights) and, when the checkpoint has a recognition model, also under"
          + " the grammar the model predicts for the task, each with the share of the budget the"
          + " run gave it (`reverie run --prior-share`); --no-recognition: the prior alone. Without"
          + " --suite/--file the tasks are the run's own, and --split train/test means the run's"
          + " split.",
      "",
      "--compare-recognition solves the tasks both ways (keeping one program per task, after a"
          + " 0.2 s warm-up pass that is not counted) and prints how many each way solved and,"
          + " over the tasks solved both ways, the mean log-prior of the solution found (under the"
          + " grammar that found it) and the median number of programs tried before the first"
          + " solution."
    })
final class SolveCommand implements Callable<Integer> {
  enum Split {
    train,
    test,
    all
  }

  @Spec CommandSpec spec;

  @Mixin TaskSource source;

  @Option(names = "--task", paramLabel = "NAME", description = "Only this task (repeatable).")
  List<String> taskNames = new ArrayList<>();

  @Option(
      names = "--split",
      defaultValue = "all",
      paramLabel = "PART",
      description =
          "train, test or all (default: ${DEFAULT-VALUE}): the tasks a file marks for training"
              + " (\"train\": true, as in DreamCoder's LOGO tasks) and the others, or else a part of"
              + " a 50/50 split seeded with --seed that keeps one member of every task family in"
              + " training, as DreamCoder's (with --checkpoint: of the run's own split). ('run"
              + " --split' instead sets the training fraction.)")
  Split split;

  @Mixin SeedOption seed;

  @Mixin TimeoutOption timeout;

  @Mixin MaxProgramsOption maxPrograms;

  @Mixin ThreadsOption threads;

  @Mixin MasterOption master;

  // The cluster runner of --master while the command runs; empty for local threads.
  private Optional<ClusterRunner> cluster = Optional.empty();
  // The cluster runner's notes, printed after the progress line of each solve.
  private final List<String> notes = new ArrayList<>();

  @Option(
      names = "--top-k",
      paramLabel = "K",
      description = "Programs kept per task (default: ${DEFAULT-VALUE}).")
  int topK;

  @Option(
      names = "--max-nats",
      paramLabel = "D",
      description = "Only programs whose description length is below D nats.")
  Double maxNats;

  @Option(
      names = "--grammar",
      paramLabel = "GRAMMAR",
      description =
          "A grammar in DreamCoder's JSON ({\"logVariable\", \"productions\"}, or a frontiers"
              + " file's \"DSL\").")
  Path grammarFile;

  @Mixin OutputFile out;

  @Mixin JsonOption json;

  @Option(
      names = "--checkpoint",
      paramLabel = "DIR",
      description = "A run directory: solve with its checkpoint's library and recognition model.")
  Path checkpoint;

  @Option(
      names = "--iteration",
      paramLabel = "N",
      description = "With --checkpoint: this iteration's checkpoint (default: the latest).")
  Integer iteration;

  @Option(
      names = "--no-recognition",
      description =
          "With --checkpoint: ignore the recognition model; search under the library's contextual"
              + " prior.")
  boolean noRecognition;

  @Option(
      names = "--compare-recognition",
      description =
          "With --checkpoint: solve with and without the recognition model and compare (one"
              + " program per task).")
  boolean compareRecognition;

  @Override
  public Integer call() throws IOException {
    config();
    cluster = master.open("reverie solve", spec.commandLine().getErr(), notes::add);
    try {
      return checkpoint != null ? callCheckpoint() : callTasks();
    } finally {
      cluster.ifPresent(ClusterRunner::close);
    }
  }

  private Integer callTasks() throws IOException {
    CommandLine cl = spec.commandLine();
    if (iteration != null || noRecognition || compareRecognition) {
      throw new CommandLine.ParameterException(
          cl, "--iteration, --no-recognition and --compare-recognition need --checkpoint");
    }
    Suite suite = source.load();
    List<Task> tasks = select(suite);
    Domain domain = Domains.installed().byName(suite.domain());
    ContextualGrammar grammar =
        grammarFile != null
            ? readGrammar(grammarFile, domain)
            : ContextualGrammar.fromGrammar(domain.baseGrammar());
    Optional<Path> output = out.checked();
    SolveResult result = solveWithProgress(tasks, t -> grammar, config(), Scorer.of(domain));
    if (output.isPresent()) {
      // DreamCoder's compressor input holds a unigram grammar: the root table of a contextual one.
      FrontierJson.write(output.get(), grammar.noParent(), result.frontiers());
    }
    print(result);
    return ExitCode.OK;
  }

  private void print(SolveResult result) {
    PrintWriter o = spec.commandLine().getOut();
    if (json.json) {
      o.println(toJson(result).toPrettyString());
    } else {
      printText(result, o);
    }
  }

  /** Solving with a run's checkpoint: its library, and its recognition model unless told not to. */
  private Integer callCheckpoint() throws IOException {
    CommandLine cl = spec.commandLine();
    if (grammarFile != null) {
      throw new CommandLine.ParameterException(cl, "give --grammar or --checkpoint, not both");
    }
    if (compareRecognition && noRecognition) {
      throw new CommandLine.ParameterException(
          cl, "give --compare-recognition or --no-recognition, not both");
    }
    if (compareRecognition && out.out != null) {
      throw new CommandLine.ParameterException(cl, "--out does not go with --compare-recognition");
    }
    StandardLoop.Loaded loaded =
        RunDirectory.open(checkpoint, iteration, spec.commandLine().getErr());
    Scorer scorer = loaded.tasks().scorer();
    List<Task> tasks = checkpointTasks(loaded);
    ContextualGrammar prior = loaded.checkpoint().prior();
    Optional<RecognitionModel> model = loaded.checkpoint().model();
    if (compareRecognition) {
      if (model.isEmpty()) {
        throw new InputException(
            checkpoint
                + ": checkpoint of iteration "
                + loaded.checkpoint().iteration()
                + " has no recognition model to compare");
      }
      // One program per task: the search stops at the first solution, so programs tried counts
      // the programs enumerated before it.
      SolveConfig c = config().withTopK(1);
      RecognitionModel m = model.get();
      // Timeouts are CPU time, and a cold JVM runs its first second or so interpreted: without a
      // warm-up the side measured first would lose tasks to the JIT, not to its grammar.
      spec.commandLine().getErr().println("warming up (every task once, 0.2 s, not counted)");
      Solver.solve(
          tasks,
          t -> prior,
          c.withMaxPrograms(OptionalLong.empty()).withTimeout(Math.min(0.2, c.timeoutSeconds())),
          scorer);
      SolveResult withModel =
          solveWithProgress(tasks, t -> RecognitionDream.predict(m, t), c, scorer);
      SolveResult withLibrary = solveWithProgress(tasks, t -> prior, c, scorer);
      RecognitionComparison cmp = RecognitionComparison.of(withModel, withLibrary);
      PrintWriter o = spec.commandLine().getOut();
      if (json.json) {
        o.println(cmp.toJson().toPrettyString());
      } else {
        cmp.printText(o);
      }
      return ExitCode.OK;
    }
    boolean useModel = model.isPresent() && !noRecognition;
    // As the run's test phase searched: the prior's share of each task's budget under the prior,
    // the rest under the model's grammar (a run from before the share searched under the model
    // alone, and its share reads as 0).
    double priorShare = loaded.checkpoint().config().priorShare();
    List<SplitSearch.Pass> passes =
        SplitSearch.passes(
            prior,
            useModel
                ? Optional.of(t -> RecognitionDream.predict(model.get(), t))
                : Optional.empty(),
            priorShare,
            config());
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "checkpoint of iteration %d, %s%n",
            loaded.checkpoint().iteration(),
            !useModel
                ? "its library's contextual prior"
                    + (model.isEmpty() ? " (no recognition model)" : "")
                : priorShare > 0
                    ? String.format(
                        Locale.ROOT,
                        "%.0f%% of each task's budget under its library's contextual prior, the"
                            + " rest under the grammar its recognition model predicts",
                        100 * priorShare)
                    : "per-task grammars from its recognition model");
    Optional<Path> output = out.checked();
    // Every program scored under the library's grammar: the two passes' scores on one scale, and
    // what DreamCoder's compressor expects of --out.
    Grammar grammar = loaded.checkpoint().grammar();
    SolveResult result =
        solveWithProgress(
            tasks, passes, config(), scorer, f -> SplitSearch.scoredUnder(grammar, f));
    if (output.isPresent()) {
      FrontierJson.write(output.get(), grammar, result.frontiers());
    }
    print(result);
    return ExitCode.OK;
  }

  /** The tasks of --suite/--file, or by default the run's own tasks with the run's split. */
  private List<Task> checkpointTasks(StandardLoop.Loaded loaded) {
    if (source.suite != null || source.file != null) {
      Suite suite = source.load();
      if (!suite.domain().equals(loaded.tasks().domain().name())) {
        throw new InputException(
            source.describe()
                + " is of domain "
                + suite.domain()
                + " but the run "
                + checkpoint
                + " is of domain "
                + loaded.tasks().domain().name());
      }
      return select(suite);
    }
    List<String> names =
        switch (split) {
          case train -> loaded.tasks().split().train();
          case test -> loaded.tasks().split().test();
          case all -> loaded.tasks().suite().tasks().stream().map(Task::name).toList();
        };
    List<Task> chosen = new ArrayList<>();
    if (taskNames.isEmpty()) {
      names.forEach(n -> chosen.add(loaded.tasks().tasks().get(n)));
    } else {
      for (String name : taskNames) {
        if (!names.contains(name)) {
          throw new InputException(
              "no task '" + name + "' in the " + split + " tasks of run " + checkpoint);
        }
        chosen.add(loaded.tasks().tasks().get(name));
      }
    }
    return chosen;
  }

  private SolveResult solveWithProgress(
      List<Task> tasks,
      Function<? super Task, ContextualGrammar> grammarOf,
      SolveConfig config,
      Scorer scorer) {
    return solveWithProgress(
        tasks,
        ImmutableList.of(new SplitSearch.Pass("grammar", grammarOf, 1.0, config.maxPrograms())),
        config,
        scorer,
        f -> f);
  }

  /** Solves in one or more passes ({@link SplitSearch}), with progress on standard error. */
  private SolveResult solveWithProgress(
      List<Task> tasks,
      List<SplitSearch.Pass> passes,
      SolveConfig config,
      Scorer scorer,
      UnaryOperator<Frontier> scoring) {
    PrintWriter err = spec.commandLine().getErr();
    // A live bar on a terminal; plain lines every few seconds in a log (#18 item 15).
    ConsoleProgress progress = ConsoleProgress.forCurrentProcess(err);
    progress.start("solving", (long) tasks.size() * passes.size());
    SolveResult result =
        SplitSearch.solve(
            tasks,
            passes,
            config,
            scorer,
            cluster.map(c -> (JobRunner) c),
            i ->
                p ->
                    progress.step(
                        (long) tasks.size() * i + p.finished(),
                        (passes.size() > 1 ? passes.get(i).name() + " pass, " : "")
                            + p.solved()
                            + " solved"),
            scoring);
    progress.finish(result.solved() + "/" + tasks.size() + " solved");
    // The cluster runner's notes wait for the progress bar to close, so the two never interleave.
    notes.forEach(err::println);
    notes.clear();
    result.failureLines().forEach(line -> err.println("reverie: warning: " + line));
    err.flush();
    return result;
  }

  /** The search settings from the options; a usage error for impossible values. */
  SolveConfig config() {
    CommandLine cl = spec.commandLine();
    if (topK < 1) {
      throw new CommandLine.ParameterException(cl, "--top-k must be at least 1");
    }
    if (maxNats != null && !(maxNats > 0)) {
      throw new CommandLine.ParameterException(cl, "--max-nats must be positive");
    }
    SolveConfig c =
        SolveConfig.defaults()
            .withTimeout(timeout.seconds())
            .withTopK(topK)
            .withThreads(threads.threads())
            .withMaxPrograms(maxPrograms.value());
    if (maxNats != null) {
      c = c.withMaxDescriptionLength(maxNats);
    }
    return c;
  }

  /** The tasks named by --task and --split, in suite order. */
  List<Task> select(Suite suite) {
    Suite part =
        switch (split) {
          case train -> split(suite).train();
          case test -> split(suite).test();
          case all -> suite;
        };
    if (taskNames.isEmpty()) {
      return part.tasks();
    }
    List<Task> chosen = new ArrayList<>();
    for (String name : taskNames) {
      chosen.add(part.task(name));
    }
    return chosen;
  }

  /** The suite's own split when it marks its training tasks, else the seeded family split. */
  private Suite.Split split(Suite suite) {
    return suite.ownSplit().orElseGet(() -> suite.splitKeepingFamilies(0.5, seed.seed));
  }

  /**
   * A grammar file: a contextual grammar ({@code noParent}, {@code variableParent}, {@code
   * productions}), a unigram grammar, or a DreamCoder document with a {@code DSL} object.
   */
  /**
   * Reads {@code --grammar}: a grammar, a contextual grammar, or a frontiers file's DSL; every
   * problem is one line starting with the file's path.
   */
  static ContextualGrammar readGrammar(Path file, Domain domain) {
    String where = file.toString();
    JsonNode root = GrammarJson.parse(InputFiles.readString(file), where);
    try {
      if (root.has("noParent")) {
        return GrammarJson.readContextualGrammar(root, domain.resolver());
      }
      JsonNode dsl = root.has("DSL") ? root.get("DSL") : root;
      return ContextualGrammar.fromGrammar(GrammarJson.readGrammar(dsl, domain.resolver()));
    } catch (InputException e) {
      throw new InputException(where + ": " + e.getMessage(), e);
    }
  }

  static ObjectNode toJson(SolveResult result) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("solved", result.solved());
    o.put("total", result.tasks().size());
    o.put("cpu_seconds", result.cpuSeconds());
    ArrayNode tasks = o.putArray("tasks");
    for (TaskResult t : result.tasks()) {
      ObjectNode n = tasks.addObject();
      n.put("name", t.task().name());
      n.put("solved", t.solved());
      if (t.solved()) {
        FrontierEntry best = t.frontier().best().orElseThrow();
        n.put("program", best.program().toString());
        n.put("log_prior", best.logPrior());
      } else {
        n.putNull("program");
        n.putNull("log_prior");
      }
      n.put("seconds", t.seconds());
      n.put("programs_tried", t.programsTried());
    }
    return o;
  }

  static void printText(SolveResult result, PrintWriter o) {
    for (TaskResult t : result.tasks()) {
      if (t.solved()) {
        FrontierEntry best = t.frontier().best().orElseThrow();
        o.printf(
            Locale.ROOT,
            "solved    %s: %s  (log prior %.2f, %.1f s, %,d programs)%n",
            t.task().name(),
            best.program(),
            best.logPrior(),
            t.seconds(),
            t.programsTried());
      } else {
        o.printf(
            Locale.ROOT,
            "unsolved  %s  (%.1f s, %,d programs)%n",
            t.task().name(),
            t.seconds(),
            t.programsTried());
      }
    }
    o.printf(
        Locale.ROOT,
        "solved %d of %d tasks in %.1f CPU-seconds (%.1f s wall), %,.0f programs per CPU-second%n",
        result.solved(),
        result.tasks().size(),
        result.cpuSeconds(),
        result.wallSeconds(),
        result.programsPerSecond());
  }
}

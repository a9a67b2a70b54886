package reverie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.engine.recognition.Architecture;
import reverie.engine.recognition.Dreamer;
import reverie.engine.recognition.RecognitionBenchmark;
import reverie.engine.recognition.TaskExamples;
import reverie.engine.recognition.TrainingConfig;
import reverie.engine.recognition.TrainingTask;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.GeneratedTask;
import reverie.tasks.Scorer;
import reverie.tasks.Suite;
import reverie.tasks.Suites;
import reverie.tasks.Task;

/**
 * {@code reverie bench recognition}: the training speed of the recognition model, and what it
 * learnt.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "recognition",
    header = "Train the recognition model on a built-in suite and report steps per second.",
    description =
        "Splits the built-in suite 80/20 (seeded), takes each task's reference program as its"
            + " frontier (a synthetic frontier: no search), dreams fantasies from the domain's"
            + " uniform grammar on the training tasks' inputs, and trains a fresh model for --steps"
            + " gradient steps. Reports the dreaming time, the training wall and CPU time and steps"
            + " per second, the loss at the start and end, and the mean log-prior of the held-out"
            + " tasks' reference programs under the predicted grammars and under the uniform"
            + " grammar.")
final class BenchRecognitionCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Option(
      names = "--suite",
      paramLabel = "NAME",
      defaultValue = "lists",
      description = "Built-in suite (default: ${DEFAULT-VALUE}).")
  String suite;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description = "Gradient steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--batch",
      paramLabel = "B",
      description = "Tasks per minibatch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Mixin ThreadsOption threads;

  @Mixin SeedOption seed;

  @Option(
      names = "--encoder",
      paramLabel = "NAME",
      defaultValue = "conv",
      description = "Example encoder: conv or bag (default: ${DEFAULT-VALUE}).")
  String encoder;

  @Option(
      names = "--rank",
      paramLabel = "R",
      defaultValue = "0",
      description = "Rank of the output layer, 0 for full (default: ${DEFAULT-VALUE}).")
  int rank;

  @Option(
      names = "--fantasies",
      paramLabel = "N",
      description = "Fantasies to dream, 0 for none (default: ${DEFAULT-VALUE}).")
  int fantasies;

  @Option(
      names = "--helmholtz-ratio",
      paramLabel = "R",
      description = "Share of fantasies per minibatch (default: ${DEFAULT-VALUE}).")
  double helmholtzRatio;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    Suite s = Suites.byName(suite);
    Domain d = Domains.installed().byName(s.domain());
    Map<String, Program> references = new HashMap<>();
    for (GeneratedTask g : Suites.generatedTasks(suite)) {
      references.put(g.task().name(), Program.parse(g.referenceProgram(), d.resolver()));
    }
    Suite.Split split = s.split(0.8, seed.seed);
    Architecture base = encoder.equals("bag") ? Architecture.bag() : Architecture.standard();
    if (!encoder.equals("bag") && !encoder.equals("conv")) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--encoder must be conv or bag");
    }
    TrainingConfig config;
    try {
      config =
          TrainingConfig.defaults()
              .withSteps(steps)
              .withBatchSize(batch)
              .withSeed(seed.seed)
              .withFantasies(fantasies)
              .withHelmholtzRatio(helmholtzRatio);
      config = config.withThreads(threads.threads());
      base = base.withRank(rank);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Grammar grammar = d.baseGrammar();
    PrintWriter err = spec.commandLine().getErr();
    RecognitionBenchmark.Result r =
        RecognitionBenchmark.run(
            grammar,
            d.featurizer(),
            base,
            replays(split.train(), references),
            replays(split.test(), references),
            Dreamer.of(Scorer.of(d), grammar, TaskExamples.inputs(split.train().tasks())),
            config,
            p -> {
              if (p.step() % 1000 == 0 || p.step() == p.steps()) {
                err.printf(
                    Locale.ROOT,
                    "step %d/%d  loss %.3f  %.1f s%n",
                    p.step(),
                    p.steps(),
                    p.meanLoss(),
                    p.seconds());
              }
            });
    PrintWriter out = spec.commandLine().getOut();
    if (json.json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("suite", suite);
      o.put("encoder", r.encoder());
      o.put("rank", rank);
      o.put("parameters", r.parameters());
      o.put("threads", config.threads());
      o.put("batch", config.batchSize());
      o.put("replays", r.training().replays());
      o.put("fantasies", r.fantasies());
      o.put("dream_seconds", r.dreamSeconds());
      o.put("steps", r.training().steps());
      o.put("train_seconds", r.training().seconds());
      o.put("train_cpu_seconds", r.cpuSeconds());
      o.put("steps_per_second", r.training().stepsPerSecond());
      o.put("first_loss", r.training().firstLoss());
      o.put("last_loss", r.training().lastLoss());
      o.put("held_out", r.heldOut());
      o.put("held_out_log_prior_model", r.heldOutLogPriorModel());
      o.put("held_out_log_prior_grammar", r.heldOutLogPriorLibrary());
      out.println(JSON.writeValueAsString(o));
    } else {
      out.printf(
          Locale.ROOT,
          "suite %s: %d training tasks, %d held out; encoder %s, rank %d, %d weights%n",
          suite,
          r.training().replays(),
          r.heldOut(),
          r.encoder(),
          rank,
          r.parameters());
      out.printf(Locale.ROOT, "dreamt %d fantasies in %.1f s%n", r.fantasies(), r.dreamSeconds());
      out.printf(
          Locale.ROOT,
          "%d steps (batch %d, threads %d) in %.1f s wall, %.1f s CPU: %.1f steps/s%n",
          r.training().steps(),
          config.batchSize(),
          config.threads(),
          r.training().seconds(),
          r.cpuSeconds(),
          r.training().stepsPerSecond());
      out.printf(
          Locale.ROOT,
          "loss %.3f -> %.3f nats per task%n",
          r.training().firstLoss(),
          r.training().lastLoss());
      out.printf(
          Locale.ROOT,
          "held-out reference programs: mean log-prior %.3f (model) vs %.3f (uniform grammar),"
              + " %+.3f nats%n",
          r.heldOutLogPriorModel(),
          r.heldOutLogPriorLibrary(),
          r.heldOutGain());
    }
    return ExitCode.OK;
  }

  private static List<TrainingTask> replays(Suite suite, Map<String, Program> references) {
    List<TrainingTask> replays = new ArrayList<>();
    for (Task t : suite.tasks()) {
      Program p = references.get(t.name());
      if (p != null) {
        replays.add(TaskExamples.training(t, ImmutableList.of(new TrainingTask.Entry(p, 0))));
      }
    }
    return replays;
  }
}

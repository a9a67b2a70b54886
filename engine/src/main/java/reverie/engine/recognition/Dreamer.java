package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import reverie.dsl.eval.Budget;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Example;
import reverie.tasks.Scorer;

/**
 * Makes fantasies (DreamCoder's "dreams"): programs sampled from the current grammar, run on the
 * inputs of a real task of the same request type, its outputs made targets by the domain ({@link
 * reverie.tasks.Domain#asTarget}). A sample is discarded when it fails on any input, makes an
 * output no task could have, or returns the same output for every input; of several samples with
 * the same outputs on the same inputs, the smallest program is kept (the first drawn among equals).
 */
public final class Dreamer implements FantasySource {

  /**
   * Draws a program for a request type, or nothing when sampling gave up (too deep, no candidate).
   */
  @FunctionalInterface
  public interface Sampler {
    Optional<Program> sample(Type request, SplittableRandom random);
  }

  /**
   * Runs a program of a request type on every input tuple (so it is compiled once) and gives the
   * targets its outputs make; empty when evaluation fails on any of them (an error, a budget
   * exceeded) or an output is no target. Budgets should count steps rather than time, or fantasies
   * (and so training) stop being reproducible.
   */
  @FunctionalInterface
  public interface Runner {
    Optional<List<Object>> run(Program program, Type request, List<ImmutableList<Object>> tuples);
  }

  /** The inputs of one real task: one tuple per example. */
  public record Inputs(String task, Type request, ImmutableList<ImmutableList<Object>> tuples) {
    public Inputs {
      checkArgument(!tuples.isEmpty(), "task %s has no inputs", task);
      tuples = ImmutableList.copyOf(tuples);
    }
  }

  /** One kept fantasy: the program, where its inputs came from, and its outputs on them. */
  public record Fantasy(Program program, Inputs inputs, ImmutableList<Object> outputs) {}

  private final Sampler sampler;
  private final Runner runner;
  private final ImmutableList<Inputs> inputs;
  private final int attemptsPerFantasy;

  /**
   * @param attemptsPerFantasy how many samples to draw per fantasy asked for before giving up
   *     (failures, constants and duplicates are common)
   */
  public Dreamer(Sampler sampler, Runner runner, List<Inputs> inputs, int attemptsPerFantasy) {
    checkArgument(attemptsPerFantasy > 0, "attempts per fantasy must be positive");
    this.sampler = sampler;
    this.runner = runner;
    this.inputs = ImmutableList.copyOf(inputs);
    this.attemptsPerFantasy = attemptsPerFantasy;
  }

  /**
   * Deepest nesting of choices in a sampled program; deeper samples are dropped (DreamCoder uses
   * depth caps too).
   */
  public static final int MAX_DEPTH = 10;

  /**
   * The standard dreamer of a domain: samples from {@code grammar}, runs and makes targets with the
   * run's {@code scorer} (whose evaluation budget counts steps and cells; its time limit is only a
   * safety net), and tries up to 20 samples per fantasy.
   */
  public static Dreamer of(Scorer scorer, Grammar grammar, List<Inputs> inputs) {
    Sampler sampler =
        (request, random) -> grammar.sample(request, new Random(random.nextLong()), MAX_DEPTH);
    Runner runner =
        (program, request, tuples) -> {
          Budget meter = scorer.meter();
          return scorer.targets(scorer.compile(program), tuples, request.finalResult(), meter);
        };
    return new Dreamer(sampler, runner, inputs, 20);
  }

  /** Up to {@code count} distinct fantasies; fewer when the attempts run out. */
  public List<Fantasy> dream(int count, SplittableRandom random) {
    if (inputs.isEmpty() || count == 0) {
      return List.of();
    }
    // Keyed by (which inputs, outputs): a later, smaller program replaces an earlier one in place,
    // so the
    // order (and thus training) stays deterministic.
    Map<List<Object>, Fantasy> kept = new LinkedHashMap<>();
    long attempts = (long) count * attemptsPerFantasy;
    for (long a = 0; a < attempts && kept.size() < count; a++) {
      Inputs from = inputs.get(random.nextInt(inputs.size()));
      Optional<Program> sampled = sampler.sample(from.request(), random);
      if (sampled.isEmpty()) {
        continue;
      }
      Program program = sampled.get();
      Optional<List<Object>> ran = runner.run(program, from.request(), from.tuples());
      if (ran.isEmpty()) {
        continue;
      }
      List<Object> outputs = ran.get();
      checkArgument(
          outputs.size() == from.tuples().size(),
          "the runner gave %s outputs for %s inputs",
          outputs.size(),
          from.tuples().size());
      if (outputs.size() > 1 && outputs.stream().distinct().count() == 1) {
        continue;
      }
      // Keyed by the inputs themselves, not the task they came from: tasks that share their inputs
      // (every LOGO task starts from the same turtle) would otherwise keep one copy per task.
      List<Object> key = List.of(from.request(), from.tuples(), List.copyOf(outputs));
      Fantasy f = new Fantasy(program, from, ImmutableList.copyOf(outputs));
      Fantasy old = kept.get(key);
      if (old == null || program.size() < old.program().size()) {
        kept.put(key, f);
      }
    }
    return List.copyOf(kept.values());
  }

  /** The examples of a fantasy: its inputs with the targets its program made of them. */
  public static ImmutableList<Example> examples(Fantasy f) {
    ImmutableList.Builder<Example> examples = ImmutableList.builder();
    for (int e = 0; e < f.outputs().size(); e++) {
      examples.add(new Example(f.inputs().tuples().get(e), f.outputs().get(e)));
    }
    return examples.build();
  }

  @Override
  public List<TrainingTask> sample(int count, SplittableRandom random) {
    List<TrainingTask> tasks = new ArrayList<>();
    int i = 0;
    for (Fantasy f : dream(count, random)) {
      tasks.add(
          TrainingTask.of(
              "fantasy-" + i++ + " (inputs of " + f.inputs().task() + ")",
              f.inputs().request(),
              examples(f),
              f.program()));
    }
    return tasks;
  }
}

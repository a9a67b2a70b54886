package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;

/**
 * Makes fantasies (DreamCoder's "dreams"): programs sampled from the current grammar, run on the
 * inputs of a real task of the same request type. A sample is discarded when it fails on any input
 * or returns the same output for every input; of several samples with the same outputs on the same
 * inputs, the smallest program is kept (the first drawn among equals).
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
   * Runs a program on every input tuple (so it is compiled once); empty when evaluation fails on
   * any of them (an error, a budget exceeded). Budgets should count steps rather than time, or
   * fantasies (and so training) stop being reproducible.
   */
  @FunctionalInterface
  public interface Runner {
    Optional<List<Object>> run(Program program, List<ImmutableList<Object>> tuples);
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
  private final BiFunction<Object, Type, JsonNode> toJson;
  private final ImmutableList<Inputs> inputs;
  private final int attemptsPerFantasy;

  /**
   * @param toJson writes a run-time value of a type as JSON (a domain's {@code valueToJson})
   * @param attemptsPerFantasy how many samples to draw per fantasy asked for before giving up
   *     (failures, constants and duplicates are common)
   */
  public Dreamer(
      Sampler sampler,
      Runner runner,
      BiFunction<Object, Type, JsonNode> toJson,
      List<Inputs> inputs,
      int attemptsPerFantasy) {
    checkArgument(attemptsPerFantasy > 0, "attempts per fantasy must be positive");
    this.sampler = sampler;
    this.runner = runner;
    this.toJson = toJson;
    this.inputs = ImmutableList.copyOf(inputs);
    this.attemptsPerFantasy = attemptsPerFantasy;
  }

  /**
   * Deepest nesting of choices in a sampled program; deeper samples are dropped (DreamCoder uses
   * depth caps too).
   */
  public static final int MAX_DEPTH = 10;

  /**
   * Evaluation steps per fantasy input; counted in steps, not time, so that dreaming is
   * reproducible.
   */
  public static final long STEPS = 100_000;

  /**
   * The standard dreamer of a domain: samples from {@code grammar}, runs with the domain's
   * evaluator and a step budget (a 1 s time limit only as a safety net), writes values with the
   * domain's JSON codec, and tries up to 20 samples per fantasy.
   */
  public static Dreamer of(Domain domain, Grammar grammar, List<Inputs> inputs) {
    Evaluator evaluator = new Evaluator(domain.implementations());
    Sampler sampler =
        (request, random) -> grammar.sample(request, new Random(random.nextLong()), MAX_DEPTH);
    Runner runner =
        (program, tuples) -> {
          CompiledProgram compiled = evaluator.compile(program);
          Budget budget = Budget.of(STEPS, 1_000_000_000L, STEPS);
          List<Object> outputs = new ArrayList<>(tuples.size());
          try {
            for (List<Object> tuple : tuples) {
              outputs.add(compiled.run(tuple, budget));
            }
          } catch (EvaluationException e) {
            return Optional.empty();
          }
          return Optional.of(outputs);
        };
    return new Dreamer(sampler, runner, domain::valueToJson, inputs, 20);
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
      Optional<List<Object>> ran = runner.run(program, from.tuples());
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
      List<Object> key = List.of(from, List.copyOf(outputs));
      Fantasy f = new Fantasy(program, from, ImmutableList.copyOf(outputs));
      Fantasy old = kept.get(key);
      if (old == null || program.size() < old.program().size()) {
        kept.put(key, f);
      }
    }
    return List.copyOf(kept.values());
  }

  /**
   * The examples of a fantasy as JSON, in the {@code inputs}/{@code output} form {@link Featurizer}
   * reads.
   */
  public JsonNode examples(Fantasy f) {
    List<Type> argumentTypes = f.inputs().request().functionArguments();
    Type outputType = f.inputs().request().finalResult();
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (int e = 0; e < f.outputs().size(); e++) {
      ObjectNode example = array.addObject();
      ArrayNode in = example.putArray("inputs");
      ImmutableList<Object> tuple = f.inputs().tuples().get(e);
      for (int i = 0; i < tuple.size(); i++) {
        in.add(toJson.apply(tuple.get(i), argumentTypes.get(i)));
      }
      example.set("output", toJson.apply(f.outputs().get(e), outputType));
    }
    return array;
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

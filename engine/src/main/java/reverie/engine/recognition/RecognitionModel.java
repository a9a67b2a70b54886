package reverie.engine.recognition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import reverie.dsl.InputException;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Example;
import reverie.tasks.Featurizer;
import reverie.tasks.ImageFeaturizer;
import reverie.tasks.SequenceFeaturizer;
import reverie.tasks.Task;

/**
 * DreamCoder's recognition model Q(grammar | task): from a task's examples it predicts the
 * log-weights of a contextual grammar over a fixed library, under which that task's solutions
 * should be likely.
 *
 * <p>Pipeline: the domain's {@link Featurizer} (examples to tokens), {@link ExampleEncoder} (tokens
 * to a vector, averaged over examples), tanh hidden layers, a linear layer to one log-weight per
 * (context, production or variable) ({@link OutputLayout}). Training ({@link #train}) maximises the
 * posterior-weighted log-prior of replays and fantasies under the predicted grammar. An untrained
 * model predicts the library's own weights everywhere.
 */
public final class RecognitionModel {
  private final Grammar library;
  private final Featurizer featurizer;
  private final Architecture architecture;
  private final OutputLayout layout;
  private final Network network;
  private final UseCounter counter;
  final double[] parameters;

  RecognitionModel(
      Grammar library, Featurizer featurizer, Architecture architecture, double[] parameters) {
    this.library = library;
    this.featurizer = featurizer;
    this.architecture = architecture;
    this.layout = new OutputLayout(library);
    if (!architecture.reads(featurizer)) {
      throw new InputException(
          "recognition model: a "
              + architecture.encoder()
              + " encoder cannot read featurizer "
              + featurizer.name()
              + "'s "
              + (featurizer instanceof ImageFeaturizer ? "pictures" : "token sequences"));
    }
    this.network =
        new Network(architecture, input(featurizer), layout.contexts(), layout.outputSize());
    this.counter = new UseCounter(layout, ContextualGrammar.fromGrammar(library));
    if (parameters == null) {
      parameters = network.initialise(0);
    }
    if (parameters.length != network.parameterCount) {
      throw new InputException(
          "recognition model: "
              + parameters.length
              + " weights, the architecture needs "
              + network.parameterCount);
    }
    this.parameters = parameters;
  }

  /**
   * A fresh model for {@code library}; the output starts at the library's own weights in every
   * context.
   */
  public static RecognitionModel create(
      Grammar library, Featurizer featurizer, Architecture architecture, long seed) {
    RecognitionModel m = new RecognitionModel(library, featurizer, architecture, null);
    double[] p = m.network.initialise(seed);
    // A zero output layer plus the library's weights as bias: before training, predict == library
    // everywhere.
    m.network.output.zeroTaskDependence(p);
    double[] w = m.libraryLogWeights();
    System.arraycopy(w, 0, p, m.network.output.biasOffset(), w.length);
    System.arraycopy(p, 0, m.parameters, 0, p.length);
    return m;
  }

  /**
   * A fresh model with the standard architecture for the featurizer of {@code domain} (a picture
   * encoder for pictures, the token convolution otherwise).
   */
  public static RecognitionModel create(Grammar library, Domain domain, long seed) {
    return create(library, domain.featurizer(), Architecture.standard(domain.featurizer()), seed);
  }

  /** What the encoder reads: token ids of a vocabulary, or pictures of a shape. */
  private static Network.Input input(Featurizer featurizer) {
    if (featurizer instanceof SequenceFeaturizer s) {
      return Network.Input.tokens(s.vocabularySize());
    }
    if (featurizer instanceof ImageFeaturizer i) {
      return Network.Input.pictures(i.channels(), i.height(), i.width());
    }
    throw new AssertionError(featurizer);
  }

  /** A task's examples as the encoder's input. */
  EncodedTask encode(Type request, List<Example> examples) {
    if (featurizer instanceof SequenceFeaturizer s) {
      return new EncodedTask(s.sequences(request, examples));
    }
    if (featurizer instanceof ImageFeaturizer i) {
      return EncodedTask.pictures(i.images(request, examples));
    }
    throw new AssertionError(featurizer);
  }

  public Grammar library() {
    return library;
  }

  public Featurizer featurizer() {
    return featurizer;
  }

  public Architecture architecture() {
    return architecture;
  }

  /** The number of trainable weights. */
  public int parameterCount() {
    return parameters.length;
  }

  /** A copy of the weights (for tests and analysis). */
  public double[] weights() {
    return parameters.clone();
  }

  /**
   * Trains on {@code replays} (solved tasks' frontiers) and fantasies from {@code fantasies}, mixed
   * by {@code config.helmholtzRatio()}; calls {@code progress} every 100 steps. Replay programs
   * that the library cannot express raise an InputException naming the task.
   */
  public TrainingReport train(
      List<TrainingTask> replays,
      FantasySource fantasies,
      TrainingConfig config,
      Consumer<TrainingProgress> progress) {
    SplittableRandom random = new SplittableRandom(config.seed());
    List<Trainer.Item> replayItems = new ArrayList<>();
    for (TrainingTask t : replays) {
      replayItems.add(item(t));
    }
    List<Trainer.Item> fantasyItems = new ArrayList<>();
    // Never dream more fantasies than the minibatches can draw: a short training run (tests, smoke
    // runs) would otherwise spend its time dreaming.
    double share = replays.isEmpty() ? 1 : config.helmholtzRatio();
    int wanted =
        (int)
            Math.min(
                config.fantasies(),
                Math.ceil((double) config.steps() * config.batchSize() * share));
    if (wanted > 0) {
      for (TrainingTask t : fantasies.sample(wanted, random.split())) {
        fantasyItems.add(item(t));
      }
    }
    return new Trainer(network, parameters)
        .train(replayItems, fantasyItems, config, random, progress);
  }

  Trainer.Item item(TrainingTask task) {
    return new Trainer.Item(encode(task.request(), task.examples()), counts(task));
  }

  /**
   * The posterior-weighted use counts of a frontier (the weights are the softmax of the
   * log-posteriors).
   */
  UseCounts counts(TrainingTask task) {
    double max = Double.NEGATIVE_INFINITY;
    for (TrainingTask.Entry e : task.frontier()) {
      max = Math.max(max, e.logPosterior());
    }
    // All log-posteriors at minus infinity (or NaN) carry no preference: weigh the programs
    // equally.
    boolean flat = !(max > Double.NEGATIVE_INFINITY) || Double.isInfinite(max);
    double z = 0;
    for (TrainingTask.Entry e : task.frontier()) {
      z += flat ? 1 : Math.exp(e.logPosterior() - max);
    }
    UseCounts.Builder b = new UseCounts.Builder();
    for (TrainingTask.Entry e : task.frontier()) {
      UseCounts c;
      try {
        c = counter.count(e.program(), task.request());
      } catch (InputException ex) {
        throw new InputException("task " + task.name() + ": " + ex.getMessage());
      }
      b.addAll(c, (flat ? 1 : Math.exp(e.logPosterior() - max)) / z);
    }
    return b.build();
  }

  /** The predicted contextual grammar for {@code task} (what the enumerator searches it under). */
  public ContextualGrammar predict(Task task) {
    return predict(task.request(), task.examples());
  }

  /** The task embedding of {@code task} (see {@link #embed(Type, List)}). */
  public float[] embed(Task task) {
    return embed(task.request(), task.examples());
  }

  /** The predicted contextual grammar for a task with these examples. */
  public ContextualGrammar predict(Type request, List<Example> examples) {
    return layout.toGrammar(logWeights(request, examples));
  }

  /**
   * The last hidden layer's activations for a task: the representation the SAE analysis studies.
   */
  public float[] embed(Type request, List<Example> examples) {
    EncodedTask encoded = encode(request, examples);
    double[] h =
        network
            .forward(parameters, network.prepare(parameters, List.of(encoded)), encoded)
            .embedding();
    float[] f = new float[h.length];
    for (int i = 0; i < h.length; i++) {
      f[i] = (float) h[i];
    }
    return f;
  }

  /** The size of {@link #embed}'s vectors. */
  public int embeddingSize() {
    return architecture.hidden().isEmpty()
        ? network.encoder.outputSize()
        : architecture.hidden().get(architecture.hidden().size() - 1);
  }

  /**
   * The log-prior of {@code program} under the grammar predicted for the task (DreamCoder's
   * semantics).
   */
  public double logPrior(Type request, List<Example> examples, Program program) {
    return counter.count(program, request).logPrior(logWeights(request, examples));
  }

  /**
   * The log-prior of {@code program} under the library's own grammar (the untrained prediction).
   */
  public double libraryLogPrior(Program program, Type request) {
    return counter.count(program, request).logPrior(libraryLogWeights());
  }

  /** The library's weights laid out as the network's output. */
  double[] libraryLogWeights() {
    double[] w = new double[layout.outputSize()];
    for (int c = 0; c < layout.contexts(); c++) {
      int base = c * layout.width();
      for (int j = 0; j < layout.productionCount(); j++) {
        w[base + j] = library.productions().get(j).logWeight();
      }
      w[base + layout.variableSlot()] = library.logVariable();
    }
    return w;
  }

  double[] logWeights(Type request, List<Example> examples) {
    EncodedTask encoded = encode(request, examples);
    return network.forward(parameters, network.prepare(parameters, List.of(encoded)), encoded)
        .logWeights;
  }

  /**
   * Writes {@code recognition.json} (header) and {@code recognition.bin} (weights) into {@code
   * directory}.
   */
  public void save(Path directory) throws IOException {
    ModelFile.save(this, directory);
  }

  /**
   * Reads a model saved by {@link #save} for a library of {@code domain}'s primitives, with the
   * domain's featurizer. An InputException names the file on a version mismatch, a truncated file,
   * an inconsistent header or a featurizer the domain does not have.
   */
  public static RecognitionModel load(Path directory, Domain domain) throws IOException {
    return ModelFile.load(directory, domain);
  }
}

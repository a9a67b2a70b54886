package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import reverie.dsl.InputException;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.PrimitiveResolver;
import reverie.engine.enumerate.Frontier;

/**
 * DreamCoder's wake-sleep loop with checkpoints. Iteration 0 wakes on every training task and
 * evaluates the test split with the base grammar; each later iteration sleeps on the frontiers
 * found so far (abstraction, then dreaming), wakes on a batch of training tasks with the new
 * library and model, and evaluates the test split with them. After every iteration the state is
 * written as a checkpoint, then {@code metrics.jsonl} and the learning curve are rewritten; {@link
 * #run} resumes from the last checkpoint of its directory, so a killed run loses at most the
 * iteration in progress.
 *
 * <p>(DreamCoder itself wakes first in every iteration; starting later iterations with sleep spares
 * a second search under the unchanged base grammar, so the same number of compressions sees one
 * more wake.)
 *
 * @param <M> the recognition model type
 */
public final class WakeSleepLoop<M> {

  /** The names of the training and test tasks, in a fixed order. */
  public record Split(ImmutableList<String> train, ImmutableList<String> test) {
    public Split {
      train = ImmutableList.copyOf(train);
      test = ImmutableList.copyOf(test);
    }
  }

  /** How the run ended: the last checkpoint written and whether it stopped early on request. */
  public record Outcome<M>(Checkpoint<M> last, boolean stopped) {}

  private final CheckpointStore store;
  private final Split split;
  private final Grammar base;
  private final PrimitiveResolver resolver;
  private final WakePhase<M> wake;
  private final AbstractionPhase abstraction;
  private final DreamPhase<M> dream;
  private final ProgressListener progress;
  private final StopSignal stop;
  private boolean drawCurve = true;

  public WakeSleepLoop(
      CheckpointStore store,
      Split split,
      Grammar base,
      PrimitiveResolver resolver,
      WakePhase<M> wake,
      AbstractionPhase abstraction,
      DreamPhase<M> dream,
      ProgressListener progress,
      StopSignal stop) {
    this.store = store;
    this.split = split;
    this.base = base;
    this.resolver = resolver;
    this.wake = wake;
    this.abstraction = abstraction;
    this.dream = dream;
    this.progress = progress;
    this.stop = stop;
  }

  /**
   * Whether the learning curve images are redrawn after every iteration (on by default; tests turn
   * it off).
   */
  public WakeSleepLoop<M> drawCurve(boolean draw) {
    this.drawCurve = draw;
    return this;
  }

  /**
   * Runs (or continues) the loop up to the configured number of iterations; stops early, after the
   * last complete checkpoint, when the stop signal is raised.
   */
  public Outcome<M> run() {
    RunConfig config = store.config();
    OptionalInt latest = store.latest();
    Checkpoint<M> state;
    if (latest.isPresent()) {
      state = store.load(latest.getAsInt(), resolver, dream);
      if (!state.trainTasks().equals(split.train()) || !state.testTasks().equals(split.test())) {
        throw new InputException(
            "checkpoint "
                + store.folder(state.iteration())
                + " was made with other training or test tasks than "
                + config.source()
                + " gives now");
      }
      // Only now, with a verified checkpoint, is anything in the directory changed.
      store.removePartials();
      progress.message(
          String.format(
              Locale.ROOT,
              "resuming %s after iteration %d of %d",
              store.directory(),
              state.iteration(),
              config.iterations()));
    } else {
      store.removePartials();
      Optional<Checkpoint<M>> first = iterationZero(config);
      if (first.isEmpty()) {
        return new Outcome<>(null, true);
      }
      state = first.get();
      finishIteration(state);
    }
    while (state.iteration() < config.iterations()) {
      Optional<Checkpoint<M>> next = iterate(state);
      if (next.isEmpty()) {
        progress.message(
            "stopped; the last complete checkpoint is iteration "
                + state.iteration()
                + "; continue with --resume "
                + store.directory());
        return new Outcome<>(state, true);
      }
      state = next.get();
      finishIteration(state);
    }
    // Rewritten on resume too, in case the kill came between the checkpoint and these files.
    writeSummaries(state);
    return new Outcome<>(state, false);
  }

  private Optional<Checkpoint<M>> iterationZero(RunConfig config) {
    PhaseContext context = context(config, 0);
    progress.message(
        String.format(
            Locale.ROOT,
            "iteration 0 of %d: base grammar, %d training and %d test tasks",
            config.iterations(),
            split.train().size(),
            split.test().size()));
    long t0 = System.nanoTime();
    // No solutions yet: the contextual prior is the base grammar in every context.
    ContextualGrammar prior = Refit.contextualPrior(base, ImmutableMap.of());
    WakePhase.Result woken =
        wake.solve(split.train(), base, prior, Optional.empty(), context.forPhase("wake"));
    double wakeSeconds = seconds(t0);
    if (stop.requested()) {
      return Optional.empty();
    }
    long t1 = System.nanoTime();
    WakePhase.Result tested =
        wake.solve(split.test(), base, prior, Optional.empty(), context.forPhase("test"));
    double testSeconds = seconds(t1);
    if (stop.requested()) {
      return Optional.empty();
    }
    ImmutableMap<String, Frontier> frontiers = solvedOnly(woken.frontiers(), split.train());
    ImmutableMap<String, Frontier> test = solvedOnly(tested.frontiers(), split.test());
    IterationMetrics m =
        metrics(
            0,
            base,
            frontiers,
            test,
            wakeSeconds,
            0,
            0,
            testSeconds,
            woken.programsEnumerated() + tested.programsEnumerated());
    return Optional.of(
        new Checkpoint<>(
            0,
            config,
            base,
            split.train(),
            split.test(),
            frontiers,
            test,
            Optional.empty(),
            ImmutableList.of(m)));
  }

  private Optional<Checkpoint<M>> iterate(Checkpoint<M> previous) {
    RunConfig config = store.config();
    int iteration = previous.iteration() + 1;
    PhaseContext context = context(config, iteration);
    progress.message(
        String.format(Locale.ROOT, "iteration %d of %d", iteration, config.iterations()));

    long t0 = System.nanoTime();
    AbstractionPhase.Result learned =
        abstraction.learn(
            previous.grammar(), previous.frontiers(), context.forPhase("abstraction"));
    double abstractionSeconds = seconds(t0);
    if (stop.requested()) {
      return Optional.empty();
    }
    Grammar grammar = learned.grammar();
    Map<String, Frontier> frontiers =
        new LinkedHashMap<>(solvedOnly(learned.frontiers(), split.train()));

    long t1 = System.nanoTime();
    Optional<M> model =
        config.recognition()
            ? dream.dream(
                grammar,
                ImmutableMap.copyOf(frontiers),
                previous.model(),
                context.forPhase("dream"))
            : Optional.empty();
    double dreamSeconds = seconds(t1);
    if (stop.requested()) {
      return Optional.empty();
    }

    long t2 = System.nanoTime();
    ImmutableList<String> batch = batch(config, iteration, frontiers.keySet());
    WakePhase.Result woken =
        wake.solve(
            batch,
            grammar,
            Refit.contextualPrior(grammar, frontiers),
            model,
            context.forPhase("wake"));
    for (Frontier f : woken.frontiers().values()) {
      if (!f.isEmpty() && split.train().contains(f.task())) {
        // The wake scored its programs under this grammar; a kept score for the same program may be
        // older.
        Frontier kept = frontiers.get(f.task());
        frontiers.put(
            f.task(),
            kept == null ? f.topK(config.topK()) : kept.mergePreferringNewer(f, config.topK()));
      }
    }
    double wakeSeconds = seconds(t2);
    if (stop.requested()) {
      return Optional.empty();
    }

    long t3 = System.nanoTime();
    // The prior of the test is the checkpoint's (Checkpoint#prior): fitted to this wake's solutions
    // too, as `reverie solve --checkpoint` will search.
    WakePhase.Result tested =
        wake.solve(
            split.test(),
            grammar,
            Refit.contextualPrior(grammar, solvedOnly(frontiers, split.train())),
            model,
            context.forPhase("test"));
    double testSeconds = seconds(t3);
    if (stop.requested()) {
      return Optional.empty();
    }
    ImmutableMap<String, Frontier> train = solvedOnly(frontiers, split.train());
    ImmutableMap<String, Frontier> test = solvedOnly(tested.frontiers(), split.test());
    IterationMetrics m =
        metrics(
            iteration,
            grammar,
            train,
            test,
            wakeSeconds,
            abstractionSeconds,
            dreamSeconds,
            testSeconds,
            woken.programsEnumerated() + tested.programsEnumerated());
    ImmutableList<IterationMetrics> rows =
        ImmutableList.<IterationMetrics>builder().addAll(previous.metrics()).add(m).build();
    return Optional.of(
        new Checkpoint<>(
            iteration, config, grammar, split.train(), split.test(), train, test, model, rows));
  }

  private void finishIteration(Checkpoint<M> state) {
    store.write(state, dream);
    writeSummaries(state);
    IterationMetrics m = state.last();
    progress.message(
        String.format(
            Locale.ROOT,
            "iteration %d done: train %d/%d, test %d/%d, library %d inventions (depth %d), checkpoint %s",
            m.iteration(),
            m.trainSolved(),
            m.trainTotal(),
            m.testSolved(),
            m.testTotal(),
            m.librarySize(),
            m.libraryDepth(),
            store.folder(m.iteration())));
  }

  private void writeSummaries(Checkpoint<M> state) {
    store.writeMetrics(state.metrics());
    if (drawCurve) {
      LearningCurve.write(
          store.directory(), state.metrics(), "Reverie on " + state.config().source());
    }
  }

  /**
   * The training tasks to wake on: all of them, or {@code batchSize} of them with the unsolved
   * first, each group in an order drawn from the iteration's seed.
   */
  static ImmutableList<String> batch(
      RunConfig config, int iteration, java.util.Set<String> solved, ImmutableList<String> train) {
    if (config.batchSize() == 0 || config.batchSize() >= train.size()) {
      return train;
    }
    Random random = new Random(iterationSeed(config.seed(), iteration) ^ 0x5DEECE66DL);
    List<String> unsolved = new ArrayList<>();
    List<String> done = new ArrayList<>();
    for (String t : train) {
      (solved.contains(t) ? done : unsolved).add(t);
    }
    Collections.shuffle(unsolved, random);
    Collections.shuffle(done, random);
    unsolved.addAll(done);
    return ImmutableList.copyOf(unsolved.subList(0, config.batchSize()));
  }

  private ImmutableList<String> batch(
      RunConfig config, int iteration, java.util.Set<String> solved) {
    return batch(config, iteration, solved, split.train());
  }

  private PhaseContext context(RunConfig config, int iteration) {
    return new PhaseContext(
        config, iteration, "wake", iterationSeed(config.seed(), iteration), progress, stop);
  }

  /**
   * A seed for one iteration, derived from the run's seed so that a resumed run draws the same
   * numbers.
   */
  static long iterationSeed(long seed, int iteration) {
    long z = seed + 0x9E3779B97F4A7C15L * (iteration + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static IterationMetrics metrics(
      int iteration,
      Grammar grammar,
      Map<String, Frontier> train,
      Map<String, Frontier> test,
      double wakeSeconds,
      double abstractionSeconds,
      double dreamSeconds,
      double testSeconds,
      long programs,
      int trainTotal,
      int testTotal) {
    LibraryView library = new LibraryView(grammar);
    double sum = 0;
    int solved = 0;
    for (Frontier f : train.values()) {
      if (!f.isEmpty()) {
        sum += f.entries().stream().mapToDouble(s -> -s.logPrior()).min().orElseThrow();
        solved++;
      }
    }
    int testSolved = (int) test.values().stream().filter(f -> !f.isEmpty()).count();
    return new IterationMetrics(
        iteration,
        solved,
        trainTotal,
        testSolved,
        testTotal,
        library.inventions().size(),
        library.depth(),
        solved == 0 ? Double.NaN : sum / solved,
        wakeSeconds,
        abstractionSeconds,
        dreamSeconds,
        testSeconds,
        programs);
  }

  private IterationMetrics metrics(
      int iteration,
      Grammar grammar,
      Map<String, Frontier> train,
      Map<String, Frontier> test,
      double wakeSeconds,
      double abstractionSeconds,
      double dreamSeconds,
      double testSeconds,
      long programs) {
    return metrics(
        iteration,
        grammar,
        train,
        test,
        wakeSeconds,
        abstractionSeconds,
        dreamSeconds,
        testSeconds,
        programs,
        split.train().size(),
        split.test().size());
  }

  /** The solved frontiers of the named tasks, in the order of {@code names}. */
  private static ImmutableMap<String, Frontier> solvedOnly(
      Map<String, Frontier> frontiers, ImmutableList<String> names) {
    ImmutableMap.Builder<String, Frontier> b = ImmutableMap.builder();
    for (String n : names) {
      Frontier f = frontiers.get(n);
      if (f != null && !f.isEmpty()) {
        b.put(n, f);
      }
    }
    return b.buildOrThrow();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}

package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Invented;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.type.Type;
import reverie.engine.compress.FunctionProbe;
import reverie.engine.compress.InventionHygiene;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;
import reverie.tasks.Suite;
import reverie.tasks.Suites;
import reverie.tasks.Task;

/**
 * The tasks of a run, made from its {@link RunConfig}: the suite (built-in or file) split into
 * training and test tasks by the run's seed (DreamCoder's split, which keeps a member of every task
 * family in training), or all of it for training and a second source for test; the domain and its
 * base grammar, and a {@link TaskRunner} over all of them.
 */
public final class RunTasks {
  private final Suite suite;
  private final Domain domain;
  private final ImmutableMap<String, Task> byName;
  private final WakeSleepLoop.Split split;
  private final TaskRunner runner;
  private final Scorer scorer;
  private FunctionProbe probe;

  /** The seed of the probe's sampled values: fixed, so that hygiene is the same in every run. */
  private static final long PROBE_SEED = 17;

  private RunTasks(Suite suite, Domain domain, Suite.Split s) {
    this.suite = suite;
    this.domain = domain;
    this.scorer = Scorer.of(domain);
    ImmutableMap.Builder<String, Task> b = ImmutableMap.builder();
    suite.tasks().forEach(t -> b.put(t.name(), t));
    this.byName = b.buildOrThrow();
    this.split = new WakeSleepLoop.Split(names(s.train()), names(s.test()));
    this.runner = new TaskRunner(byName, scorer);
  }

  /**
   * Loads the configured suite from {@code domains} and splits it: by the configured fraction, or,
   * with a test source, all of it for training and all of the test source for test. An {@link
   * InputException} when a source is unknown or malformed, when the two are of different domains,
   * or when a task name is in both.
   */
  public static RunTasks of(RunConfig config, Domains domains) {
    Suite suite = load(config.suite(), config.file(), domains);
    Domain domain = domains.of(suite);
    if (!config.hasTestSource()) {
      return new RunTasks(suite, domain, suite.splitKeepingFamilies(config.split(), config.seed()));
    }
    Suite test = load(config.testSuite(), config.testFile(), domains);
    if (!test.domain().equals(suite.domain())) {
      throw new InputException(
          "the test tasks ("
              + describe(config.testSuite(), config.testFile())
              + ") are of domain "
              + test.domain()
              + ", the training tasks of "
              + suite.domain());
    }
    Set<String> names = new HashSet<>(names(suite));
    for (Task t : test.tasks()) {
      if (names.contains(t.name())) {
        throw new InputException(
            describe(config.testSuite(), config.testFile())
                + ": task '"
                + t.name()
                + "' is also a training task (names must differ between the two sources)");
      }
    }
    Suite both =
        new Suite(
            suite.name() + "+" + test.name(),
            suite.domain(),
            ImmutableList.<Task>builder().addAll(suite.tasks()).addAll(test.tasks()).build());
    return new RunTasks(both, domain, new Suite.Split(suite, test));
  }

  private static Suite load(Optional<String> suite, Optional<String> file, Domains domains) {
    return suite.isPresent()
        ? domains.suite(suite.get())
        : Suites.load(Path.of(file.orElseThrow()), domains);
  }

  private static String describe(Optional<String> suite, Optional<String> file) {
    return suite.map(s -> "suite '" + s + "'").orElseGet(() -> "file " + file.orElseThrow());
  }

  private static ImmutableList<String> names(Suite s) {
    return s.tasks().stream().map(Task::name).collect(ImmutableList.toImmutableList());
  }

  public Suite suite() {
    return suite;
  }

  public Domain domain() {
    return domain;
  }

  /** The tasks by name. */
  public ImmutableMap<String, Task> tasks() {
    return byName;
  }

  public PrimitiveResolver resolver() {
    return domain.resolver();
  }

  public WakeSleepLoop.Split split() {
    return split;
  }

  public TaskRunner runner() {
    return runner;
  }

  /** The one scorer of the run: wake, test, re-check and fantasies all use it. */
  public Scorer scorer() {
    return scorer;
  }

  /** The grammar of iteration 0: every primitive of the domain, uniform. */
  public Grammar baseGrammar() {
    return Grammar.uniform(domain.primitives());
  }

  /**
   * What refuses redundant inventions against {@code grammar}: the domain's symmetry rules, and a
   * probe of behaviour on the training tasks' values.
   */
  public InventionHygiene hygiene(Grammar grammar) {
    return new InventionHygiene(grammar, domain.symmetries(), Optional.of(probe()));
  }

  /** Runs functions on values of the training tasks (and sampled ones), for hygiene and reports. */
  public synchronized FunctionProbe probe() {
    if (probe == null) {
      List<Task> train = new ArrayList<>();
      split.train().forEach(n -> train.add(byName.get(n)));
      probe = FunctionProbe.of(scorer, train, baseGrammar(), PROBE_SEED);
    }
    return probe;
  }

  /**
   * The library report of a checkpoint of this run, with example applications evaluated on its
   * tasks.
   */
  public LibraryReport libraryReport(Checkpoint<?> checkpoint) {
    FunctionProbe p = probe();
    InventionHygiene hygiene = hygiene(checkpoint.grammar());
    return LibraryReport.of(
        checkpoint,
        runner,
        new LibraryReport.Redundancy() {
          @Override
          public Optional<String> agreement(Invented a, Type aType, Invented b, Type bType) {
            return p.agreement(a, aType, b, bType);
          }

          @Override
          public Optional<String> prunedShape(Invented invention) {
            return hygiene.prunedShape(invention);
          }
        });
  }
}

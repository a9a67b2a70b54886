package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.PrimitiveResolver;
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
 * family in training), the domain and its base grammar, and a {@link TaskRunner} over all of them.
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

  private RunTasks(RunConfig config, Suite suite, Domain domain) {
    this.suite = suite;
    this.domain = domain;
    this.scorer = Scorer.of(domain);
    ImmutableMap.Builder<String, Task> b = ImmutableMap.builder();
    suite.tasks().forEach(t -> b.put(t.name(), t));
    this.byName = b.buildOrThrow();
    Suite.Split s = suite.splitKeepingFamilies(config.split(), config.seed());
    this.split = new WakeSleepLoop.Split(names(s.train()), names(s.test()));
    this.runner = new TaskRunner(byName, scorer);
  }

  /**
   * Loads the configured suite from {@code domains}; an {@link reverie.dsl.InputException} when it
   * is unknown or malformed.
   */
  public static RunTasks of(RunConfig config, Domains domains) {
    Suite suite =
        config.suite().isPresent()
            ? domains.suite(config.suite().get())
            : Suites.load(Path.of(config.file().orElseThrow()), domains);
    return new RunTasks(config, suite, domains.of(suite));
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
    return LibraryReport.of(checkpoint, runner, (a, at, b, bt) -> p.agreement(a, at, b, bt));
  }
}

package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.PrimitiveResolver;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;
import reverie.tasks.Suite;
import reverie.tasks.Suites;
import reverie.tasks.Task;

/**
 * The tasks of a run, made from its {@link RunConfig}: the suite (built-in or file) split into
 * training and test tasks, by the suite's own marks ({@link Suite#ownSplit}, DreamCoder's fixed
 * split of its LOGO tasks) or by the run's seed (DreamCoder's list split, which keeps a member of
 * every task family in training), the domain and its base grammar, and a {@link TaskRunner} over
 * all of them.
 */
public final class RunTasks {
  private final Suite suite;
  private final Domain domain;
  private final ImmutableMap<String, Task> byName;
  private final WakeSleepLoop.Split split;
  private final TaskRunner runner;
  private final Scorer scorer;

  private RunTasks(RunConfig config, Suite suite, Domain domain) {
    this.suite = suite;
    this.domain = domain;
    this.scorer = Scorer.of(domain);
    ImmutableMap.Builder<String, Task> b = ImmutableMap.builder();
    suite.tasks().forEach(t -> b.put(t.name(), t));
    this.byName = b.buildOrThrow();
    Suite.Split s =
        config.ownSplit()
            ? suite
                .ownSplit()
                .orElseThrow(
                    () ->
                        new InputException(
                            config.source()
                                + " marks no training tasks of its own (a task's \"train\":"
                                + " true); give --split FRACTION"))
            : suite.splitKeepingFamilies(config.split(), config.seed());
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
    return domain.baseGrammar();
  }

  /**
   * The library report of a checkpoint of this run, with example applications evaluated on its
   * tasks.
   */
  public LibraryReport libraryReport(Checkpoint<?> checkpoint) {
    return LibraryReport.of(checkpoint, runner);
  }
}

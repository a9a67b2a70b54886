package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Example;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

class SolverTest {
  private static final Domain LISTS = Domains.installed().byName("lists");
  private static final Scorer SCORER = Scorer.of(LISTS);
  private static final Grammar UNIFORM = Grammar.uniform(LISTS.primitives());

  /**
   * A task whose outputs are those of {@code solution} on random inputs (random outputs if null).
   */
  static Task task(String name, String request, String solution, long seed) {
    Type t = Type.parse(request);
    Task random = EnumerationBenchmark.unsolvable(LISTS, t, new Random(seed));
    if (solution == null) {
      return new Task(name, t, random.examples(), "lists");
    }
    CompiledProgram compiled = SCORER.compile(Program.parse(solution, LISTS.resolver()));
    List<Example> examples = new ArrayList<>();
    for (Example e : random.examples()) {
      examples.add(new Example(e.inputs(), compiled.run(e.inputs(), SCORER.meter())));
    }
    return new Task(name, t, ImmutableList.copyOf(examples), "lists");
  }

  @Test
  void findsSimpleProgramsKeepsTopKAndChargesTheUnsolvedTheirTimeout() {
    List<Task> tasks =
        List.of(
            task("tail", "list(int) -> list(int)", "(lambda (cdr $0))", 1),
            task("length", "list(int) -> int", "(lambda (length $0))", 2),
            task("increment", "list(int) -> list(int)", "(lambda (map (lambda (+ 1 $0)) $0))", 3),
            task("noise", "list(int) -> list(int)", null, 4));
    ContextualGrammar g = ContextualGrammar.fromGrammar(UNIFORM);
    AtomicInteger reports = new AtomicInteger();
    SolveConfig config =
        SolveConfig.defaults()
            .withTimeout(1.0)
            .withThreads(2)
            .withTopK(3)
            .withListener(p -> reports.incrementAndGet());
    SolveResult result = Solver.solve(tasks, t -> g, config, SCORER);
    assertEquals(4, result.tasks().size());
    for (TaskResult r : result.tasks()) {
      Task t = r.task();
      if (t.name().equals("noise")) {
        assertTrue(r.frontier().isEmpty());
        assertTrue(r.seconds() >= 0.9, () -> "charged " + r.seconds());
        continue;
      }
      assertTrue(!r.frontier().isEmpty(), () -> t.name() + " unsolved");
      assertTrue(r.frontier().entries().size() <= 3);
      for (FrontierEntry e : r.frontier().entries()) {
        assertEquals(UNIFORM.logPrior(e.program(), t.request()), e.logPrior(), 1e-9);
        assertEquals(0.0, e.logLikelihood());
        assertTrue(SCORER.check(t, e.program()).passed(), e.program()::toString);
      }
    }
    assertEquals(
        "(lambda (cdr $0))",
        result.tasks().get(0).frontier().best().orElseThrow().program().toString());
    assertTrue(result.cpuSeconds() <= 4 * 1.0 + 0.5, () -> "cpu " + result.cpuSeconds());
    assertTrue(reports.get() > 0);
  }

  @Test
  void solvesWithInventionsWhoseBodiesHaveLambdas() {
    // Inventions learned by compression close over their own lambdas; the fast checker must run
    // them.
    Program addAll =
        Program.parse("#(lambda (lambda (map (lambda (+ $0 $2)) $0)))", LISTS.resolver());
    List<Program> library = new ArrayList<>(LISTS.primitives());
    library.add(addAll);
    ContextualGrammar g = ContextualGrammar.fromGrammar(Grammar.uniform(library));
    Task t =
        task("add two", "list(int) -> list(int)", "(lambda (map (lambda (+ $0 (+ 1 1))) $0))", 9);
    SolveResult result =
        Solver.solve(
            List.of(t), x -> g, SolveConfig.defaults().withTimeout(2.0).withThreads(1), SCORER);
    Program best = result.tasks().get(0).frontier().best().orElseThrow().program();
    assertTrue(best.toString().contains("#(lambda"), best::toString);
  }

  @Test
  void aTaskSolvedInsideTheFirstFlushIntervalCountsItsPrograms() {
    // (cdr $0) is among the first programs of a uniform grammar, far fewer than a flush interval.
    Task t = task("tail", "list(int) -> list(int)", "(lambda (cdr $0))", 7);
    SolveResult result =
        Solver.solve(
            List.of(t),
            UNIFORM,
            SolveConfig.defaults().withTimeout(2.0).withThreads(1).withTopK(1),
            SCORER);
    TaskResult r = result.tasks().get(0);
    assertTrue(r.frontier().best().isPresent());
    assertTrue(r.programsTried() >= 1 && r.programsTried() < 256, () -> "" + r.programsTried());
  }

  @Test
  void aGrammarPerTask() {
    Task plain = task("tail", "list(int) -> list(int)", "(lambda (cdr $0))", 7);
    Task tuned = new Task("tail again", plain.request(), plain.examples(), "lists");
    double[] weights = UNIFORM.logWeights();
    weights[UNIFORM.indexOf(Program.parse("cdr", LISTS.resolver()))] = 3.0;
    ContextualGrammar favoursCdr =
        ContextualGrammar.fromGrammar(UNIFORM.withLogWeights(0.0, weights));
    ContextualGrammar uniform = ContextualGrammar.fromGrammar(UNIFORM);
    SolveResult result =
        Solver.solve(
            List.of(plain, tuned),
            t -> t == tuned ? favoursCdr : uniform,
            SolveConfig.defaults().withTimeout(1).withThreads(2).withTopK(1),
            SCORER);
    assertEquals(2, result.solved());
    assertEquals(plain, result.tasks().get(0).task());
    FrontierEntry a = result.tasks().get(0).frontier().best().orElseThrow();
    FrontierEntry b = result.tasks().get(1).frontier().best().orElseThrow();
    assertEquals("(lambda (cdr $0))", a.program().toString());
    assertEquals(uniform.logPrior(a.program(), plain.request()), a.logPrior(), 1e-9);
    assertEquals(favoursCdr.logPrior(b.program(), plain.request()), b.logPrior(), 1e-9);
    assertTrue(b.logPrior() > a.logPrior());
    assertEquals(2, result.frontiers().size());
  }

  @Test
  void maxDescriptionLengthEndsTheSearch() {
    Task noise = task("noise", "list(int) -> int", null, 5);
    SolveConfig config =
        SolveConfig.defaults().withTimeout(100).withThreads(1).withMaxDescriptionLength(8);
    SolveResult result = Solver.solve(List.of(noise), UNIFORM, config, SCORER);
    assertTrue(result.tasks().get(0).frontier().isEmpty());
    assertTrue(result.wallSeconds() < 50);
  }
}

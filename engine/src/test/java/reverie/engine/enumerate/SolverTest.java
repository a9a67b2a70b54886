package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

class SolverTest {
  private static final Domain LISTS = Domains.byName("lists");
  private static final Grammar UNIFORM = Grammar.uniform(LISTS.primitives());

  /**
   * A problem whose outputs are those of {@code solution} on random inputs (random outputs if
   * null).
   */
  private static Solver.Problem problem(String name, String request, String solution, long seed) {
    Type t = Type.parse(request);
    List<List<Object>> inputs = new ArrayList<>();
    List<Object> outputs = new ArrayList<>();
    EnumerationBenchmark.unsolvable(LISTS, t, new Random(seed), inputs, outputs);
    if (solution != null) {
      var compiled =
          new Evaluator(LISTS.implementations()).compile(Program.parse(solution, LISTS.resolver()));
      outputs.clear();
      for (List<Object> in : inputs) {
        outputs.add(compiled.run(in, Budget.standard()));
      }
    }
    return new Solver.Problem(name, t, "lists", inputs, outputs, null);
  }

  @Test
  void findsSimpleProgramsKeepsTopKAndChargesTheUnsolvedTheirTimeout() {
    List<Solver.Problem> problems =
        List.of(
            problem("tail", "list(int) -> list(int)", "(lambda (cdr $0))", 1),
            problem("length", "list(int) -> int", "(lambda (length $0))", 2),
            problem(
                "increment", "list(int) -> list(int)", "(lambda (map (lambda (+ 1 $0)) $0))", 3),
            problem("noise", "list(int) -> list(int)", null, 4));
    ContextualGrammar g = ContextualGrammar.fromGrammar(UNIFORM);
    AtomicInteger reports = new AtomicInteger();
    SolveConfig config =
        SolveConfig.defaults()
            .withTimeout(1.0)
            .withThreads(2)
            .withTopK(3)
            .withListener(p -> reports.incrementAndGet());
    Solver.Outcome outcome = Solver.solveProblems(problems, p -> g, config);
    assertEquals(4, outcome.results().size());
    Evaluator official = new Evaluator(LISTS.implementations());
    for (Solver.ProblemResult r : outcome.results()) {
      Solver.Problem p = r.problem();
      if (p.name().equals("noise")) {
        assertTrue(r.frontier().isEmpty());
        assertTrue(r.seconds() >= 0.9, () -> "charged " + r.seconds());
        continue;
      }
      assertTrue(!r.frontier().isEmpty(), () -> p.name() + " unsolved");
      assertTrue(r.frontier().entries().size() <= 3);
      for (FrontierEntry e : r.frontier().entries()) {
        assertEquals(UNIFORM.logPrior(e.program(), p.request()), e.logPrior(), 1e-9);
        var c = official.compile(e.program());
        for (int i = 0; i < p.inputs().size(); i++) {
          assertEquals(
              p.outputs().get(i),
              c.run(p.inputs().get(i), Budget.standard()),
              e.program()::toString);
        }
      }
    }
    assertEquals(
        "(lambda (cdr $0))",
        outcome.results().get(0).frontier().best().orElseThrow().program().toString());
    assertTrue(outcome.cpuSeconds() <= 4 * 1.0 + 0.5, () -> "cpu " + outcome.cpuSeconds());
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
    Solver.Problem p =
        problem(
            "add two", "list(int) -> list(int)", "(lambda (map (lambda (+ $0 (+ 1 1))) $0))", 9);
    Solver.Outcome outcome =
        Solver.solveProblems(
            List.of(p), x -> g, SolveConfig.defaults().withTimeout(2.0).withThreads(1));
    Program best = outcome.results().get(0).frontier().best().orElseThrow().program();
    assertTrue(best.toString().contains("#(lambda"), best::toString);
  }

  @Test
  void aTaskSolvedInsideTheFirstFlushIntervalCountsItsPrograms() {
    // (cdr $0) is among the first programs of a uniform grammar, far fewer than a flush interval.
    Solver.Problem p = problem("tail", "list(int) -> list(int)", "(lambda (cdr $0))", 7);
    Solver.Outcome outcome =
        Solver.solveProblems(
            List.of(p),
            x -> ContextualGrammar.fromGrammar(UNIFORM),
            SolveConfig.defaults().withTimeout(2.0).withThreads(1).withTopK(1));
    Solver.ProblemResult r = outcome.results().get(0);
    assertTrue(r.frontier().best().isPresent());
    assertTrue(r.programsTried() >= 1 && r.programsTried() < 256, () -> "" + r.programsTried());
  }

  @Test
  void publicApiTakesTasksAndAGrammarPerTask() {
    Solver.Problem p = problem("tail", "list(int) -> list(int)", "(lambda (cdr $0))", 7);
    List<reverie.tasks.Example> examples = new ArrayList<>();
    for (int i = 0; i < p.inputs().size(); i++) {
      examples.add(reverie.tasks.Example.of(p.inputs().get(i), p.outputs().get(i)));
    }
    reverie.tasks.Task plain =
        new reverie.tasks.Task(
            "tail", p.request(), com.google.common.collect.ImmutableList.copyOf(examples), "lists");
    reverie.tasks.Task tuned =
        new reverie.tasks.Task("tail again", p.request(), plain.examples(), "lists");
    double[] weights = UNIFORM.logWeights();
    weights[UNIFORM.indexOf(Program.parse("cdr", LISTS.resolver()))] = 3.0;
    ContextualGrammar favoursCdr =
        ContextualGrammar.fromGrammar(UNIFORM.withLogWeights(0.0, weights));
    ContextualGrammar uniform = ContextualGrammar.fromGrammar(UNIFORM);
    SolveResult result =
        Solver.solve(
            List.of(plain, tuned),
            t -> t == tuned ? favoursCdr : uniform,
            SolveConfig.defaults().withTimeout(1).withThreads(2).withTopK(1));
    assertEquals(2, result.solved());
    assertEquals(plain, result.tasks().get(0).task());
    FrontierEntry a = result.tasks().get(0).frontier().best().orElseThrow();
    FrontierEntry b = result.tasks().get(1).frontier().best().orElseThrow();
    assertEquals("(lambda (cdr $0))", a.program().toString());
    assertEquals(uniform.logPrior(a.program(), p.request()), a.logPrior(), 1e-9);
    assertEquals(favoursCdr.logPrior(b.program(), p.request()), b.logPrior(), 1e-9);
    assertTrue(b.logPrior() > a.logPrior());
    assertEquals(2, result.frontiers().size());
  }

  @Test
  void maxDescriptionLengthEndsTheSearch() {
    List<Solver.Problem> problems = List.of(problem("noise", "list(int) -> int", null, 5));
    SolveConfig config =
        SolveConfig.defaults().withTimeout(100).withThreads(1).withMaxDescriptionLength(8);
    Solver.Outcome outcome =
        Solver.solveProblems(problems, p -> ContextualGrammar.fromGrammar(UNIFORM), config);
    assertTrue(outcome.results().get(0).frontier().isEmpty());
    assertTrue(outcome.wallSeconds() < 50);
  }
}

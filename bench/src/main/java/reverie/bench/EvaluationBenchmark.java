package reverie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.eval.ListValue;
import reverie.dsl.program.Program;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/**
 * Evaluation throughput on the list domain: typical list programs (and failing candidates, as the
 * enumerator meets them) on 15 random examples each. Scores are program-example runs per second, or
 * candidates per second where each candidate is compiled and run until its first failing example.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvaluationBenchmark {
  static final String[] PROGRAMS = {
    "(lambda (map (lambda (+ $0 1)) $0))",
    "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))",
    "(lambda (fold $0 empty (lambda (lambda (if (gt? $1 3) (cons $1 $0) $0)))))",
    "(lambda (map (lambda (index $0 $1)) (range (length $0))))",
    "(lambda (unfold $0 (lambda (empty? $0)) (lambda (car $0)) (lambda (cdr $0))))",
    "(lambda (cons (car $0) (cdr (cdr $0))))",
    "(lambda (map (lambda (mod $0 (+ 1 1))) (cdr $0)))",
    "(lambda (length (map (lambda (car empty)) $0)))",
  };

  /** Small candidates as the enumerator meets them: they fail on the first example. */
  static final String[] CANDIDATES = {
    "(lambda (cdr (cdr (cdr (cdr (cdr (cdr (cdr (cdr $0)))))))))",
    "(lambda (map (lambda (car empty)) $0))",
    "(lambda (cons (index (+ 1 1) empty) $0))",
    "(lambda (map (lambda (- $0 (car (cdr empty)))) $0))",
  };

  static final int EXAMPLES = 15;

  private final Budget budget = Budget.standard();
  private Evaluator evaluator;
  private List<Program> programs;
  private List<CompiledProgram> compiled;
  private List<Program> candidates;
  private List<List<Object>> inputs;

  @Setup
  public void setup() {
    Domain lists = Domains.installed().byName("lists");
    evaluator = new Evaluator(lists.implementations());
    programs = new ArrayList<>();
    compiled = new ArrayList<>();
    for (String p : PROGRAMS) {
      programs.add(Program.parse(p, lists.resolver()));
      compiled.add(evaluator.compile(programs.get(programs.size() - 1)));
    }
    candidates = new ArrayList<>();
    for (String p : CANDIDATES) {
      candidates.add(Program.parse(p, lists.resolver()));
    }
    Random random = new Random(42);
    inputs = new ArrayList<>();
    for (int e = 0; e < EXAMPLES; e++) {
      Object[] items = new Object[1 + random.nextInt(8)];
      for (int i = 0; i < items.length; i++) {
        items[i] = (long) random.nextInt(20);
      }
      inputs.add(List.of(ListValue.wrap(items)));
    }
  }

  /** Every compiled program on every example. */
  @Benchmark
  @OperationsPerInvocation(8 * EXAMPLES)
  public void runPerExample(Blackhole hole) {
    for (CompiledProgram p : compiled) {
      for (List<Object> input : inputs) {
        try {
          hole.consume(p.run(input, budget));
        } catch (EvaluationException e) {
          hole.consume(e);
        }
      }
    }
  }

  /**
   * Compile each program and run it on the examples until the first failure, as the enumerator
   * does.
   */
  @Benchmark
  @OperationsPerInvocation(8)
  public void compileAndCheckPerCandidate(Blackhole hole) {
    for (Program program : programs) {
      CompiledProgram p = evaluator.compile(program);
      try {
        for (List<Object> input : inputs) {
          hole.consume(p.run(input, budget));
        }
      } catch (EvaluationException e) {
        hole.consume(e);
      }
    }
  }

  /** Compile candidates and run them until they fail: the enumerator's common case. */
  @Benchmark
  @OperationsPerInvocation(4)
  public void compileAndFailPerCandidate(Blackhole hole) {
    for (Program program : candidates) {
      try {
        hole.consume(evaluator.compile(program).run(inputs.get(0), budget));
      } catch (EvaluationException e) {
        hole.consume(e);
      }
    }
  }
}

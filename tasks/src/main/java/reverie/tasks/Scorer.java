package reverie.tasks;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationBudget;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.eval.PrimitiveTable;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;

/**
 * The one definition of "solves": a domain's {@link Likelihood} applied to a program's outputs,
 * each run within one {@link EvaluationBudget}. The wake (through its fast path, which defers to
 * this), test evaluation, the re-check after compression, {@code reverie check} and fantasies all
 * score with a scorer, so that they cannot disagree.
 *
 * <p>A program's log-likelihood on a task is the sum of its examples' log-likelihoods; a run that
 * fails (a partial primitive, an exhausted budget) is minus infinity; a program solves a task when
 * its log-likelihood is finite. Immutable and thread-safe; the budget meters it hands out are not.
 */
public final class Scorer {
  private final Domain domain;
  private final EvaluationBudget budget;
  private final PrimitiveTable table;
  private final Evaluator evaluator;
  private final Likelihood likelihood;

  public Scorer(Domain domain, EvaluationBudget budget) {
    this.domain = domain;
    this.budget = budget;
    this.table = domain.primitiveTable();
    this.evaluator = new Evaluator(table);
    this.likelihood = domain.likelihood();
  }

  /** The scorer of {@code domain} with {@link EvaluationBudget#DEFAULT}. */
  public static Scorer of(Domain domain) {
    return new Scorer(domain, EvaluationBudget.DEFAULT);
  }

  public Domain domain() {
    return domain;
  }

  public EvaluationBudget budget() {
    return budget;
  }

  public Likelihood likelihood() {
    return likelihood;
  }

  /** The primitive table both evaluators compile against. */
  public PrimitiveTable table() {
    return table;
  }

  /** Compiles {@code program}; an {@link InputException} for a primitive without implementation. */
  public CompiledProgram compile(Program program) {
    return evaluator.compile(program);
  }

  /** A fresh meter of the evaluation budget, for one thread's runs. */
  public Budget meter() {
    return budget.meter();
  }

  /**
   * The log-likelihood of {@code task} under {@code program}, each run metered by {@code meter}
   * (reset per run); stops at the first example that does not match.
   */
  public double logLikelihood(Task task, CompiledProgram program, Budget meter) {
    double sum = 0;
    for (Example e : task.examples()) {
      Object actual;
      try {
        actual = program.run(e.inputs(), meter);
      } catch (EvaluationException failed) {
        return Double.NEGATIVE_INFINITY;
      }
      sum += likelihood.logLikelihood(actual, e.output());
      if (sum == Double.NEGATIVE_INFINITY) {
        return sum;
      }
    }
    return sum;
  }

  /**
   * The log-likelihood of {@code task} under {@code program}: minus infinity when it fails to
   * compile (a primitive this domain lacks) or to run.
   */
  public double logLikelihood(Task task, Program program) {
    CompiledProgram compiled;
    try {
      compiled = compile(program);
    } catch (InputException e) {
      return Double.NEGATIVE_INFINITY;
    }
    return logLikelihood(task, compiled, meter());
  }

  /** Whether {@code program} solves {@code task}: a finite log-likelihood. */
  public boolean solves(Task task, Program program) {
    return logLikelihood(task, program) > Double.NEGATIVE_INFINITY;
  }

  /**
   * Parses {@code programText} with the domain's primitives, checks that it has the task's request
   * type, and runs it on every example ({@link #check(Task, Program)}). Bad program text or a type
   * mismatch is an {@link InputException}; failing examples are results, not errors.
   */
  public CheckReport check(Task task, String programText) {
    Program program = Program.parse(programText, domain.resolver());
    TypeInference.check(program, task.request());
    return check(task, program);
  }

  /** Runs {@code program} on every example of {@code task}, not stopping at a failure. */
  public CheckReport check(Task task, Program program) {
    CompiledProgram compiled = compile(program);
    Budget meter = meter();
    ImmutableList.Builder<ExampleResult> results = ImmutableList.builder();
    for (int i = 0; i < task.examples().size(); i++) {
      Example e = task.examples().get(i);
      ExampleResult result;
      try {
        Object actual = compiled.run(e.inputs(), meter);
        result = ExampleResult.ran(i, e, actual, likelihood.logLikelihood(actual, e.output()));
      } catch (EvaluationException failed) {
        result = ExampleResult.failed(i, e, failed.getMessage());
      }
      results.add(result);
    }
    return new CheckReport(task, program, results.build());
  }

  /**
   * The targets {@code program} makes of each input tuple ({@link Domain#asTarget} of its outputs),
   * or empty when any run fails or any output is no target: what a fantasy of the program on a real
   * task's inputs shows.
   */
  public Optional<List<Object>> targets(
      CompiledProgram program, List<? extends List<Object>> inputs, Type outputType, Budget meter) {
    List<Object> targets = new ArrayList<>(inputs.size());
    try {
      for (List<Object> tuple : inputs) {
        Optional<Object> target = domain.asTarget(program.run(tuple, meter), outputType);
        if (target.isEmpty()) {
          return Optional.empty();
        }
        targets.add(target.get());
      }
    } catch (EvaluationException e) {
      return Optional.empty();
    }
    return Optional.of(targets);
  }
}

package reverie.engine.enumerate;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Example;
import reverie.tasks.SampledValues;
import reverie.tasks.Scorer;
import reverie.tasks.SymmetryRules;
import reverie.tasks.Task;

/**
 * The whole-job figure behind {@code reverie bench enumerate}: enumerate under a domain's uniform
 * grammar and check every program (compile, then run on examples until the first failure) against a
 * task of 15 random examples that no program solves, for a fixed time or up to a description
 * length.
 */
public final class EnumerationBenchmark {
  private EnumerationBenchmark() {}

  /** The figures of one run. */
  public record Result(
      double programsPerSecond,
      double natsReached,
      long programs,
      int threads,
      boolean pruning,
      double seconds,
      double cpuSeconds,
      double workerCpuSeconds) {
    /**
     * Programs per CPU-second of the enumerating threads: the figure that a busy machine does not
     * skew.
     */
    public double programsPerWorkerCpuSecond() {
      return workerCpuSeconds > 0 ? programs / workerCpuSeconds : 0;
    }
  }

  /**
   * Runs for {@code seconds} of wall-clock time (or without limit if infinite) and below {@code
   * maxNats} (or without limit if infinite); one of the two must be finite. With {@code pruning}
   * the domain's symmetry rules apply and only the programs that survive them are counted.
   */
  public static Result run(
      Domain domain, Type request, double seconds, double maxNats, int threads, boolean pruning) {
    if (Double.isInfinite(seconds) && Double.isInfinite(maxNats)) {
      throw new IllegalArgumentException("a time or a description-length bound is needed");
    }
    Task task = unsolvable(domain, request, new Random(15));
    Scorer scorer = Scorer.of(domain);
    Grammar grammar = Grammar.uniform(domain.primitives());
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    long deadline = Double.isInfinite(seconds) ? Long.MAX_VALUE : start + (long) (seconds * 1e9);
    ProgramEnumeration enumeration =
        new ProgramEnumeration(
            grammar, request, pruning ? domain.symmetries() : SymmetryRules.NONE);
    CompiledGrammar compiled = enumeration.grammar();
    ProgramEnumeration.Outcome outcome =
        enumeration.run(
            threads,
            maxNats,
            w -> {
              TaskChecker checker = new TaskChecker(scorer);
              CodeBuilder builder = new CodeBuilder(compiled, scorer.table());
              return new CodeSink() {
                @Override
                public CodeBuilder codeBuilder() {
                  return builder;
                }

                @Override
                public boolean accept(
                    reverie.dsl.program.Program program, Code code, double logPrior) {
                  checker.passes(code, task);
                  return true;
                }
              };
            },
            () -> System.nanoTime() >= deadline);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = (processCpuNanos() - cpuStart) / 1e9;
    return new Result(
        outcome.programs() / elapsed,
        outcome.natsReached(),
        outcome.programs(),
        threads,
        pruning,
        elapsed,
        cpu,
        outcome.workerCpuSeconds());
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** A task of fifteen examples with random inputs and random outputs of the request's types. */
  static Task unsolvable(Domain domain, Type request, Random random) {
    Type output = request.finalResult();
    ImmutableList.Builder<Example> examples = ImmutableList.builder();
    for (int i = 0; i < 15; i++) {
      List<Object> in = new ArrayList<>();
      for (Type t : request.functionArguments()) {
        in.add(domain.valueFromJson(randomJson(t, random), t));
      }
      examples.add(Example.of(in, domain.valueFromJson(randomJson(output, random), output)));
    }
    return new Task("unsolvable", request, examples.build(), domain.name());
  }

  private static JsonNode randomJson(Type t, Random random) {
    return SampledValues.json(t, random)
        .orElseThrow(
            () -> new InputException("bench enumerate cannot make random values of type " + t));
  }
}

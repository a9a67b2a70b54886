package reverie.engine.enumerate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;
import reverie.tasks.BuiltInSuite;
import reverie.tasks.Domain;
import reverie.tasks.Example;
import reverie.tasks.GeneratedTask;
import reverie.tasks.Scorer;
import reverie.tasks.SymmetryRules;
import reverie.tasks.Task;

/**
 * The whole-job figure behind {@code reverie bench enumerate}: enumerate under a domain's uniform
 * grammar and check every program (compile, then run on examples until the first failure) against a
 * task that no cheap program solves ({@link #unsolvable}: 15 random examples, or the hardest task
 * of the domain's own suites), for a fixed time or up to a description length.
 */
public final class EnumerationBenchmark {
  private static final ImmutableSet<String> RANDOM_TYPES =
      ImmutableSet.of("int", "bool", "char", "list");

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
      double workerCpuSeconds,
      long expansions,
      long refused,
      ImmutableMap<String, Long> refusedByRule) {
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
    Grammar grammar = domain.baseGrammar();
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
        outcome.workerCpuSeconds(),
        outcome.expansions(),
        outcome.refused(),
        outcome.refusedByRule());
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /**
   * The benchmark's task: for a request of ints, bools, chars and lists of them, fifteen examples
   * with random inputs and random outputs of the request's types; for any other request (a domain
   * whose values are not plain data, such as towers), the task of the domain's built-in suites with
   * that request whose reference program is the longest, which no cheap program solves.
   */
  static Task unsolvable(Domain domain, Type request, Random random) {
    if (!randomizable(request)) {
      return hardestBuiltIn(domain, request);
    }
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

  /** Whether every type in {@code t} is an arrow or one {@link #randomJson} makes values of. */
  private static boolean randomizable(Type t) {
    if (!(t instanceof TypeConstructor c)) {
      return false;
    }
    if (!RANDOM_TYPES.contains(c.name()) && !c.name().equals(Type.ARROW)) {
      return false;
    }
    for (Type argument : c.arguments()) {
      if (!randomizable(argument)) {
        return false;
      }
    }
    return true;
  }

  private static Task hardestBuiltIn(Domain domain, Type request) {
    GeneratedTask hardest = null;
    for (BuiltInSuite suite : domain.suites()) {
      for (GeneratedTask t : suite.generatedTasks()) {
        if (t.task().request().equals(request)
            && (hardest == null
                || t.referenceProgram().length() > hardest.referenceProgram().length())) {
          hardest = t;
        }
      }
    }
    if (hardest == null) {
      throw new InputException(
          "bench enumerate cannot make random values of type "
              + request
              + ", and no built-in suite of domain "
              + domain.name()
              + " has a task of that type");
    }
    return hardest.task();
  }

  private static JsonNode randomJson(Type t, Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (t instanceof TypeConstructor c) {
      switch (c.name()) {
        case "int":
          return f.numberNode(random.nextInt(20) - 3);
        case "bool":
          return f.booleanNode(random.nextBoolean());
        case "char":
          return f.textNode(String.valueOf((char) ('a' + random.nextInt(26))));
        case "list":
          ArrayNode a = f.arrayNode();
          int n = 1 + random.nextInt(8);
          for (int i = 0; i < n; i++) {
            a.add(randomJson(c.arguments().get(0), random));
          }
          return a;
        default:
          break;
      }
    }
    throw new InputException("bench enumerate cannot make random values of type " + t);
  }
}

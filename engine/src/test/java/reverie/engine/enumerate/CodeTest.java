package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.SymmetryRules;

/** The enumerator's incrementally built code computes what the official evaluator computes. */
class CodeTest {
  static Stream<String> requests() {
    return Stream.of(
        "list(int) -> list(int)",
        "list(int) -> int",
        "list(int) -> bool",
        "int -> list(int)",
        "list(int) -> int -> list(int)");
  }

  /** What a test's code sink does with each program it takes. */
  @FunctionalInterface
  interface CodeConsumer {
    void accept(Program program, Code code, double logPrior);
  }

  /**
   * A sink that takes code built by {@code builder} and hands every program to {@code consumer}.
   */
  static CodeSink codeSink(CodeBuilder builder, CodeConsumer consumer) {
    return new CodeSink() {
      @Override
      public CodeBuilder codeBuilder() {
        return builder;
      }

      @Override
      public boolean accept(Program program, Code code, double logPrior) {
        consumer.accept(program, code, logPrior);
        return true;
      }
    };
  }

  @ParameterizedTest
  @MethodSource("requests")
  void agreesWithTheEvaluatorOnEveryProgramBelow11Nats(String request) {
    agreesWithTheEvaluator(request, SymmetryRules.NONE, 11);
  }

  /** With the domain's symmetry rules, which refuse subtrees as they finish, too. */
  @ParameterizedTest
  @MethodSource("requests")
  void agreesWithTheEvaluatorBelow14NatsUnderTheSymmetryRules(String request) {
    agreesWithTheEvaluator(request, Domains.installed().byName("lists").symmetries(), 14);
  }

  private static void agreesWithTheEvaluator(String requestText, SymmetryRules rules, double nats) {
    Domain lists = Domains.installed().byName("lists");
    Type request = Type.parse(requestText);
    ProgramEnumeration enumeration =
        new ProgramEnumeration(Grammar.uniform(lists.primitives()), request, rules);
    List<List<Object>> inputs = new ArrayList<>();
    EnumerationBenchmark.unsolvable(lists, request, new Random(3))
        .examples()
        .forEach(e -> inputs.add(e.inputs()));
    Evaluator evaluator = new Evaluator(lists.primitiveTable());
    CodeBuilder builder = new CodeBuilder(enumeration.grammar(), lists.primitiveTable());
    AtomicInteger compared = new AtomicInteger();
    for (int threads : new int[] {1, 2}) {
      enumeration.run(
          threads,
          nats,
          w ->
              codeSink(
                  builder,
                  (program, code, logPrior) -> {
                    CompiledProgram official = evaluator.compile(program);
                    for (List<Object> in : inputs) {
                      assertEquals(run(official, in), fast(code, in), program::toString);
                      compared.incrementAndGet();
                    }
                  }),
          () -> false);
    }
    assertTrue(compared.get() > 1000);
  }

  private static Object run(CompiledProgram p, List<Object> in) {
    try {
      return p.run(in, Budget.of(100_000, 1_000_000_000L, 100_000));
    } catch (EvaluationException e) {
      return "error";
    }
  }

  private static Object fast(Code c, List<Object> in) {
    try {
      return Code.run(c, in, Budget.of(100_000, 1_000_000_000L, 100_000));
    } catch (EvaluationException e) {
      return "error";
    }
  }
}

package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/** The enumerator's incrementally built code computes what the official evaluator computes. */
class CodeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "list(int) -> list(int)",
        "list(int) -> int",
        "list(int) -> bool",
        "int -> list(int)",
        "list(int) -> int -> list(int)"
      })
  void agreesWithTheEvaluatorOnEveryProgramBelow11Nats(String requestText) {
    Domain lists = Domains.installed().byName("lists");
    Type request = Type.parse(requestText);
    agreesWithTheEvaluator(
        lists, request, new ProgramEnumeration(Grammar.uniform(lists.primitives()), request), 11);
  }

  /** With the domain's symmetry rules, which refuse subtrees as they finish, too. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "list(int) -> list(int)",
        "list(int) -> int",
        "list(int) -> bool",
        "int -> list(int)",
        "list(int) -> int -> list(int)"
      })
  void agreesWithTheEvaluatorBelow14NatsUnderTheSymmetryRules(String requestText) {
    Domain lists = Domains.installed().byName("lists");
    Type request = Type.parse(requestText);
    agreesWithTheEvaluator(
        lists,
        request,
        new ProgramEnumeration(Grammar.uniform(lists.primitives()), request, lists.symmetries()),
        14);
  }

  private static void agreesWithTheEvaluator(
      Domain lists, Type request, ProgramEnumeration enumeration, double nats) {
    List<List<Object>> inputs = new ArrayList<>();
    EnumerationBenchmark.unsolvable(lists, request, new Random(3))
        .examples()
        .forEach(e -> inputs.add(e.inputs()));
    Evaluator evaluator = new Evaluator(lists.primitiveTable());
    CodeBuilder builder = new CodeBuilder(enumeration.grammar(), lists.primitiveTable());
    int[] compared = new int[2];
    for (int threads : new int[] {1, 2}) {
      enumeration.run(
          threads,
          nats,
          w ->
              new CodeSink() {
                @Override
                public CodeBuilder codeBuilder() {
                  return builder;
                }

                @Override
                public synchronized boolean accept(Program program, Code code, double logPrior) {
                  CompiledProgram official = evaluator.compile(program);
                  for (List<Object> in : inputs) {
                    assertEquals(run(official, in), fast(code, in), program::toString);
                    compared[0]++;
                  }
                  return true;
                }
              },
          () -> false);
    }
    assertTrue(compared[0] > 1000);
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

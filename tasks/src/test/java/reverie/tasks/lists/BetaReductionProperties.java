package reverie.tasks.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.eval.ListValue;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/** Beta-reduction preserves the type and the value of well-typed list programs. */
class BetaReductionProperties {
  private static final Domain LISTS = Domains.installed().byName("lists");
  private static final Evaluator EVALUATOR = new Evaluator(LISTS.implementations());

  @Provide
  Arbitrary<Type> requests() {
    return Arbitraries.of(
        Type.parse("list(int) -> list(int)"),
        Type.parse("list(int) -> int"),
        Type.parse("list(int) -> bool"),
        Type.parse("int -> list(int)"),
        Type.parse("int -> int -> int"));
  }

  @Property(tries = 400, seed = "20261130")
  void reductionPreservesTypeAndValue(@ForAll long seed, @ForAll("requests") Type request) {
    Program program = new WellTypedPrograms(LISTS.primitives(), seed, 0.25).generate(request, 4);
    TypeInference.check(program, request);
    Optional<Program> normal = program.betaNormalForm(500);
    Assume.that(normal.isPresent());
    Program reduced = normal.get();
    Statistics.label("redexes").collect(!reduced.equals(program));
    // Subject reduction: the normal form still has the requested type.
    TypeInference.check(reduced, request);

    CompiledProgram before = EVALUATOR.compile(program);
    CompiledProgram after = EVALUATOR.compile(reduced);
    Random random = new Random(seed);
    int compared = 0;
    for (int example = 0; example < 5; example++) {
      List<Object> inputs = new ArrayList<>();
      for (Type t : request.functionArguments()) {
        inputs.add(randomValue(t, random));
      }
      Object expected;
      try {
        expected = before.run(inputs, Budget.standard());
      } catch (EvaluationException e) {
        // Strict evaluation of an argument that reduction drops may fail where the normal form does
        // not.
        continue;
      }
      try {
        assertEquals(
            expected,
            after.run(inputs, Budget.standard()),
            program + " -> " + reduced + " on " + inputs);
        compared++;
      } catch (EvaluationException e) {
        // Reduction may duplicate work, so the normal form may run out of budget, but it must not
        // fail otherwise.
        assertTrue(
            e.budgetExceeded(),
            program + " -> " + reduced + " on " + inputs + ": " + e.getMessage());
      }
    }
    Statistics.label("values compared").collect(compared > 0);
  }

  private static Object randomValue(Type type, Random random) {
    if (type.toString().equals("int")) {
      return (long) random.nextInt(12) - 3;
    }
    Object[] items = new Object[random.nextInt(6)];
    for (int i = 0; i < items.length; i++) {
      items[i] = (long) random.nextInt(20) - 5;
    }
    return ListValue.wrap(items);
  }
}

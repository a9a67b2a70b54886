package reverie.dsl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;

/** The semantics checked against figures of two independent implementations (REFERENCES.md). */
class EnumerationCountTest {
  static final Type LIST_TO_LIST = Type.parse("list(int) -> list(int)");

  @Test
  void programCountsBelowSixAndTwelveNats() {
    Set<Program> below12 = new HashSet<>();
    int[] below6 = {0};
    double[] mass = {0};
    BruteForceEnumerator.enumerate(
        ListPrimitives.UNIFORM,
        LIST_TO_LIST,
        12.0,
        (p, cost) -> {
          assertTrue(below12.add(p), () -> "enumerated twice: " + p);
          assertEquals(-cost, ListPrimitives.UNIFORM.logPrior(p, LIST_TO_LIST), 1e-9, p::toString);
          TypeInference.check(p, LIST_TO_LIST);
          if (cost < 6) {
            below6[0]++;
          }
          mass[0] += Math.exp(-cost);
        });
    assertEquals(7, below6[0]);
    assertEquals(672, below12.size());
    assertTrue(mass[0] <= 1.0 + 1e-12, "probability mass " + mass[0]);
  }

  @Test
  void probabilitiesOfSmallProgramsSumToAtMostOne() {
    for (String request : SamplingTest.REQUESTS) {
      double[] mass = {0};
      BruteForceEnumerator.enumerate(
          ListPrimitives.UNIFORM,
          Type.parse(request),
          10.0,
          (p, cost) -> mass[0] += Math.exp(-cost));
      assertTrue(mass[0] > 0.1 && mass[0] <= 1.0 + 1e-12, request + ": " + mass[0]);
    }
  }
}

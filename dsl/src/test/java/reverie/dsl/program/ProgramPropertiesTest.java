package reverie.dsl.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ProgramPropertiesTest {

  @Property(seed = "11", tries = 1000)
  void parsePrintRoundTrip(@ForAll("programs") Program p) {
    assertEquals(p, Program.parse(p.toString(), TestPrimitives.RESOLVER));
    assertEquals(p.toString(), Program.parse(p.toString(), TestPrimitives.RESOLVER).toString());
  }

  @Property(seed = "12", tries = 1000)
  void shiftIsInvertible(
      @ForAll("programs") Program p,
      @ForAll @IntRange(min = 0, max = 5) int k,
      @ForAll @IntRange(min = 0, max = 3) int cutoff) {
    assertEquals(p, p.shift(k, cutoff).shift(-k, cutoff));
  }

  @Property(seed = "13", tries = 500)
  void shiftBelowZeroIsRefused(@ForAll("programs") Program p) {
    if (!p.freeIndices().isEmpty()) {
      int lowest = p.freeIndices().first();
      assertThrows(IllegalArgumentException.class, () -> p.shift(-(lowest + 1)));
    }
  }

  @Property(seed = "14", tries = 1000)
  void substitutingAnUnusedIndexChangesNothing(@ForAll("programs") Program p) {
    int unused = p.freeIndices().isEmpty() ? 0 : p.freeIndices().last() + 1;
    assertEquals(p, p.substitute(unused, TestPrimitives.parse("empty")));
  }

  @Property(seed = "15", tries = 1000)
  void shiftMovesEveryFreeIndex(
      @ForAll("programs") Program p, @ForAll @IntRange(min = 1, max = 4) int k) {
    assertEquals(
        p.freeIndices().stream().map(i -> i + k).toList(),
        p.shift(k).freeIndices().stream().toList());
  }

  @Property(seed = "16", tries = 1000)
  void etaReductionIsIdempotentAndKeepsTheFreeVariables(@ForAll("programs") Program p) {
    Program reduced = EtaLong.reduce(p);
    assertEquals(reduced, EtaLong.reduce(reduced));
    assertEquals(p.freeIndices(), reduced.freeIndices());
    assertTrue(reduced.size() <= p.size());
  }

  @Provide
  Arbitrary<Program> programs() {
    return Arbitraries.lazyOf(
        () -> Arbitraries.of(TestPrimitives.ALL).map(p -> (Program) p),
        () -> Arbitraries.integers().between(0, 4).map(i -> (Program) new Index(i)),
        () -> programs().map(b -> (Program) new Abstraction(b)),
        () ->
            Combinators.combine(programs(), programs())
                .as((f, a) -> (Program) new Application(f, a)));
  }
}

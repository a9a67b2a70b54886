package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

class EnumeratorTest {
  private static final String[] REQUESTS = {
    "list(int) -> list(int)",
    "list(int) -> int",
    "int -> list(int)",
    "list(int) -> bool",
    "int -> int",
    "list(int) -> list(bool)",
    "list(int) -> int -> list(int)"
  };
  private static final ContextualGrammar UNIFORM =
      CompiledGrammar.contextual(ListGrammar.uniform());

  private record Emitted(Program program, double cost, int thread) {}

  private static List<Emitted> fast(
      ContextualGrammar g, String request, double bound, int threads) {
    List<Emitted> out = Collections.synchronizedList(new ArrayList<>());
    new ProgramEnumeration(g, Type.parse(request))
        .run(threads, bound, w -> (p, lp) -> out.add(new Emitted(p, -lp, w)), () -> false);
    return out;
  }

  /** Fast and reference agree on the program set and costs, away from rounding at the bound. */
  private static void assertSameAsReference(ContextualGrammar g, String request, double bound) {
    Map<Program, Double> fast = new HashMap<>();
    for (Emitted e : fast(g, request, bound, 1)) {
      assertNull(fast.put(e.program(), e.cost()), () -> "duplicate " + e.program());
    }
    Map<Program, Double> reference = new HashMap<>();
    for (ReferenceEnumerator.Scored s :
        ReferenceEnumerator.enumerate(g, Type.parse(request), bound)) {
      assertNull(reference.put(s.program(), s.cost()), () -> "reference duplicate " + s.program());
    }
    fast.values().removeIf(c -> Math.abs(c - bound) < 1e-9);
    reference.values().removeIf(c -> Math.abs(c - bound) < 1e-9);
    assertEquals(new TreeSet<>(strings(reference)), new TreeSet<>(strings(fast)), request);
    reference.forEach((p, c) -> assertEquals(c, fast.get(p), 1e-9, p::toString));
  }

  private static List<String> strings(Map<Program, Double> m) {
    List<String> s = new ArrayList<>();
    m.keySet().forEach(p -> s.add(p.toString()));
    return s;
  }

  @Test
  void countsDreamCodersProgramsBelow12And6Nats() {
    List<Emitted> below12 = fast(UNIFORM, "list(int) -> list(int)", 12, 1);
    assertEquals(672, below12.size());
    assertEquals(7, below12.stream().filter(e -> e.cost() < 6).count());
    Emitted first = below12.get(0);
    assertEquals(Math.log(11), first.cost(), 1e-12);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void threadCountDoesNotChangeTheProgramSet(int threads) {
    List<Emitted> one = fast(UNIFORM, "list(int) -> list(int)", 12, 1);
    List<Emitted> many = fast(UNIFORM, "list(int) -> list(int)", 12, threads);
    TreeSet<String> a = new TreeSet<>();
    one.forEach(e -> a.add(e.program() + " " + e.cost()));
    TreeSet<String> b = new TreeSet<>();
    many.forEach(e -> b.add(e.program() + " " + e.cost()));
    assertEquals(672, many.size());
    assertEquals(a, b);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "list(int) -> list(int)",
        "list(int) -> int",
        "int -> list(int)",
        "list(int) -> bool",
        "int -> int",
        "list(int) -> list(bool)",
        "list(int) -> int -> list(int)"
      })
  void uniformGrammarMatchesReference(String request) {
    assertSameAsReference(UNIFORM, request, 10);
  }

  @Property(tries = 12, seed = "20261130")
  void contextualGrammarMatchesReference(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
      @ForAll @IntRange(min = 0, max = 6) int request) {
    ContextualGrammar g =
        ReferenceEnumerator.randomContextual(ListGrammar.uniform(), new Random(seed));
    assertSameAsReference(g, REQUESTS[request], 8);
  }

  @Test
  void windowsComeOutInNonDecreasingOrderAndEachProgramOnce() {
    List<Double> costs = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    new ProgramEnumeration(UNIFORM, Type.parse("list(int) -> int"))
        .run(
            1,
            13,
            w ->
                (p, lp) -> {
                  assertTrue(seen.add(p.toString()), () -> "duplicate " + p);
                  costs.add(-lp);
                  return true;
                },
            () -> false);
    int window = 0;
    for (double c : costs) {
      int w = (int) Math.floor(c / ProgramEnumeration.WINDOW);
      assertTrue(w >= window, () -> "cost " + c + " after window " + costs);
      window = w;
    }
    assertTrue(costs.size() > 500);
  }

  /** LOGO's grammar with its continuation type: nested bodies see several turtle variables. */
  private static final ContextualGrammar LOGO =
      CompiledGrammar.contextual(reverie.tasks.Domains.installed().byName("logo").baseGrammar());

  @Test
  void continuationGrammarMatchesReferenceAndItsOwnLogPrior() {
    assertSameAsReference(LOGO, "turtle -> turtle", 12);
    Type request = Type.parse("turtle -> turtle");
    int sampled = 0;
    for (Emitted e : fast(LOGO, "turtle -> turtle", 12, 1)) {
      assertEquals(-LOGO.logPrior(e.program(), request), e.cost(), 1e-9, e.program()::toString);
    }
    // An outer continuation at an inner turtle hole is outside the language.
    Program dropped =
        Program.parse(
            "(lambda (logo_GETSET (lambda $1) $0))",
            reverie.tasks.Domains.installed().byName("logo").resolver());
    assertEquals(Double.NEGATIVE_INFINITY, LOGO.logPrior(dropped, request));
    Program kept =
        Program.parse(
            "(lambda (logo_GETSET (lambda $0) $0))",
            reverie.tasks.Domains.installed().byName("logo").resolver());
    assertTrue(LOGO.logPrior(kept, request) > Double.NEGATIVE_INFINITY);
    Random random = new Random(3);
    for (int i = 0; i < 300; i++) {
      java.util.Optional<Program> p = LOGO.sample(request, random, 10);
      if (p.isPresent()) {
        assertTrue(LOGO.logPrior(p.get(), request) > Double.NEGATIVE_INFINITY, p.get()::toString);
        sampled++;
      }
    }
    assertTrue(sampled > 20, "samples: " + sampled);
  }

  /** The towers grammar with its continuation type: loop and embedding bodies nest towers. */
  @Test
  void towersContinuationGrammarMatchesReferenceAndItsOwnLogPrior() {
    ContextualGrammar towers =
        CompiledGrammar.contextual(
            reverie.tasks.Domains.installed().byName("towers").baseGrammar());
    assertSameAsReference(towers, "tower -> tower", 12);
    Type request = Type.parse("tower -> tower");
    for (Emitted e : fast(towers, "tower -> tower", 12, 1)) {
      assertEquals(-towers.logPrior(e.program(), request), e.cost(), 1e-9, e.program()::toString);
    }
  }

  @Property(tries = 6, seed = "424242")
  void logPriorsEqualTheGrammarsAndSamplesAreEnumerated(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
      @ForAll @IntRange(min = 0, max = 6) int request) {
    ContextualGrammar g =
        seed % 2 == 0
            ? UNIFORM
            : ReferenceEnumerator.randomContextual(ListGrammar.uniform(), new Random(seed));
    double bound = 11;
    Map<Program, Double> enumerated = new HashMap<>();
    for (Emitted e : fast(g, REQUESTS[request], bound, 2)) {
      enumerated.put(e.program(), e.cost());
      assertEquals(
          -ReferenceEnumerator.logPrior(g, e.program(), Type.parse(REQUESTS[request])),
          e.cost(),
          1e-9);
    }
    // The grammar module's own log-prior and sampler (an independent implementation) agree too.
    for (Program p : enumerated.keySet()) {
      assertEquals(
          -g.logPrior(p, Type.parse(REQUESTS[request])), enumerated.get(p), 1e-9, p::toString);
    }
    Random grammarRandom = new Random(seed + 1);
    for (int i = 0; i < 300; i++) {
      java.util.Optional<Program> p = g.sample(Type.parse(REQUESTS[request]), grammarRandom, 12);
      if (p.isPresent()) {
        double cost = -g.logPrior(p.get(), Type.parse(REQUESTS[request]));
        if (cost < bound - 1e-9) {
          assertTrue(
              enumerated.containsKey(p.get()), () -> "sampled but not enumerated: " + p.get());
        }
      }
    }
    Random random = new Random(seed);
    int checked = 0;
    for (int i = 0; i < 400; i++) {
      Program p = ReferenceEnumerator.sample(g, Type.parse(REQUESTS[request]), random, 12);
      if (p == null) {
        continue;
      }
      double cost = -ReferenceEnumerator.logPrior(g, p, Type.parse(REQUESTS[request]));
      if (cost < bound - 1e-9) {
        checked++;
        assertTrue(
            enumerated.containsKey(p), () -> "sampled but not enumerated: " + p + " at " + cost);
      }
    }
    assertTrue(checked > 0);
  }
}

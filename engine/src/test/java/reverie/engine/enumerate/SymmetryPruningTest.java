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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domains;
import reverie.tasks.SymmetryRules;

/**
 * The pruned enumerator against the reference enumerator with the rules applied afterwards, by the
 * rules' own matcher: the same programs, each once, with the grammar's log-prior.
 */
class SymmetryPruningTest {
  static final String[] REQUESTS = {
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
  static final SymmetryRules LISTS = Domains.installed().byName("lists").symmetries();

  private record Emitted(Program program, double cost) {}

  static List<Emitted> pruned(ContextualGrammar g, String request, double bound, int threads) {
    List<Emitted> out = Collections.synchronizedList(new ArrayList<>());
    new ProgramEnumeration(g, Type.parse(request), LISTS)
        .run(threads, bound, w -> (p, lp) -> out.add(new Emitted(p, -lp)), () -> false);
    return out;
  }

  /**
   * As {@link #pruned}, into a sink that takes code: the enumerator then builds each finished
   * subtree's code as well, on a path of its own (Enumerator#finishWithCode).
   */
  static List<Emitted> prunedWithCode(ContextualGrammar g, String request, double bound) {
    List<Emitted> out = new ArrayList<>();
    ProgramEnumeration enumeration = new ProgramEnumeration(g, Type.parse(request), LISTS);
    CodeBuilder builder =
        new CodeBuilder(
            enumeration.grammar(), Domains.installed().byName("lists").primitiveTable());
    enumeration.run(
        1,
        bound,
        w ->
            CodeTest.codeSink(
                builder, (program, code, logPrior) -> out.add(new Emitted(program, -logPrior))),
        () -> false);
    return out;
  }

  /** The reference's programs below {@code bound} in which no rule applies. */
  static Map<Program, Double> referenceWithoutViolations(
      ContextualGrammar g, String request, double bound) {
    Map<Program, Double> reference = new HashMap<>();
    for (ReferenceEnumerator.Scored s :
        ReferenceEnumerator.enumerate(g, Type.parse(request), bound)) {
      if (LISTS.violation(s.program()).isEmpty()) {
        assertNull(reference.put(s.program(), s.cost()), () -> "reference duplicate " + s);
      }
    }
    return reference;
  }

  private static void assertSameAsReference(ContextualGrammar g, String request, double bound) {
    Map<Program, Double> reference = referenceWithoutViolations(g, request, bound);
    assertSameAsReference(pruned(g, request, bound, 1), reference, request, bound);
    assertSameAsReference(prunedWithCode(g, request, bound), reference, request, bound);
  }

  private static void assertSameAsReference(
      List<Emitted> emitted, Map<Program, Double> referenceCosts, String request, double bound) {
    Map<Program, Double> fast = new HashMap<>();
    for (Emitted e : emitted) {
      assertNull(fast.put(e.program(), e.cost()), () -> "duplicate " + e.program());
    }
    Map<Program, Double> reference = new HashMap<>(referenceCosts);
    fast.values().removeIf(c -> Math.abs(c - bound) < 1e-9);
    reference.values().removeIf(c -> Math.abs(c - bound) < 1e-9);
    TreeSet<String> missing = new TreeSet<>();
    reference.keySet().forEach(p -> missing.add(p.toString()));
    fast.keySet().forEach(p -> missing.remove(p.toString()));
    TreeSet<String> extra = new TreeSet<>();
    fast.keySet().forEach(p -> extra.add(p + " " + LISTS.violation(p)));
    reference.keySet().forEach(p -> extra.remove(p + " " + LISTS.violation(p)));
    assertTrue(missing.isEmpty(), () -> request + ": pruned but no rule applies: " + missing);
    assertTrue(extra.isEmpty(), () -> request + ": emitted though a rule applies: " + extra);
    reference.forEach((p, c) -> assertEquals(c, fast.get(p), 1e-9, p::toString));
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
  void uniformGrammarMatchesTheReferenceWithTheRules(String request) {
    assertSameAsReference(UNIFORM, request, 11);
  }

  @Property(tries = 12, seed = "20261201")
  void contextualGrammarMatchesTheReferenceWithTheRules(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
      @ForAll @IntRange(min = 0, max = 6) int request) {
    ContextualGrammar g =
        ReferenceEnumerator.randomContextual(ListGrammar.uniform(), new Random(seed));
    assertSameAsReference(g, REQUESTS[request], 9);
  }

  /** The reference's counts below 12, 14 and 15 nats, also the fast enumerator's. */
  @ParameterizedTest
  @CsvSource({"12, 96", "14, 151", "15, 442"})
  void countsBelow12And14And15Nats(double bound, int count) {
    List<ReferenceEnumerator.Scored> reference =
        ReferenceEnumerator.enumerate(UNIFORM, Type.parse("list(int) -> list(int)"), bound, LISTS);
    assertEquals(count, reference.size());
    TreeSet<String> expected = new TreeSet<>();
    reference.forEach(r -> expected.add(r.program().toString()));
    for (int threads : new int[] {1, 2}) {
      List<Emitted> fast = pruned(UNIFORM, "list(int) -> list(int)", bound, threads);
      TreeSet<String> got = new TreeSet<>();
      fast.forEach(e -> got.add(e.program().toString()));
      assertEquals(count, fast.size(), () -> "threads " + threads);
      assertEquals(expected, got);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void threadCountDoesNotChangeTheProgramSet(int threads) {
    TreeSet<String> one = new TreeSet<>();
    pruned(UNIFORM, "list(int) -> int", 16, 1).forEach(e -> one.add(e.program() + " " + e.cost()));
    TreeSet<String> many = new TreeSet<>();
    pruned(UNIFORM, "list(int) -> int", 16, threads)
        .forEach(e -> many.add(e.program() + " " + e.cost()));
    assertEquals(one, many);
  }

  @Property(tries = 6, seed = "8675309")
  void logPriorsAreTheGrammars(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
      @ForAll @IntRange(min = 0, max = 6) int request) {
    ContextualGrammar g =
        ReferenceEnumerator.randomContextual(ListGrammar.uniform(), new Random(seed));
    for (Emitted e : pruned(g, REQUESTS[request], 10, 2)) {
      assertEquals(
          -ReferenceEnumerator.logPrior(g, e.program(), Type.parse(REQUESTS[request])),
          e.cost(),
          1e-9);
    }
  }

  @Test
  void refusalsAreCountedByTheRuleThatRefused() {
    ProgramEnumeration.Outcome outcome =
        new ProgramEnumeration(UNIFORM, Type.parse("list(int) -> int"), LISTS)
            .run(2, 14, w -> (p, lp) -> true, () -> false);
    assertTrue(outcome.refused() > 0);
    assertEquals(
        outcome.refused(),
        outcome.refusedByRule().values().stream().mapToLong(Long::longValue).sum());
    java.util.Set<String> texts = new java.util.HashSet<>();
    LISTS.rules().forEach(r -> texts.add(r.text()));
    assertTrue(texts.containsAll(outcome.refusedByRule().keySet()), outcome::toString);
    // A head refused before its argument is searched, and a rule decided on a finished argument.
    assertTrue(outcome.refusedByRule().get("(car (cons ?a ?b)) -> ?a") > 0, outcome::toString);
    assertTrue(outcome.refusedByRule().get("(+ ?a ?b) -> (+ ?b ?a) if ?b < ?a") > 0);
    // Most first.
    List<Long> counts = new ArrayList<>(outcome.refusedByRule().values());
    List<Long> sorted = new ArrayList<>(counts);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, counts);
  }
}

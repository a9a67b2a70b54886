package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.SymmetryRules;

/**
 * The lists of finished subtrees ({@link Completions}) change nothing the enumerator emits: window
 * by window, the same programs in the same order at exactly the same costs, and the same windows
 * cut short (which ends a finite search), as when every hole is searched, whatever the lists'
 * length limit (a limit of 1 or 3 makes builds overflow all the time).
 */
class CompletionListsTest {
  private static final Domain LISTS = Domains.installed().byName("lists");

  private record Window(List<Program> programs, List<Double> costs, boolean cut) {}

  private static List<Window> windows(
      ContextualGrammar grammar,
      String request,
      SymmetryRules rules,
      int listLimit,
      double bound,
      boolean withCode) {
    CompiledGrammar compiled = CompiledGrammar.of(grammar);
    FastType type = compiled.names.fromType(Type.parse(request));
    Enumerator enumerator =
        new Enumerator(compiled, CompiledSymmetries.of(compiled, rules), listLimit);
    CodeBuilder builder = new CodeBuilder(compiled, LISTS.primitiveTable());
    List<Window> out = new ArrayList<>();
    for (double lo = 0; lo < bound; lo += ProgramEnumeration.WINDOW) {
      List<Program> programs = new ArrayList<>();
      List<Double> costs = new ArrayList<>();
      ProgramSink sink =
          withCode
              ? CodeTest.codeSink(
                  builder,
                  (program, code, logPrior) -> {
                    programs.add(program);
                    costs.add(-logPrior);
                  })
              : (program, logPrior) -> {
                programs.add(program);
                costs.add(-logPrior);
                return true;
              };
      enumerator.run(
          PartialProgram.root(compiled, type),
          lo,
          Math.min(lo + ProgramEnumeration.WINDOW, bound),
          sink,
          () -> false);
      out.add(new Window(programs, costs, enumerator.takePruned()));
    }
    return out;
  }

  private static void assertSameWindows(
      ContextualGrammar grammar, String request, SymmetryRules rules, double bound) {
    // Deep enough for lists to be walked many times: a few hundred programs at least.
    while (count(windows(grammar, request, rules, 0, bound, false)) < 300 && bound < 20) {
      bound += ProgramEnumeration.WINDOW;
    }
    for (boolean withCode : new boolean[] {false, true}) {
      List<Window> searched = windows(grammar, request, rules, 0, bound, withCode);
      for (int limit : new int[] {1, 3, 64, 1 << 15}) {
        List<Window> walked = windows(grammar, request, rules, limit, bound, withCode);
        for (int w = 0; w < searched.size(); w++) {
          String where =
              request
                  + " below "
                  + bound
                  + ", limit "
                  + limit
                  + ", code "
                  + withCode
                  + ", window "
                  + w;
          assertSameSequence(searched.get(w).programs(), walked.get(w).programs(), where);
          // Exactly the same doubles: the windows' bounds must put every program where the
          // search head by head puts it.
          assertSameSequence(searched.get(w).costs(), walked.get(w).costs(), where);
          assertEquals(searched.get(w).cut(), walked.get(w).cut(), where + ": cut short");
        }
      }
    }
  }

  /** Equal lists, or a message naming the first place they differ. */
  private static <T> void assertSameSequence(List<T> expected, List<T> actual, String where) {
    int n = Math.min(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      int at = i;
      assertEquals(expected.get(i), actual.get(i), () -> where + ", item " + at);
    }
    assertEquals(expected.size(), actual.size(), () -> where + ": how many");
  }

  private static int count(List<Window> windows) {
    return windows.stream().mapToInt(w -> w.programs().size()).sum();
  }

  @ParameterizedTest
  @MethodSource("reverie.engine.enumerate.CodeTest#requests")
  void uniformGrammarWithTheDomainsRules(String request) {
    assertSameWindows(
        CompiledGrammar.contextual(Grammar.uniform(LISTS.primitives())),
        request,
        LISTS.symmetries(),
        17.5);
  }

  @ParameterizedTest
  @MethodSource("reverie.engine.enumerate.CodeTest#requests")
  void uniformGrammarWithoutRules(String request) {
    assertSameWindows(
        CompiledGrammar.contextual(Grammar.uniform(LISTS.primitives())),
        request,
        SymmetryRules.NONE,
        15);
  }

  @Property(tries = 10, seed = "20261202")
  void contextualGrammarsWithAndWithoutRules(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
      @ForAll @IntRange(min = 0, max = 6) int request,
      @ForAll boolean rules) {
    ContextualGrammar g =
        ReferenceEnumerator.randomContextual(ListGrammar.uniform(), new Random(seed));
    assertSameWindows(
        g,
        SymmetryPruningTest.REQUESTS[request],
        rules ? SymmetryPruningTest.LISTS : SymmetryRules.NONE,
        13);
  }

  /** A grammar whose programs run out: the window after the last one cuts nothing. */
  @ParameterizedTest
  @MethodSource("finiteRequests")
  void aFiniteSpaceEndsInTheSameWindow(String request) {
    ContextualGrammar g =
        CompiledGrammar.contextual(
            Grammar.uniform(
                LISTS.primitives().stream()
                    .filter(p -> List.of("0", "empty?", "+").contains(p.name()))
                    .toList()));
    List<Window> searched = windows(g, request, SymmetryRules.NONE, 0, 30, false);
    List<Window> walked = windows(g, request, SymmetryRules.NONE, 1 << 15, 30, false);
    assertEquals(searched, walked);
    assertTrue(searched.stream().anyMatch(w -> !w.cut()), "the space should run out");
  }

  static List<String> finiteRequests() {
    return List.of("list(int) -> bool", "list(list(int)) -> bool");
  }
}

package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/**
 * A search split across threads (into a fringe of partial programs, each searched on its own) does
 * the work of the whole search and no more: each partial program carries the bounds the search had
 * for its holes, so its search prunes exactly where the whole search would. Without them, a split
 * search expanded 14-19% more holes below 24-28.5 nats than the whole one.
 */
class SplitSearchTest {
  private static final Domain LISTS = Domains.installed().byName("lists");
  private static final double BOUND = 16.5;

  @ParameterizedTest
  @MethodSource("reverie.engine.enumerate.CodeTest#requests")
  void fringeSearchesExpandNoMoreHolesThanTheWholeSearch(String request) {
    ProgramEnumeration enumeration =
        new ProgramEnumeration(
            Grammar.uniform(LISTS.primitives()), Type.parse(request), LISTS.symmetries());
    CompiledGrammar compiled = enumeration.grammar();
    CompiledSymmetries rules = CompiledSymmetries.of(compiled, LISTS.symmetries());
    FastType type = compiled.names.fromType(Type.parse(request));
    // No lists of finished subtrees: they are built once per thread, so they would make a split
    // search's count depend on which thread took which partial program.
    Enumerator whole = new Enumerator(compiled, rules, 0);
    Enumerator split = new Enumerator(compiled, rules, 0);
    List<PartialProgram> fringe = enumeration.fringe(new Enumerator(compiled, rules, 0), 40);
    assertTrue(fringe.size() > 1, "a fringe of several partial programs");
    for (double lo = 0; lo < BOUND; lo += ProgramEnumeration.WINDOW) {
      double hi = lo + ProgramEnumeration.WINDOW;
      Set<Program> fromRoot = new HashSet<>();
      long before = whole.expansions;
      whole.run(PartialProgram.root(compiled, type), lo, hi, collect(fromRoot), () -> false);
      long wholeWork = whole.expansions - before;
      Set<Program> fromFringe = new HashSet<>();
      before = split.expansions;
      for (PartialProgram p : fringe) {
        split.run(p, lo, hi, collect(fromFringe), () -> false);
      }
      long splitWork = split.expansions - before;
      String where = request + ", window " + lo;
      assertEquals(fromRoot, fromFringe, where + ": the same programs");
      // The fringe's own holes were expanded once, before the windows: the rest is a part of the
      // whole search's work.
      assertTrue(
          splitWork <= wholeWork,
          where + ": " + splitWork + " holes expanded split, " + wholeWork + " whole");
    }
  }

  private static ProgramSink collect(Set<Program> into) {
    return (program, logPrior) -> {
      into.add(program);
      return true;
    };
  }
}

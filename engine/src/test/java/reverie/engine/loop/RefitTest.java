package reverie.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

class RefitTest {
  final Domain lists = Domains.installed().byName("lists");
  final Grammar base = Grammar.uniform(lists.primitives());
  final Type request = Type.parse("list(int) -> list(int)");

  Frontier frontier(String task, String... programs) {
    ImmutableList.Builder<FrontierEntry> b = ImmutableList.builder();
    for (String p : programs) {
      b.add(new FrontierEntry(Program.parse(p, lists.resolver()), 0, 0));
    }
    return new Frontier(task, request, b.build());
  }

  @Test
  void rescoringUsesTheGrammarsLogPriorAndDropsWhatItCannotScore() {
    ImmutableMap<String, Frontier> scored =
        Refit.rescore(
            base,
            ImmutableMap.of(
                "inc", frontier("inc", "(lambda (map (lambda (+ $0 1)) $0))"),
                "bad", frontier("bad", "(lambda (map (+ 1) $0))")));
    assertEquals(
        ImmutableList.of("inc"), scored.keySet().asList(), "not eta-long: not in the language");
    FrontierEntry s = scored.get("inc").entries().get(0);
    assertEquals(base.logPrior(s.program(), request), s.logPrior(), 1e-12);
    assertTrue(s.logPrior() < 0);
  }

  @Test
  void refitMakesTheUsedProductionsLikelier() {
    Refit.Result r =
        Refit.refitAndRescore(
            base,
            ImmutableMap.of(
                "inc", frontier("inc", "(lambda (map (lambda (+ $0 1)) $0))"),
                "double", frontier("double", "(lambda (map (lambda (+ $0 $0)) $0))")),
            1.0);
    double before = base.logPrior(r.frontiers().get("inc").entries().get(0).program(), request);
    assertTrue(r.frontiers().get("inc").entries().get(0).logPrior() > before);
    Program map = Program.parse("map", lists.resolver());
    Program car = Program.parse("car", lists.resolver());
    double mapWeight = r.grammar().productions().get(r.grammar().indexOf(map)).logWeight();
    double carWeight = r.grammar().productions().get(r.grammar().indexOf(car)).logWeight();
    assertTrue(mapWeight > carWeight, mapWeight + " vs " + carWeight);
  }
}

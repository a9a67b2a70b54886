package reverie.tasks.towers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.tasks.CheckReport;
import reverie.tasks.Scorer;
import reverie.tasks.SharedData;
import reverie.tasks.Suite;
import reverie.tasks.Suites;
import reverie.tasks.Task;

/**
 * DreamCoder's 107 tower tasks ({@code ../shared/data/dreamcoder/tower_tasks.json}): their plans,
 * worlds and programs against this domain. Skips when the shared data is absent.
 */
class DreamCoderTowersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path file() {
    return SharedData.file("dreamcoder/tower_tasks.json");
  }

  @Test
  void everyTargetIsItsPlanCentredAndDroppedAsDreamCoderComputedIt() throws Exception {
    JsonNode tasks = JSON.readTree(file().toFile());
    assertEquals(107, tasks.size());
    for (JsonNode t : tasks) {
      Tower plan = (Tower) TowerValues.fromJson(t.get("plan"), TowerPrimitives.TOWER);
      World world = (World) TowerValues.fromJson(t.get("world"), TowerPrimitives.TOWER);
      assertEquals(world, plan.world(), t.get("name").textValue());
      assertEquals(t.get("world"), TowerValues.toJson(plan.world(), TowerPrimitives.TOWER));
    }
  }

  @Test
  void theFileIsASuiteWithDreamCodersSplit() {
    Suite suite = Suites.load(file());
    assertEquals("towers", suite.domain());
    assertEquals(107, suite.size());
    Suite.Split split = suite.ownSplit().orElseThrow();
    assertEquals(53, split.train().size());
    assertEquals(54, split.test().size());
    assertTrue(split.train().find("h row 4, spacing 7").isPresent());
    assertTrue(split.train().find("bridge (3) of arch, spaced 7").isPresent());
    assertTrue(split.test().find("arch leg 1").isPresent());
    for (Task t : suite.tasks()) {
      assertEquals(TowerPrimitives.STEP, t.request());
      assertEquals(1, t.examples().size());
    }
  }

  /**
   * The 100 programs that use only tower primitives build exactly DreamCoder's plan, block by
   * block, and pass their tasks; the other 7 use integer {@code -} and do not parse.
   */
  @Test
  void theProgramsBuildTheirPlansAndSolveTheirTasks() throws Exception {
    JsonNode tasks = JSON.readTree(file().toFile());
    Suite suite = Suites.load(file());
    Scorer scorer = Scorer.of(TowerPrimitivesTest.TOWERS);
    List<String> unparsed = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (JsonNode t : tasks) {
      String name = t.get("name").textValue();
      String program = t.get("program").textValue();
      try {
        Program.parse(program, TowerPrimitivesTest.TOWERS.resolver());
      } catch (InputException e) {
        unparsed.add(name);
        assertTrue(program.contains("(- "), name + ": " + e.getMessage());
        continue;
      }
      Object built = TowerPrimitivesTest.run(program);
      if (!TowerValues.toJson(built, TowerPrimitives.TOWER).equals(t.get("plan"))) {
        failures.add(name + ": plan " + TowerValues.toJson(built, TowerPrimitives.TOWER));
      }
      CheckReport report = scorer.check(suite.task(name), program);
      if (!report.passed()) {
        failures.add(name + ": " + report.firstFailure().orElseThrow());
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(7, unparsed.size(), unparsed.toString());
  }

  @Test
  void theFileWrappedForTheOldSetIsReadInTowersOld() throws Exception {
    JsonNode tasks = JSON.readTree(file().toFile());
    String wrapped =
        JSON.writeValueAsString(
            JSON.createObjectNode().put("domain", "towers-old").set("tower_tasks", tasks));
    Suite suite = Suites.parse(wrapped, "old.json");
    assertEquals("towers-old", suite.domain());
    assertEquals(53, suite.ownSplit().orElseThrow().train().size());
    assertEquals(Suites.load(file()).tasks().get(5).examples(), suite.tasks().get(5).examples());
  }

  /**
   * DreamCoder's 100 expressible programs are in the language of the old set's continuation grammar
   * (its {@code Grammar.uniform(primitives, continuationType=ttower)}).
   */
  @Test
  void theProgramsHaveFiniteLogPriorsUnderTheContinuationGrammar() throws Exception {
    JsonNode tasks = JSON.readTree(file().toFile());
    Grammar g = TowerPrimitivesTest.OLD.baseGrammar();
    int expressible = 0;
    for (JsonNode t : tasks) {
      String program = t.get("program").textValue();
      if (program.contains("(- ")) {
        continue;
      }
      Program p = Program.parse(program, TowerPrimitivesTest.OLD.resolver());
      double prior = g.logPrior(p, TowerPrimitives.STEP);
      assertTrue(prior > Double.NEGATIVE_INFINITY, t.get("name").textValue());
      expressible++;
    }
    assertEquals(100, expressible);
  }
}

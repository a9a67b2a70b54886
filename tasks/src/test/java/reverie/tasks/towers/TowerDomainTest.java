package reverie.tasks.towers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.BuiltInSuite;
import reverie.tasks.Domain;
import reverie.tasks.Example;
import reverie.tasks.GeneratedTask;
import reverie.tasks.SequenceFeaturizer;
import reverie.tasks.Suite;
import reverie.tasks.Suites;
import reverie.tasks.TaskFormatException;

class TowerDomainTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Domain TOWERS = TowerPrimitivesTest.TOWERS;
  private static final Type TOWER = TowerPrimitives.TOWER;

  private static Object read(String json) throws Exception {
    return TOWERS.valueFromJson(JSON.readTree(json), TOWER);
  }

  @Test
  void plansAndWorldsReadBackEqual() throws Exception {
    for (String json :
        List.of("[]", "[[0,6,2],[3,2,6]]", "[[-2,3,2,6],[0,7,6,2],[2,3,2,6]]", "[[0,1,4,2]]")) {
      Object value = read(json);
      assertEquals(JSON.readTree(json), TOWERS.valueToJson(value, TOWER), json);
      assertEquals(value, TOWERS.valueFromJson(TOWERS.valueToJson(value, TOWER), TOWER));
    }
    assertEquals(Tower.EMPTY, read("[]"));
    assertEquals(7L, TOWERS.valueFromJson(JSON.readTree("7"), TowerPrimitives.INT));
  }

  @Test
  void aWorldIsCentredWhenRead() throws Exception {
    assertEquals(
        read("[[-2,3,2,6],[0,7,6,2],[2,3,2,6]]"), read("[[8,3,2,6],[10,7,6,2],[12,3,2,6]]"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
"""
{"x": 1}                          | expected a tower: a plan [[x, w, h], ...] or a world
[[0,6]]                           | block 0: expected [x, w, h] (a plan) or [x, y, w, h] (a world)
[[0,6,2],[1,2,3,4]]               | block 1: expected [x, w, h] like block 0
[[0,6,2],[1.5,2,6]]               | block 1: 1.5 is not an integer
[[0,6,2],[1,"2",6]]               | block 1: "2" is not an integer
[[0,5,2]]                         | block 0: width 5 is not a positive even number
[[0,6,0]]                         | block 0: height 0 is not a positive even number
[[0,6,2],[400,6,2]]               | the plan's blocks span 400 units (at most 360)
[[0,3,6,2]]                       | block 0 [0,3,6,2] is not where it would come to rest (y = 1)
[[0,1,6,2],[2,1,6,2]]             | block 1 [2,1,6,2] is not where it would come to rest (y = 3)
""")
  void badValuesAreOneLineInputErrors(String json, String message) {
    InputException e = assertThrows(InputException.class, () -> read(json));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void tooManyBlocksAndTooTallWorldsAreInputErrors() {
    String many = "[" + "[0,2,6],".repeat(100) + "[0,2,6]]";
    assertTrue(
        assertThrows(InputException.class, () -> read(many))
            .getMessage()
            .contains("101 blocks (at most 100)"));
    StringBuilder tall = new StringBuilder("[");
    for (int i = 0; i < 42; i++) {
      tall.append(i == 0 ? "" : ",").append("[0,").append(3 + 6 * i).append(",2,6]");
    }
    String tallWorld = tall.append("]").toString();
    assertTrue(
        assertThrows(InputException.class, () -> read(tallWorld))
            .getMessage()
            .contains("more than 250 units high"));
  }

  @Test
  void theLikelihoodComparesDroppedBlocksWhateverTheOrder() throws Exception {
    Object target = read("[[-3,1,6,2],[3,1,6,2],[0,3,6,2]]");
    Object sameWorld = read("[[6,6,2],[0,6,2],[3,6,2]]");
    Object otherOrder = read("[[3,6,2],[0,6,2],[6,6,2]]");
    Object asPlan = read("[[0,6,2],[6,6,2],[3,6,2]]");
    assertEquals(0.0, TOWERS.likelihood().logLikelihood(sameWorld, target));
    assertEquals(0.0, TOWERS.likelihood().logLikelihood(sameWorld, asPlan));
    // Placed first, the middle brick lies on the floor and the others beside it.
    assertEquals(Double.NEGATIVE_INFINITY, TOWERS.likelihood().logLikelihood(otherOrder, target));
    assertEquals(Double.NEGATIVE_INFINITY, TOWERS.likelihood().logLikelihood(Tower.EMPTY, target));
    assertEquals(Double.NEGATIVE_INFINITY, TOWERS.likelihood().logLikelihood(3L, target));
  }

  @Test
  void aTargetIsTheWorldOfANonEmptyTowerThatFits() throws Exception {
    Object tower = read("[[0,6,2],[6,6,2],[3,6,2]]");
    assertEquals(
        Optional.of(read("[[-3,1,6,2],[3,1,6,2],[0,3,6,2]]")), TOWERS.asTarget(tower, TOWER));
    assertEquals(Optional.empty(), TOWERS.asTarget(Tower.EMPTY, TOWER));
    Object tall = read("[" + "[0,2,6],".repeat(42) + "[0,2,6]]");
    assertEquals(Optional.empty(), TOWERS.asTarget(tall, TOWER));
  }

  @Test
  void theFeaturizerSeesEachBlocksShapeAndPlace() throws Exception {
    Object world = read("[[-2,3,2,6],[0,7,6,2],[2,3,2,6]]");
    assertEquals(
        JSON.readTree("[\"v\",-2,3,\"v\",2,3,\"h\",0,7]"), TowerValues.featureJson(world, TOWER));
    SequenceFeaturizer f = (SequenceFeaturizer) TOWERS.featurizer();
    int[][] tokens =
        f.sequences(TowerPrimitives.STEP, List.of(Example.of(List.of(Tower.EMPTY), world)));
    assertEquals(1, tokens.length);
    assertTrue(tokens[0].length > 9);
  }

  @Test
  void showGivesTheWorldOfATower() throws Exception {
    assertEquals("[[-3,1,6,2],[3,1,6,2]]", TOWERS.show(read("[[0,6,2],[6,6,2]]"), TOWER));
  }

  @Test
  void taskFilesMayGiveAPlanAWorldOrAProgram() {
    Suite suite =
        Suites.parse(
            "{\"name\": \"mine\", \"tower_tasks\": [{\"name\": \"a\", \"plan\": [[0,6,2]]},"
                + " {\"name\": \"b\", \"world\": [[0,1,2,2]], \"train\": true},"
                + " {\"name\": \"c\", \"program\": \"(lambda (1x3 (moveHand 4 (1x3 $0))))\"}]}",
            "mine.json");
    assertEquals("mine", suite.name());
    assertEquals("towers", suite.domain());
    assertEquals(
        List.of("b"),
        suite.ownSplit().orElseThrow().train().tasks().stream().map(t -> t.name()).toList());
    assertEquals(
        TowerValues.fromJson(
            JSON.valueToTree(List.of(List.of(-2, 3, 2, 6), List.of(2, 3, 2, 6))), TOWER),
        suite.task("c").examples().get(0).output());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
"""
[{"name": "a", "plan": [[0,6,2]], "colour": "red"}]  | f.json: task #0 'a': unknown key 'colour'
[{"name": "a", "plan": [[0,6]]}]                     | f.json: task #0 'a': 'plan': block 0: expected [x, w, h]
[{"name": "a", "plan": [[0,3,6,2]]}]                 | f.json: task #0 'a': 'plan' has blocks [x, y, w, h]
[{"name": "a", "plan": []}]                          | f.json: task #0 'a': the target has no blocks
[{"name": "a", "plan": [[0,6,2]]}, {"name": "a", "plan": [[0,6,2]]}] | f.json: task #1 'a': a second task
[{"name": "a", "plan": [[0,6,2]], "world": [[0,1,2,2]]}] | f.json: task #0 'a': its 'world' is not its 'plan'
[{"name": "a", "plan": [[0,6,2]], "train": "yes"}]   | f.json: task #0 'a': 'train' must be true or false
[{"plan": [[0,6,2]]}]                                | f.json: task #0: missing 'name'
{"tower_tasks": [{"name": "a"}]}                     | f.json: task #0 'a': needs a 'plan', a 'world' or a 'program'
{"tower_tasks": [{"name": "a", "program": "(lambda (1x3 $0)"}]} | f.json: task #0 'a': bad program
{"tower_tasks": [{"name": "a", "program": "(lambda 3)"}]} | f.json: task #0 'a': bad program
{"tower_tasks": [{"name": "a", "program": "(lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8 (lambda (lambda (3x1 $0))) $0))) $0))) $0))"}]} | f.json: task #0 'a': its program fails: a tower of more than 100 blocks
{"domain": "towers-new", "tower_tasks": []}          | f.json: unknown tower domain 'towers-new'
{"tower_tasks": []}                                  | f.json: 'tower_tasks' must be a non-empty array
""")
  void badTaskFilesAreOneLineErrorsNamingFileAndTask(String content, String message) {
    TaskFormatException e =
        assertThrows(TaskFormatException.class, () -> Suites.parse(content, "f.json"));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void theBuiltInSuiteHasGradedFamiliesWithOneExampleEach() {
    Suite suite = Suites.byName("towers");
    assertTrue(suite.size() >= 60, suite.size() + " tasks");
    assertEquals(74, suite.size());
    assertEquals(14, suite.tasks().stream().map(t -> Suite.family(t.name())).distinct().count());
    for (var t : suite.tasks()) {
      assertEquals(1, t.examples().size());
      assertEquals(Tower.EMPTY, t.examples().get(0).inputs().get(0));
      JsonNode world = TOWERS.valueToJson(t.examples().get(0).output(), TOWER);
      assertTrue(world.size() >= 1, t.name());
    }
    assertEquals(suite, Suites.byName("towers"));
  }

  @Test
  void towerIsTheContinuationType() {
    for (Domain d : List.of(TOWERS, TowerPrimitivesTest.OLD)) {
      assertEquals(Optional.of(TOWER), d.continuationType());
      assertEquals(Optional.of(TOWER), d.baseGrammar().continuationType());
    }
    Grammar g = TOWERS.baseGrammar();
    // Inside an embedding, the rest of the building is the body's own continuation, not the outer.
    Program outer = Program.parse("(lambda (tower_embed (lambda $1) $0))", TOWERS.resolver());
    assertEquals(Double.NEGATIVE_INFINITY, g.logPrior(outer, TowerPrimitives.STEP));
    Program inner = Program.parse("(lambda (tower_embed (lambda $0) $0))", TOWERS.resolver());
    assertTrue(g.logPrior(inner, TowerPrimitives.STEP) > Double.NEGATIVE_INFINITY);
  }

  /**
   * Every reference program of the built-in suite is in the language of the continuation grammar,
   * and no less likely than with every tower variable a choice at each tower hole.
   */
  @Test
  void theSuitesReferenceProgramsUseTheInnermostContinuation() {
    Grammar with = TOWERS.baseGrammar();
    Grammar without = Grammar.uniform(TOWERS.primitives());
    int likelier = 0;
    for (GeneratedTask t : TowerSuite.generate(BuiltInSuite.SEED)) {
      Program p = Program.parse(t.referenceProgram(), TOWERS.resolver());
      double a = with.logPrior(p, TowerPrimitives.STEP);
      double b = without.logPrior(p, TowerPrimitives.STEP);
      assertTrue(a > Double.NEGATIVE_INFINITY, t.task().name());
      assertTrue(a >= b - 1e-9, t.task().name() + ": " + a + " < " + b);
      likelier += a > b + 1e-9 ? 1 : 0;
    }
    assertTrue(likelier > 0, "loops and embeddings have two tower variables in scope");
  }
}

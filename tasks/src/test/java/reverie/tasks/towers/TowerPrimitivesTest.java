package reverie.tasks.towers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.EvaluationBudget;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;

class TowerPrimitivesTest {
  static final Domain TOWERS = Domains.installed().byName("towers");
  static final Domain OLD = Domains.installed().byName("towers-old");

  /** The tower {@code program} builds from the empty tower, with the default budget. */
  static Object run(String program) {
    return run(program, EvaluationBudget.DEFAULT.meter());
  }

  static Object run(String program, Budget budget) {
    Program p = Program.parse(program, TOWERS.resolver());
    TypeInference.check(p, TowerPrimitives.STEP);
    return Scorer.of(TOWERS).compile(p).run(List.of(Tower.EMPTY), budget);
  }

  /** The plan {@code program} builds, as JSON. */
  static String plan(String program) {
    try {
      return TOWERS.valueToJson(run(program), TowerPrimitives.TOWER).toString();
    } catch (EvaluationException e) {
      return "error: " + e.getMessage();
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
"""
(lambda $0)                                                    | []
(lambda (3x1 $0))                                              | [[0,6,2]]
(lambda (1x3 (moveHand 4 (1x3 $0))))                           | [[0,2,6],[4,2,6]]
(lambda (reverseHand (moveHand 3 (1x3 $0))))                   | [[-3,2,6]]
(lambda (moveHand 2 (reverseHand (moveHand 3 (1x3 $0)))))      | [[-1,2,6]]
(lambda (tower_embed (lambda (moveHand 5 (1x3 $0))) (3x1 $0))) | [[5,2,6],[0,6,2]]
(lambda (tower_embed (lambda (reverseHand $0)) (moveHand 1 (1x3 $0)))) | [[1,2,6]]
(lambda (tower_loopM 3 (lambda (lambda (moveHand $1 (1x3 $0)))) $0)) | [[0,2,6],[1,2,6],[3,2,6]]
(lambda (tower_loopM 2 (lambda (lambda (3x1 $0))) (1x3 $0)))   | [[0,6,2],[0,6,2],[0,2,6]]
(lambda (tower_loopM 1 (lambda (lambda (tower_loopM $1 (lambda (lambda (1x3 $0))) $0))) $0)) | []
(lambda (right 4 (1x3 (left 2 (3x1 $0)))))                     | [[4,2,6],[2,6,2]]
(lambda (reverseHand (right 3 (1x3 $0))))                      | [[3,2,6]]
(lambda (reverseHand (right 3 (moveHand 1 (1x3 $0)))))         | [[2,2,6]]
(lambda (tower_loopM 4 (lambda (lambda (3x1 (right 7 $0)))) $0)) | [[0,6,2],[7,6,2],[14,6,2],[21,6,2]]
""")
  void primitivesBehaveAsInDreamCoder(String program, String expected) {
    assertEquals(expected, plan(program));
  }

  @Test
  void theTwoSetsHaveDreamCodersPrimitivesAndIntegersOneToEight() {
    List<String> common =
        List.of("tower_loopM", "tower_embed", "3x1", "1x3", "1", "2", "3", "4", "5", "6", "7", "8");
    List<String> newSet = TOWERS.primitives().stream().map(p -> p.name()).toList();
    List<String> oldSet = OLD.primitives().stream().map(p -> p.name()).toList();
    assertEquals(common, newSet.subList(0, 12));
    assertEquals(List.of("moveHand", "reverseHand"), newSet.subList(12, newSet.size()));
    assertEquals(common, oldSet.subList(0, 12));
    assertEquals(List.of("left", "right"), oldSet.subList(12, oldSet.size()));
    // Either domain parses and runs the other's programs: DreamCoder's tasks use left/right.
    assertTrue(OLD.resolver().resolve("moveHand").isPresent());
    assertTrue(TOWERS.resolver().resolve("left").isPresent());
    assertTrue(TOWERS.resolver().resolve("9").isEmpty());
  }

  @Test
  void oldSetMovesAreNewSetMovesWithTheHandFacingRight() {
    // right n = moveHand n; left n k = reverseHand (moveHand n (reverseHand k)).
    assertEquals(plan("(lambda (right 5 (1x3 $0)))"), plan("(lambda (moveHand 5 (1x3 $0)))"));
    assertEquals(
        plan("(lambda (left 5 (1x3 (right 2 (3x1 $0)))))"),
        plan("(lambda (reverseHand (moveHand 5 (reverseHand (1x3 (moveHand 2 (3x1 $0)))))))"));
  }

  @Test
  void runawayProgramsFailWithinTheirBudget() {
    // 8^3 blocks: more than 100.
    String many =
        "(lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8"
            + " (lambda (lambda (1x3 $0))) $0))) $0))) $0))";
    assertEquals("error: " + Tower.TOO_MANY_BLOCKS.getMessage(), plan(many));
    String wide =
        "(lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8 (lambda (lambda (moveHand 8 $0)))"
            + " (1x3 $0)))) $0))";
    assertEquals("error: " + Tower.TOO_WIDE.getMessage(), plan(wide));
    // Eight nested loops of moves alone: no blocks, so only the step budget stops it.
    String spin = "(moveHand 1 $0)";
    for (int i = 0; i < 8; i++) {
      spin = "(tower_loopM 8 (lambda (lambda " + spin + ")) $0)";
    }
    String spinning = "(lambda " + spin + ")";
    EvaluationException e = assertThrows(EvaluationException.class, () -> run(spinning));
    assertTrue(e.budgetExceeded(), e.getMessage());
  }

  @Test
  void aWorldIsNoTowerToBuildOn() {
    Object world = run("(lambda (3x1 $0))");
    World target = ((Tower) world).world();
    Program p = Program.parse("(lambda (1x3 $0))", TOWERS.resolver());
    EvaluationException e =
        assertThrows(
            EvaluationException.class,
            () -> Scorer.of(TOWERS).compile(p).run(List.of(target), Budget.standard()));
    assertSame(Tower.NOT_A_TOWER, e);
  }
}

package reverie.tasks.logo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.InputException;
import reverie.dsl.eval.EvaluationBudget;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.program.Program;
import reverie.tasks.CheckReport;
import reverie.tasks.Domains;
import reverie.tasks.Example;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

class LogoDomainTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LogoDomain LOGO = (LogoDomain) Domains.installed().byName("logo");
  private static final String SQUARE =
      "(lambda (logo_forLoop 4 (lambda (lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 4) $0)))"
          + " $0))";
  private static final String LINE = "(lambda (logo_FWRT logo_UL logo_ZA $0))";

  /** Runs a {@code turtle -> turtle} program on the start state with the standard budget. */
  private static Turtle run(String program) {
    Scorer scorer = Scorer.of(LOGO);
    return (Turtle)
        scorer
            .compile(Program.parse(program, LOGO.resolver()))
            .run(LogoDomain.START_INPUTS, scorer.meter());
  }

  /** The segments drawn, rounded to 1e-9, as "x0,y0>x1,y1 ..." from the start at (0, 0). */
  private static String segments(String program) {
    Drawing d = run(program).drawing();
    double[] c = d.centred();
    // Undo the centring with the first endpoint as origin, to read positions relative to the start.
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 4 * d.segments(); i += 4) {
      s.append(s.length() == 0 ? "" : " ")
          .append(round(c[i] - c[0]))
          .append(',')
          .append(round(c[i + 1] - c[1]))
          .append('>')
          .append(round(c[i + 2] - c[0]))
          .append(',')
          .append(round(c[i + 3] - c[1]));
    }
    return s.toString();
  }

  private static String round(double v) {
    double r = Math.rint(v * 1000) / 1000;
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }

  @Test
  void hasDreamCodersPrimitivesInItsOrder() {
    assertEquals(
        "logo_UA logo_UL logo_ZA logo_ZL logo_DIVA logo_MULA logo_DIVL logo_MULL logo_ADDA"
            + " logo_SUBA logo_PT logo_FWRT logo_GETSET logo_IFTY logo_epsA logo_epsL logo_forLoop"
            + " 0 1 2 3 4 5 6 7 8 9",
        String.join(" ", LOGO.primitives().stream().map(p -> p.name()).toList()));
    assertEquals(LOGO.primitives().size(), LOGO.implementations().size());
    assertEquals(
        "int -> (int -> turtle -> turtle) -> turtle -> turtle",
        LOGO.resolver().resolve("logo_forLoop").orElseThrow().type().toString());
    assertEquals(
        "(turtle -> turtle) -> turtle -> turtle",
        LOGO.resolver().resolve("logo_PT").orElseThrow().type().toString());
    assertEquals("int", LOGO.resolver().resolve("7").orElseThrow().type().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      (lambda (logo_FWRT logo_UL logo_ZA $0))                                         | 0,0>1,0
      (lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 4) (logo_FWRT logo_UL logo_ZA $0)))  | 0,0>1,0 1,0>1,1
      (lambda (logo_FWRT (logo_MULL logo_UL 2) logo_ZA (logo_FWRT logo_ZL logo_ZA $0)))  | 0,0>2,0 2,0>2,0
      (lambda (logo_PT (lambda (logo_FWRT logo_UL logo_ZA $0)) (logo_FWRT logo_UL logo_ZA $0))) | 0,0>1,0
      (lambda (logo_GETSET (lambda (logo_FWRT logo_UL logo_ZA $0)) (logo_FWRT logo_UL (logo_DIVA logo_UA 4) $0))) | 0,0>1,0 0,0>1,0
      (lambda (logo_forLoop 3 (lambda (lambda (logo_FWRT (logo_MULL logo_UL $1) logo_ZA $0))) $0)) | 0,0>0,0 0,0>1,0 1,0>3,0
      (lambda (logo_FWRT logo_epsL (logo_SUBA logo_ZA (logo_MULA (logo_MULA logo_epsA 5) 2)) (logo_FWRT logo_UL logo_ZA $0))) | 0,0>0.05,0 0.05,0>0.05,-1
      """)
  void turtleSemanticsFollowDreamCodersInterpreter(String program, String expected) {
    assertEquals(expected, segments(program));
  }

  @Test
  void penUpBlockMovesWithoutDrawingAndPutsThePenBack() {
    // pen up for 1 unit, then draw 1 unit: the drawn segment starts 1 unit from the start.
    Drawing d =
        run("(lambda (logo_FWRT logo_UL logo_ZA (logo_PT (lambda (logo_FWRT logo_UL logo_ZA $0))"
                + " (logo_FWRT logo_UL logo_ZA $0))))")
            .drawing();
    assertEquals(2, d.segments());
    assertEquals(3, d.width(), 1e-12);
  }

  @Test
  void aBodyThatDropsItsContinuationRestoresWhatItsOwnEntrySaved() {
    // The outer GETSET saves the start; its body moves 1, then an inner GETSET whose body returns
    // the outer body's continuation (dropping its own). DreamCoder's OCaml restores the outer
    // entry's state (the start), so the final move draws from the start again.
    String program =
        "(lambda (logo_GETSET (lambda (logo_FWRT logo_UL logo_ZA (logo_GETSET (lambda $1) $0)))"
            + " (logo_FWRT logo_ZL (logo_DIVA logo_UA 4) (logo_FWRT logo_UL logo_ZA $0))))";
    // (A stack of saves would restore the inner entry's (1, 0): 0,0>1,0 1,0>1,0 1,0>1,1.)
    assertEquals("0,0>1,0 0,0>0,0 0,0>0,1", segments(program));
  }

  @Test
  void divisionByZeroFails() {
    assertThrows(
        EvaluationException.class,
        () -> run("(lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 0) $0))"));
  }

  @Test
  void runawayDrawingsFailOnTheBudget() {
    // 20^4 = 160,000 segments: beyond the standard budget's cells and steps.
    String program =
        "(lambda (logo_forLoop logo_IFTY (lambda (lambda (logo_forLoop logo_IFTY (lambda (lambda"
            + " (logo_forLoop logo_IFTY (lambda (lambda (logo_forLoop logo_IFTY (lambda (lambda"
            + " (logo_FWRT logo_epsL logo_epsA $0))) $0))) $0))) $0))) $0))";
    EvaluationException e = assertThrows(EvaluationException.class, () -> run(program));
    assertTrue(e.budgetExceeded(), e.getMessage());
  }

  @Test
  void squareMatchesItsOwnRenderingAndALineDoesNot() {
    Task task = task(SQUARE);
    Scorer scorer = Scorer.of(LOGO);
    assertTrue(scorer.check(task, SQUARE).passed());
    // The same square drawn clockwise from another corner renders the same pixels.
    assertTrue(
        scorer
            .check(
                task,
                "(lambda (logo_forLoop 4 (lambda (lambda (logo_FWRT logo_UL (logo_MULA (logo_DIVA"
                    + " logo_UA 4) 3) $0))) $0))")
            .passed());
    CheckReport line = scorer.check(task, LINE);
    assertFalse(line.passed());
    assertTrue(line.results().get(0).actual().isPresent());
  }

  @Test
  void offCanvasDrawingsNeverMatch() {
    String tall =
        "(lambda (logo_FWRT logo_ZL (logo_DIVA logo_UA 4) (logo_FWRT (logo_MULL logo_UL 9)"
            + " logo_ZA (logo_FWRT logo_UL logo_ZA $0))))";
    Turtle t = run(tall);
    assertFalse(t.drawing().onCanvas());
    assertEquals(10, t.drawing().height(), 1e-9);
    // Its own (clipped) rendering is no match: the drawing is rejected before comparing.
    assertEquals(Double.NEGATIVE_INFINITY, LOGO.likelihood().logLikelihood(t, t.image(28)), 0);
    assertTrue(LOGO.asTarget(t, LogoDomain.TURTLE).isEmpty());
    assertTrue(LOGO.show(t, LogoDomain.TURTLE).contains("off the canvas"), LOGO.show(t, null));
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                LOGO.valueFromJson(
                    JSON.readTree("{\"program\": \"" + tall + "\"}"), LogoDomain.TURTLE));
    assertTrue(e.getMessage().contains("off the canvas"), e.getMessage());
  }

  @Test
  void toleranceLetsNearDrawingsMatch() throws Exception {
    GreyImage square = run(SQUARE).image(28);
    GreyImage bigger =
        run(SQUARE.replace("logo_UL", "(logo_DIVL (logo_MULL logo_UL 9) 8)")).image(28);
    assertNotEquals(square, bigger);
    assertFalse(square.matches(bigger));
    double difference = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        difference += Math.abs(square.get(x, y) - bigger.get(x, y));
      }
    }
    double mean = difference / 784;
    assertTrue(mean > 0);
    assertTrue(square.withTolerance(mean).matches(bigger));
    assertFalse(square.withTolerance(mean * 0.99).matches(bigger));
    JsonNode json = LogoDomain.imageToJson(square.withTolerance(2.5));
    assertEquals(2.5, json.get("tolerance").asDouble());
    assertEquals(square.withTolerance(2.5), LOGO.valueFromJson(json, LogoDomain.TURTLE));
  }

  @Test
  void valuesRoundTripThroughJson() throws Exception {
    assertEquals("\"start\"", LOGO.valueToJson(Turtle.START, LogoDomain.TURTLE).toString());
    assertEquals(Turtle.START, LOGO.valueFromJson(JSON.readTree("\"start\""), LogoDomain.TURTLE));
    GreyImage image = run(SQUARE).image(28);
    JsonNode json = LOGO.valueToJson(image, LogoDomain.TURTLE);
    assertEquals(28, json.get("size").asInt());
    assertEquals(784, Base64.getDecoder().decode(json.get("pixels").asText()).length);
    assertEquals(image, LOGO.valueFromJson(json, LogoDomain.TURTLE));
    JsonNode program = JSON.readTree("{\"program\": \"" + SQUARE + "\"}");
    assertEquals(image, LOGO.valueFromJson(program, LogoDomain.TURTLE));
    assertEquals(0.25, LOGO.valueFromJson(JSON.readTree("0.25"), LogoDomain.ANGLE));
    assertEquals(3L, LOGO.valueFromJson(JSON.readTree("3"), LogoDomain.INT));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {"size": 28, "pixels": "AAAA"}                  | 'pixels' has 3 bytes, a 28x28 image needs 784
      {"size": 28, "pixels": "!!"}                    | 'pixels' is not base64
      {"size": 0, "pixels": ""}                       | size 0 is not in 1..512
      {"size": "28", "pixels": ""}                    | 'size' must be an integer
      {"size": 1, "pixels": "AA==", "colour": 1}      | unknown field 'colour'
      {"size": 1, "pixels": "AA==", "tolerance": -1}  | 'tolerance' must be a number of grey levels
      {"program": "(lambda $0)"}                      | the program draws nothing
      {"program": "(lambda (logo_FWRT logo_UL $0))"}  | the program has type
      {"program": "(lambda (logo_FW logo_UL $0))"}    | logo_FW
      [1, 2]                                          | expected "start", an image
      """)
  void badValuesGetOneClearLine(String json, String message) throws Exception {
    InputException e =
        assertThrows(
            InputException.class, () -> LOGO.valueFromJson(JSON.readTree(json), LogoDomain.TURTLE));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void fantasyTargetsAreImagesOfDrawingsOnTheCanvas() {
    assertEquals(
        run(SQUARE).image(28), LOGO.asTarget(run(SQUARE), LogoDomain.TURTLE).orElseThrow());
    assertTrue(LOGO.asTarget(Turtle.START, LogoDomain.TURTLE).isEmpty());
    float[][] images =
        ((reverie.tasks.ImageFeaturizer) LOGO.featurizer())
            .images(LogoDomain.REQUEST, task(SQUARE).examples());
    assertEquals(784, images[0].length);
    float sum = 0;
    for (float f : images[0]) {
      assertTrue(f >= 0 && f <= 1);
      sum += f;
    }
    // A unit square's strokes cover 0.9 square units, about 8.7 pixels of 9/28 units.
    assertEquals(8.7, sum, 0.5);
  }

  @Test
  void drawingsAreEqualWhenTheyDrawTheSameSegments() {
    assertEquals(run(SQUARE), run(SQUARE));
    assertEquals(run(SQUARE).hashCode(), run(SQUARE).hashCode());
    assertNotEquals(run(SQUARE), run(LINE));
    assertEquals(Turtle.START, run("(lambda $0)"));
  }

  @Test
  void exampleArgumentsHaveTheirTypes() {
    for (var t :
        java.util.List.of(
            LogoDomain.INT,
            LogoDomain.ANGLE,
            LogoDomain.LENGTH,
            LogoDomain.REQUEST,
            reverie.dsl.type.Type.arrow(LogoDomain.INT, LogoDomain.TURTLE, LogoDomain.TURTLE))) {
      assertFalse(LOGO.exampleArguments(t).isEmpty(), t.toString());
      for (Program p : LOGO.exampleArguments(t)) {
        assertEquals(t, reverie.dsl.program.TypeInference.check(p, t), p.toString());
      }
    }
    assertTrue(LOGO.defaultInputs(LogoDomain.REQUEST).isPresent());
    assertTrue(LOGO.defaultInputs(LogoDomain.TURTLE).isEmpty());
  }

  @Test
  void referenceBudgetIsTheStandardOneInStepsAndCells() {
    assertEquals(EvaluationBudget.DEFAULT.steps(), LogoDomain.REFERENCE_BUDGET.steps());
    assertEquals(EvaluationBudget.DEFAULT.cells(), LogoDomain.REFERENCE_BUDGET.cells());
  }

  @Test
  void picturesAreColouredDrawingsAndGreyTargets() {
    var picture = LOGO.picture(run(SQUARE), LogoDomain.TURTLE, 64).orElseThrow();
    assertEquals(64, picture.getWidth());
    var grey = LOGO.picture(run(SQUARE).image(28), LogoDomain.TURTLE, 56).orElseThrow();
    assertEquals(56, grey.getHeight());
    int[] corner = picture.getRGB(0, 0, 1, 1, null, 0, 1);
    assertArrayEquals(new int[] {0xffffffff}, corner);
  }

  private static Task task(String program) {
    return new Task(
        "t",
        LogoDomain.REQUEST,
        com.google.common.collect.ImmutableList.of(
            new Example(LogoDomain.START_INPUTS, LOGO.draw(program).image(28))),
        "logo");
  }
}

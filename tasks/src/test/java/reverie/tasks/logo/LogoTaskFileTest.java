package reverie.tasks.logo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.InputException;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;
import reverie.tasks.SharedData;
import reverie.tasks.Suite;
import reverie.tasks.Suites;
import reverie.tasks.Task;

class LogoTaskFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SQUARE =
      "(lambda (logo_forLoop 4 (lambda (lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 4) $0)))"
          + " $0))";

  @Test
  void readsDreamCodersLogoTasksWithTheirSplit() throws Exception {
    var file = SharedData.dreamCoderLogo();
    Suite suite = Suites.load(file);
    assertEquals("logo", suite.domain());
    assertEquals(160, suite.size());
    Suite.Split split = suite.ownSplit().orElseThrow();
    assertEquals(80, split.train().size());
    assertEquals(80, split.test().size());
    JsonNode tasks = JSON.readTree(Files.readString(file));
    Scorer scorer = Scorer.of(Domains.installed().byName("logo"));
    List<String> failing = new ArrayList<>();
    for (JsonNode t : tasks) {
      Task task = suite.task(t.get("name").asText());
      assertEquals(t.get("train").asBoolean(), split.train().find(task.name()).isPresent());
      Program p =
          Program.parse(t.get("program").asText(), Domains.installed().byName("logo").resolver());
      assertEquals("turtle -> turtle", TypeInference.infer(p).toString());
      if (!scorer.check(task, p).passed()) {
        failing.add(task.name());
      }
    }
    // DreamCoder's rules reject this drawing, 1 x 10 units, as off the canvas; so do Reverie's.
    assertEquals(List.of("blocks zigzag 5"), failing);
    assertFalse(
        scorer.check(suite.tasks().get(0), "(lambda (logo_FWRT logo_UL logo_ZA $0))").passed());
  }

  @Test
  void aSmallFileMarksItsTrainingTasks() {
    Suite s =
        Suites.parse(
            "[{\"name\": \"square\", \"program\": \""
                + SQUARE
                + "\", \"train\": true}, {\"name\": \"line\", \"program\": \"(lambda (logo_FWRT"
                + " logo_UL logo_ZA $0))\", \"train\": false}]",
            "mine.json");
    assertEquals("mine", s.name());
    assertEquals(
        List.of("square"),
        s.ownSplit().orElseThrow().train().tasks().stream().map(Task::name).toList());
    Suite unmarked =
        Suites.parse("[{\"name\": \"square\", \"program\": \"" + SQUARE + "\"}]", "unmarked.json");
    assertTrue(unmarked.ownSplit().isEmpty());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      [{"name": "a", "program": "(lambda (logo_FWRT logo_UL logo_ZA $0))"}, {"name": "b", "program": "(lambda (logo_FWRT logo_UL $0))"}] | bad.json: task #1 'b': program: the program has type
      [{"name": "a", "program": "(lambda (logo_FWRT logo_UL logo_ZA $0))"}, {"name": "b", "program": "(lambda (logo_FW $0))"}]          | bad.json: task #1 'b': program: column
      [{"name": "a", "program": "(lambda (logo_FWRT logo_UL logo_ZA $0))"}, {"name": "a", "program": "(lambda $0)"}]                    | bad.json: task #1 'a': duplicate task name
      [{"name": "a", "program": "(lambda (logo_FWRT logo_UL logo_ZA $0))", "plan": []}]                                                | bad.json: task #0 'a': unknown field 'plan'
      [{"name": "a", "program": "(lambda (logo_FWRT logo_UL logo_ZA $0))", "train": "yes"}]                                            | bad.json: task #0 'a': 'train' must be true or false
      [{"name": "a", "program": "(lambda $0)"}]                                                                                          | bad.json: task #0 'a': program: the program draws nothing
      [{"name": "a", "program": "(lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 0) $0))"}]                                              | bad.json: task #0 'a': program: the program failed: division by zero
      """)
  void badFilesGetOneLineNamingTheTask(String content, String message) {
    InputException e = assertThrows(InputException.class, () -> Suites.parse(content, "bad.json"));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void towerTasksAreNotTakenForLogo() {
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                Suites.parse(
                    "[{\"name\": \"t\", \"program\": \"(lambda (3x1 $0))\", \"plan\": []}]",
                    "towers.json"));
    assertFalse(e.getMessage().contains("logo"), e.getMessage());
  }

  @Test
  void aReverieSuiteMayGiveTargetsAsImagesOrPrograms() throws Exception {
    String image =
        JSON.writeValueAsString(LogoDomain.imageToJson(new LogoDomain().draw(SQUARE).image(28)));
    Suite s =
        Suites.parse(
            "{\"domain\": \"logo\", \"tasks\": [{\"name\": \"by program\", \"request\": \"turtle ->"
                + " turtle\", \"examples\": [{\"inputs\": [\"start\"], \"output\": {\"program\": \""
                + SQUARE
                + "\"}}]}, {\"name\": \"by image\", \"request\": \"turtle -> turtle\", \"examples\":"
                + " [{\"inputs\": [\"start\"], \"output\": "
                + image
                + "}]}]}",
            "suite.json");
    assertEquals(s.tasks().get(0).examples(), s.tasks().get(1).examples());
    Scorer scorer = Scorer.of(Domains.installed().byName("logo"));
    assertTrue(scorer.check(s.tasks().get(1), SQUARE).passed());
    // Written out and read back: the same tasks.
    assertEquals(s.tasks(), Suites.parse(Suites.toJsonString(s), "again.json").tasks());
    InputException bad =
        assertThrows(
            InputException.class,
            () ->
                Suites.parse(
                    "{\"domain\": \"logo\", \"tasks\": [{\"name\": \"x\", \"request\": \"turtle ->"
                        + " turtle\", \"examples\": [{\"inputs\": [\"start\"], \"output\": {\"size\":"
                        + " 28, \"pixels\": \"AAAA\"}}]}]}",
                    "suite.json"));
    assertEquals(
        "suite.json: task #0 'x', example 0: output: image: 'pixels' has 3 bytes, a 28x28 image"
            + " needs 784",
        bad.getMessage());
  }
}

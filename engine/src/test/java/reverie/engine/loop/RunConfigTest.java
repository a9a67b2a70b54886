package reverie.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A run's configuration keeps its program budget, and runs written before it still load. */
class RunConfigTest {

  @Test
  void aProgramBudgetSurvivesTheJsonForm() {
    RunConfig config = RunConfig.defaults().withMaxPrograms(OptionalLong.of(20_000));
    ObjectNode json = config.toJson();
    assertEquals(20_000, json.get("max_programs").longValue());
    assertEquals(config, RunConfig.fromJson(json, "config.json"));
    // Other changes keep it.
    assertEquals(config.maxPrograms(), config.withThreads(1).withIterations(7).maxPrograms());
  }

  @Test
  void aConfigurationWithoutAProgramBudgetIsWrittenAsBeforeAndReadBack() {
    ObjectNode json = RunConfig.defaults().toJson();
    assertFalse(json.has("max_programs"));
    RunConfig read = RunConfig.fromJson(json, "config.json");
    assertEquals(OptionalLong.empty(), read.maxPrograms());
    assertEquals(RunConfig.defaults(), read);
  }
}

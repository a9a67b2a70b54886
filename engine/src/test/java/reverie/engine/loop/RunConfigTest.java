package reverie.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A run's configuration keeps its program budget, test source and the prior's share of the search,
 * and older runs still load.
 */
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

  @Test
  void aTestSourceIsSavedAndReadBackAndOlderConfigsHaveNone() {
    RunConfig plain = RunConfig.defaults();
    ObjectNode json = plain.toJson();
    assertFalse(json.has("test_file") || json.has("test_suite"), json.toString());
    assertEquals(plain, RunConfig.fromJson(json, "config.json"));
    assertFalse(plain.hasTestSource());

    RunConfig tested = plain.withTestSource(Optional.empty(), Optional.of("/data/held-out.json"));
    assertTrue(tested.hasTestSource());
    assertEquals("/data/held-out.json", tested.toJson().get("test_file").asText());
    assertEquals(tested, RunConfig.fromJson(tested.toJson(), "config.json"));
    assertEquals(tested, RunConfig.fromJson(tested.toJson(), "c").withIterations(3));
    assertTrue(tested.source().endsWith("tested on file /data/held-out.json"), tested.source());
    assertEquals(
        Optional.of("text"),
        plain.withTestSource(Optional.of("text"), Optional.empty()).withThreads(1).testSuite());
    assertThrows(
        IllegalArgumentException.class,
        () -> plain.withTestSource(Optional.of("text"), Optional.of("x.json")));
  }

  @Test
  void thePriorsShareIsSavedAndOlderRunsSearchUnderTheModelAlone() {
    RunConfig config = RunConfig.defaults().withPriorShare(0.25);
    assertEquals(0.25, config.toJson().get("prior_share").doubleValue());
    assertEquals(config, RunConfig.fromJson(config.toJson(), "config.json"));
    assertEquals(0.25, config.withThreads(1).withIterations(2).priorShare());
    assertEquals(RunConfig.DEFAULT_PRIOR_SHARE, RunConfig.defaults().priorShare());
    // A run written before the option searched under its model alone, and resumes so.
    ObjectNode older = RunConfig.defaults().toJson();
    older.remove("prior_share");
    assertEquals(0.0, RunConfig.fromJson(older, "config.json").priorShare());
    assertThrows(IllegalArgumentException.class, () -> config.withPriorShare(1.5));
    assertThrows(IllegalArgumentException.class, () -> config.withPriorShare(-0.1));
  }
}

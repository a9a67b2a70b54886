package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchRecognitionCommandTest {

  @Test
  void shortRunReportsSpeedAndHeldOutFigures() throws Exception {
    CliRun run =
        CliRun.of(
            "bench",
            "recognition",
            "--steps",
            "30",
            "--fantasies",
            "10",
            "--threads",
            "1",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode o = new ObjectMapper().readTree(run.out());
    assertEquals(30, o.get("steps").asInt());
    assertTrue(o.get("steps_per_second").asDouble() > 0);
    assertTrue(o.get("replays").asInt() > 0 && o.get("held_out").asInt() > 0, run.out());
    assertTrue(o.get("held_out_log_prior_grammar").asDouble() < 0, run.out());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, CliRun.of("bench", "recognition", "--encoder", "gru").exitCode());
    assertEquals(2, CliRun.of("bench", "recognition", "--steps", "-5").exitCode());
    assertEquals(3, CliRun.of("bench", "recognition", "--suite", "nowhere").exitCode());
    assertEquals(2, CliRun.of("bench").exitCode());
    assertEquals(0, CliRun.of("bench", "recognition", "--help").exitCode());
  }
}

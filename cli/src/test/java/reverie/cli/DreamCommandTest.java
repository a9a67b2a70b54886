package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DreamCommandTest {

  @Test
  void printsFantasiesWithLogPriorAndAnExample() throws Exception {
    CliRun run = CliRun.of("dream", "--domain", "lists", "-n", "5", "--seed", "1", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode doc = new ObjectMapper().readTree(run.out());
    JsonNode fantasies = doc.get("fantasies");
    assertTrue(fantasies.size() >= 1 && fantasies.size() <= 5, run.out());
    for (JsonNode f : fantasies) {
      assertTrue(f.get("log_prior").asDouble() < 0, f.toString());
      assertTrue(f.get("program").asText().startsWith("(lambda"), f.toString());
      assertTrue(f.get("example").has("inputs") && f.get("example").has("output"), f.toString());
    }
    assertEquals(
        run.out(),
        CliRun.of("dream", "--domain", "lists", "-n", "5", "--seed", "1", "--json").out());
  }

  @Test
  void textFormAndErrors() {
    CliRun run = CliRun.of("dream", "-n", "3");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("fantasies"), run.err());
    assertEquals(2, CliRun.of("dream", "--domain", "nowhere").exitCode());
    assertEquals(2, CliRun.of("dream", "-n", "-1").exitCode());
    CliRun help = CliRun.of("dream", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--seed"), help.out());
  }
}

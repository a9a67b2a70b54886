package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import reverie.cli.serve.ServeFixture;

class BenchServeCommandTest {

  @Test
  void reportsTimesAndMemoryForAFolderOfCopies() throws Exception {
    CliRun r =
        CliRun.of(
            "bench",
            "serve",
            ServeFixture.run().toString(),
            "--copies",
            "3",
            "--requests",
            "2",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertEquals(3, o.get("runs").asInt());
    assertTrue(o.get("warm_median_ms").asDouble() > 0);
    assertTrue(o.get("heap_used_mb").asDouble() > 0);
  }

  @Test
  void aMissingRunIsBadInput() {
    CliRun r = CliRun.of("bench", "serve", "no-such-run");
    assertEquals(3, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}

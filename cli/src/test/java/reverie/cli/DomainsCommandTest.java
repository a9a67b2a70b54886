package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainsCommandTest {

  @Test
  void listsTheBuiltInDomainsAndEveryListedSuiteLoads() throws Exception {
    CliRun run = CliRun.of("domains", "--json");
    assertEquals(0, run.exitCode(), run.err());
    List<String> names = new ArrayList<>();
    for (JsonNode d : new ObjectMapper().readTree(run.out()).get("domains")) {
      names.add(d.get("name").asText());
      assertTrue(d.get("primitives").asInt() > 0, d.toString());
      assertTrue(d.get("base_types").size() > 0, d.toString());
      for (JsonNode suite : d.get("suites")) {
        CliRun tasks = CliRun.of("tasks", "--suite", suite.get("name").asText());
        assertEquals(0, tasks.exitCode(), tasks.err());
        assertEquals(suite.get("tasks").asInt(), tasks.out().lines().count(), suite.toString());
      }
    }
    assertTrue(names.containsAll(List.of("lists", "text")), names.toString());
    JsonNode lists =
        new ObjectMapper().readTree(run.out()).get("domains").get(names.indexOf("lists"));
    assertEquals("exact", lists.get("likelihood").asText());
    assertEquals("lists", lists.get("suites").get(0).get("name").asText());
    assertEquals(204, lists.get("suites").get(0).get("tasks").asInt());

    CliRun text = CliRun.of("domains");
    assertEquals(0, text.exitCode());
    assertTrue(text.out().contains("suite text: 104 tasks"), text.out());
  }
}

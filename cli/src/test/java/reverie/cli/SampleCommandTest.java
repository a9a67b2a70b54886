package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/** {@code reverie sample}, run in-process. */
class SampleCommandTest {
  static final Domain LISTS = Domains.installed().byName("lists");
  static final Grammar UNIFORM = Grammar.uniform(LISTS.primitives());

  @Test
  void printsWellTypedProgramsWithTheirLogPriors() {
    String type = "list(int) -> list(int)";
    CliRun run =
        CliRun.of("sample", "--domain", "lists", "--type", type, "-n", "20", "--seed", "3");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(20, lines.length);
    for (String line : lines) {
      String[] parts = line.split("  ", 2);
      Program p = Program.parse(parts[1], LISTS.resolver());
      TypeInference.check(p, Type.parse(type));
      assertEquals(UNIFORM.logPrior(p, Type.parse(type)), Double.parseDouble(parts[0]), 5e-5, line);
    }
    assertEquals(run.out(), CliRun.of("sample", "--type", type, "-n", "20", "--seed", "3").out());
  }

  @Test
  void jsonListsProgramsAndLogPriors() throws Exception {
    CliRun run =
        CliRun.of("sample", "--type", "list(int) -> int", "-n", "5", "--seed", "1", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(5, json.size());
    for (JsonNode entry : json) {
      Program p = Program.parse(entry.get("program").asText(), LISTS.resolver());
      assertEquals(
          UNIFORM.logPrior(p, Type.parse("list(int) -> int")),
          entry.get("log_prior").asDouble(),
          1e-12);
    }
  }

  @Test
  void badTypeIsBadInputAndMissingTypeIsUsage() {
    CliRun bad = CliRun.of("sample", "--type", "list(int -> int");
    assertEquals(3, bad.exitCode());
    assertTrue(bad.err().startsWith("reverie: "), bad.err());
    assertEquals(2, CliRun.of("sample").exitCode());
    // An unknown domain is a bad option value (usage), like every other.
    assertEquals(2, CliRun.of("sample", "--domain", "nope", "--type", "int").exitCode());
    CliRun unknownType = CliRun.of("sample", "--type", "list(integer) -> integer");
    assertEquals(3, unknownType.exitCode());
    assertTrue(unknownType.err().contains("unknown type 'integer'"), unknownType.err());
  }
}

package reverie.engine.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;

/**
 * A quick look at the shared Stitch corpora (skipped when ../shared is absent); the full comparison
 * is a check script.
 */
class SharedCorporaTest {

  private static Path shared() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("data"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return null;
  }

  @Test
  void nutsAndBoltsCompressesAndRewritesExactly() throws IOException {
    Path shared = shared();
    assumeTrue(shared != null, "../shared is absent");
    Path file = shared.resolve("data/stitch/stitch/data/cogsci/nuts-bolts.json");
    assumeTrue(Files.isRegularFile(file));
    JsonNode list = new ObjectMapper().readTree(file.toFile());
    List<List<Program>> corpus = new ArrayList<>();
    for (JsonNode p : list) {
      corpus.add(List.of(Program.parse(p.asText(), PrimitiveResolver.untyped())));
    }
    CompressionResult r =
        Compressor.compress(corpus, CompressionConfig.defaults().withIterations(3).withBeam(1));
    assertEquals(3, r.abstractions().size());
    assertEquals(Costs.corpus(corpus), r.originalCost());
    assertEquals(Costs.corpus(r.rewrittenByTask()), r.finalCost());
    // Stitch reaches CR_min 11.1 with ten abstractions; three already give well over 5
    assertTrue(r.crMin() > 5.0, "cr_min " + r.crMin());
    for (int t = 0; t < corpus.size(); t += 10) {
      Program back =
          r.rewrittenByTask()
              .get(t)
              .get(0)
              .inlineInventions()
              .betaNormalForm(1_000_000)
              .orElseThrow();
      assertEquals(corpus.get(t).get(0), back);
    }
  }
}

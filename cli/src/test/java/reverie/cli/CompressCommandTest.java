package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void programsListToJson() throws IOException {
    Path f = dir.resolve("corpus.json");
    Files.writeString(
        f,
        "[\"(lam (+ 3 (* (+ 2 4) 2)))\", \"(lam (map (lam (+ 3 (* 4 (+ 3 $0)))) $0))\","
            + " \"(lam (* 2 (+ 3 (* $0 (+ 2 1)))))\", \"(lam (+ 3 (* 5 (+ 1 1))))\"]");
    Path out = dir.resolve("out.json");
    Run r = run("compress", f.toString(), "-a", "2", "-i", "2", "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("iteration 0"), r.err());
    JsonNode doc = new ObjectMapper().readTree(out.toFile());
    assertEquals(new ObjectMapper().readTree(r.out()), doc);
    assertEquals(4, doc.get("original").size());
    assertEquals(4, doc.get("rewritten").size());
    assertEquals("(lam (+ 3 (* (+ 2 4) 2)))", doc.get("original").get(0).asText());
    JsonNode a = doc.get("abstractions").get(0);
    assertEquals("fn_0", a.get("name").asText());
    assertTrue(a.get("dreamcoder").asText().startsWith("#(lambda"));
    assertTrue(doc.get("cr_min").asDouble() > 1.0);
    assertTrue(doc.get("final_cost").asLong() < doc.get("original_cost").asLong());
  }

  @Test
  void dreamcoderFormatWithExistingInventions() throws IOException {
    Path f = dir.resolve("dc.json");
    Files.writeString(
        f,
        "{\"DSL\": {\"productions\": [{\"expression\": \"#(lambda (map $0))\"}]},"
            + " \"frontiers\": ["
            + "{\"name\": \"t1\", \"request\": {}, \"programs\": [{\"program\": \"(lambda (#(lambda (map $0)) (lambda (+ (* $0 7) 1)) $0))\"}]},"
            + "{\"name\": \"t2\", \"request\": {}, \"programs\": [{\"program\": \"(lambda (#(lambda (map $0)) (lambda (+ (* $0 5) 1)) $0))\"}]},"
            + "{\"name\": \"t3\", \"request\": {}, \"programs\": [{\"program\": \"(lambda (#(lambda (map $0)) (lambda (+ (* $0 9) 1)) $0))\"}]}]}");
    Run r = run("compress", f.toString(), "--json", "-i", "1");
    assertEquals(0, r.code(), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    // existing inventions are atoms named as Stitch names them, so Stitch's cost model applies to
    // the text
    assertTrue(doc.get("original").get(0).asText().contains("dreamcoder_abstraction_0"));
    assertTrue(doc.get("rewritten_dreamcoder").get(0).asText().contains("#(lambda (map $0))"));
    assertEquals(1, doc.get("abstractions").size());
  }

  @Test
  void badInputIsExitThree() throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "[\"(f x\"]");
    Run r = run("compress", f.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("program 0"), r.err());
    assertEquals(3, run("compress", dir.resolve("missing.json").toString()).code());
  }

  @Test
  void badOptionIsUsage() {
    assertEquals(2, run("compress", "x.json", "--max-arity", "-1").code());
  }
}

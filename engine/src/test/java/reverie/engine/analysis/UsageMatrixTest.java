package reverie.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.InputException;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;

class UsageMatrixTest {
  @TempDir Path dir;

  private static Program p(String text) {
    return Program.parse(text, PrimitiveResolver.untyped());
  }

  private static final String DOUBLE = "#(lambda (map (lambda (+ $0 $0)) $0))";
  private static final String QUAD = "#(lambda (" + DOUBLE + " (" + DOUBLE + " $0)))";

  private UsageMatrix sample() {
    return UsageMatrix.fromSolutions(
        List.of(
            new UsageMatrix.Solution("t1", p("(lambda (" + DOUBLE + " (cdr $0)))")),
            new UsageMatrix.Solution("t2", p("(lambda (" + QUAD + " (" + QUAD + " $0)))")),
            new UsageMatrix.Solution("t3", p("(lambda (cons 1 $0))"))),
        List.of(),
        Optional.of(Map.of("t1", 10.0, "t2", 12.5, "t3", 7.0)));
  }

  @Test
  void countsUsesOutsideInventionBodiesAndRecordsTheHierarchy() {
    UsageMatrix u = sample();
    // Parts are registered before wholes: DOUBLE is inv0 even though t2 only uses QUAD.
    assertEquals("inv0", u.atoms().get(0).name());
    assertEquals(DOUBLE, u.atoms().get(0).dreamcoder());
    assertEquals(QUAD, u.atoms().get(1).dreamcoder());
    int dbl = u.column("inv0");
    int quad = u.column("inv1");
    assertArrayEquals(
        new int[] {1, 0, 0},
        new int[] {u.counts()[0][dbl], u.counts()[1][dbl], u.counts()[2][dbl]});
    assertEquals(2, u.counts()[1][quad], "QUAD used twice by t2; DOUBLE inside it is not a use");
    assertEquals(1, u.counts()[0][u.column("cdr")]);
    assertTrue(
        u.atoms().stream().noneMatch(a -> a.name().equals("map")),
        "map occurs only inside bodies: no use");
    assertEquals(List.of("inv0"), List.copyOf(u.builtFrom().get("inv1")));
    assertEquals(2, u.inventionColumns().length);
  }

  @Test
  void csvRoundTrip() {
    UsageMatrix u = sample();
    Path file = dir.resolve("usage.csv");
    u.writeCsv(file);
    UsageMatrix back = UsageMatrix.readCsv(file);
    assertEquals(u.tasks(), back.tasks());
    assertEquals(u.atoms(), back.atoms());
    assertArrayEquals(u.counts(), back.counts());
    assertEquals(u.builtFrom(), back.builtFrom());
    assertArrayEquals(u.solutionBits().get(), back.solutionBits().get());
  }

  @Test
  void csvNamesUnnamedInventionsAndReadsHierarchyFromForms() throws Exception {
    Files.writeString(
        dir.resolve("u.csv"), "task," + DOUBLE + ",quad=" + QUAD + ",map\nx,1,0,2\ny,0,3,0\n");
    UsageMatrix u = UsageMatrix.readCsv(dir.resolve("u.csv"));
    assertEquals("inv0", u.atoms().get(0).name());
    assertEquals("quad", u.atoms().get(1).name());
    assertEquals(List.of("inv0"), List.copyOf(u.builtFrom().get("quad")));
    assertTrue(u.solutionBits().isEmpty());
  }

  @Test
  void badCsvIsAnInputErrorNamingTheLine() throws Exception {
    String[] bad = {
      "",
      "name,map\nx,1\n",
      "task,map\nx,1,2\n",
      "task,map\nx,-1\n",
      "task,map\nx,one\n",
      "task,map,map\nx,1,1\n",
      "task,#(lambda (f $1))\nx,1\n",
      "task,map\nx,1\nx,2\n",
      "task,map,solution_bits\nx,1,nan\n",
    };
    for (String text : bad) {
      Files.writeString(dir.resolve("bad.csv"), text);
      InputException e =
          assertThrows(
              InputException.class, () -> UsageMatrix.readCsv(dir.resolve("bad.csv")), text);
      assertTrue(e.getMessage().contains("bad.csv"), e.getMessage());
    }
  }

  @Test
  void corruptedUsageFilesAreInputErrorsOrValidReads() throws Exception {
    Path file = dir.resolve("usage.csv");
    PlantedData.realisticUsage(30, 6, 1).writeCsv(file);
    byte[] bytes = Files.readAllBytes(file);
    java.util.Random random = new java.util.Random(8);
    String special = "#()$,\"\n0a-=lambda ";
    int errors = 0;
    for (int trial = 0; trial < 400; trial++) {
      byte[] bad = bytes.clone();
      if (trial % 3 == 0) {
        bad = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      } else {
        for (int k = 0; k < 1 + trial % 5; k++) {
          // Mostly in the header, where the invention forms are parsed.
          int at = random.nextInt(trial % 2 == 0 ? Math.min(400, bad.length) : bad.length);
          bad[at] = (byte) special.charAt(random.nextInt(special.length()));
        }
      }
      Files.write(file, bad);
      try {
        UsageMatrix.readCsv(file);
      } catch (InputException e) {
        errors++;
        assertTrue(e.getMessage().contains("usage.csv"), e.getMessage());
      } catch (RuntimeException e) {
        throw new AssertionError("trial " + trial + ": " + e, e);
      }
    }
    assertTrue(errors > 100, "only " + errors + " corruptions detected");
  }

  @Test
  void byteOrderMarkAndWindowsLineEndingsAreAccepted() throws Exception {
    Files.writeString(dir.resolve("bom.csv"), "\uFEFFtask,map\r\nx,1\r\ny,0\r\n");
    UsageMatrix u = UsageMatrix.readCsv(dir.resolve("bom.csv"));
    assertEquals(List.of("x", "y"), u.tasks());
    assertEquals("map", u.atoms().get(0).name());
  }
}

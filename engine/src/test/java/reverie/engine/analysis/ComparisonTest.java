package reverie.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;

class ComparisonTest {
  @TempDir Path dir;

  private static final String A = "#(lambda (map (lambda (+ $0 $0)) $0))";
  private static final String B = "#(lambda (" + A + " (cdr $0)))";
  private static final String DEAD_PART = "#(lambda (car (cdr $0)))";
  private static final String C = "#(lambda (" + DEAD_PART + " (cons 0 $0)))";

  /** 20 tasks: 0-3 use A, 4-9 use B (built from A), 10-11 use C, the rest primitives only. */
  private static UsageMatrix usage() {
    List<UsageMatrix.Solution> s = new ArrayList<>();
    Map<String, Double> bits = new java.util.HashMap<>();
    for (int t = 0; t < 20; t++) {
      String body = t < 4 ? A + " $0" : t < 10 ? B + " $0" : t < 12 ? C + " $0" : "cdr $0";
      s.add(
          new UsageMatrix.Solution(
              "t" + t, Program.parse("(lambda (" + body + "))", PrimitiveResolver.untyped())));
      bits.put("t" + t, 5.0);
    }
    return UsageMatrix.fromSolutions(s, List.of(), Optional.of(bits));
  }

  /**
   * Feature 0 fires where A or B is used (A's part of B), feature 1 where B is, feature 2 never.
   */
  private static Activations codes() {
    float[][] v = new float[20][3];
    for (int t = 0; t < 20; t++) {
      v[t][0] = t < 10 ? 1 + t / 10f : 0;
      v[t][1] = t >= 4 && t < 10 ? 2 : 0;
    }
    List<String> names = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      names.add("t" + t);
    }
    return new Activations("codes", ImmutableList.copyOf(names), v, false);
  }

  private static Comparison.Report report() {
    return Comparison.compare(
        new Comparison.Input(
            usage(),
            codes(),
            Optional.empty(),
            OptionalInt.of(30),
            new Alignment.Options(200, 1, 0.05, 2),
            Comparison.Precision.defaults()));
  }

  @Test
  void librarySummaryCountsAliveDenseSparsityAndBits() {
    Comparison.LibrarySummary l = report().library();
    UsageMatrix u = usage();
    assertEquals(4, l.inventions(), "A, B, C and C's part");
    assertEquals(4, l.alive(), "the part of C is alive through C");
    assertEquals(0, l.dead());
    assertEquals(
        2, l.denseInventions(), "A (4 of 20 tasks) and B (6); C on exactly 10% is not dense");
    assertEquals(12 / 20.0, l.meanActiveInventions(), 1e-12);
    assertEquals(100.0, l.solutionBits(), 1e-12);
    int bodySizes = 0;
    for (int c : u.inventionColumns()) {
      bodySizes += u.atoms().get(c).bodySize();
    }
    assertEquals(bodySizes * Math.log(u.atoms().size() + 1) / Math.log(2), l.bodyBits(), 1e-9);
    assertEquals(OptionalInt.of(30), l.tasksTotal());
  }

  @Test
  void saeSummaryCountsAliveDeadDenseAndL0() {
    Comparison.SaeSummary s = report().sae();
    assertEquals(3, s.features());
    assertEquals(2, s.alive());
    assertEquals(1, s.dead());
    assertEquals(2, s.dense());
    assertEquals(16 / 20.0, s.l0(), 1e-12);
    assertEquals(16 * (16 + 1), s.codeBits(), 1e-9, "16 values at 16 bits + log2(2 alive)");
    assertTrue(s.fvu().isEmpty() && s.dictionaryBits().isEmpty());
  }

  @Test
  void hierarchyCheckSeesThePartsFeatureOnTheWholesTasks() {
    Comparison.Report r = report();
    Alignment.InventionMatch a =
        r.alignment().inventions().stream()
            .filter(m -> m.dreamcoder().equals(A))
            .findFirst()
            .orElseThrow();
    assertEquals(0, a.bestFeature());
    Alignment.InventionMatch b =
        r.alignment().inventions().stream()
            .filter(m -> m.dreamcoder().equals(B))
            .findFirst()
            .orElseThrow();
    assertEquals(1, b.bestFeature());
    Alignment.HierarchyCheck h =
        r.alignment().hierarchy().stream()
            .filter(c -> c.whole().equals(b.invention()))
            .findFirst()
            .orElseThrow();
    assertEquals(a.invention(), h.part());
    assertEquals(1.0, h.firesOnWhole(), 1e-12);
    assertEquals(0.5, h.baseRate(), 1e-12);
    assertTrue(h.holds());
  }

  @Test
  void saeModelGivesFvuAndZeroResidualForAPerfectReconstruction() {
    // An identity SAE (standard ReLU, W_enc = W_dec = I, no biases) reconstructs non-negative
    // inputs exactly.
    int d = 3;
    float[] eye = new float[d * d];
    for (int i = 0; i < d; i++) {
      eye[i * d + i] = 1;
    }
    SparseAutoencoder sae =
        new SparseAutoencoder(
            SparseAutoencoder.Architecture.STANDARD,
            d,
            d,
            eye,
            new float[d],
            eye.clone(),
            new float[d],
            new float[0],
            0,
            true);
    Comparison.SaeModel model = new Comparison.SaeModel(sae, codes());
    Comparison.Report r =
        Comparison.compare(
            new Comparison.Input(
                usage(),
                model.codes(),
                Optional.of(model),
                OptionalInt.empty(),
                new Alignment.Options(0, 1, 0.05, 2),
                Comparison.Precision.defaults()));
    assertEquals(0.0, r.sae().fvu().orElseThrow(), 1e-12);
    assertEquals(0.0, r.sae().residualBits().orElseThrow(), 1e-12);
    assertEquals(
        (2 + 1) * d * 16.0, r.sae().dictionaryBits().orElseThrow(), 1e-12, "alive rows + b_dec");
  }

  @Test
  void writesFourReadableOutputs() throws Exception {
    Comparison.Report r = report();
    ReportWriter.writeAll(r, dir);
    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("compare.json")));
    for (String key :
        new String[] {"library", "sae", "alignment", "alignment_summary", "hierarchy", "footing"}) {
      assertTrue(json.has(key), key);
    }
    JsonNode first = json.get("alignment").get(0);
    for (String key :
        new String[] {
          "invention",
          "invention_dreamcoder",
          "best_feature",
          "pearson",
          "jaccard",
          "nmi",
          "p_corrected",
          "significant"
        }) {
      assertTrue(first.has(key), key);
    }
    String md = Files.readString(dir.resolve("compare.md"));
    assertTrue(
        md.contains("lossless") && md.contains("| alive / dead |") && md.contains("Hungarian"));
    assertEquals(
        r.alignment().inventions().size() + 1,
        Files.readAllLines(dir.resolve("alignment.csv")).size());
    java.awt.image.BufferedImage png =
        javax.imageio.ImageIO.read(dir.resolve("heatmap.png").toFile());
    assertTrue(png.getWidth() > 300 && png.getHeight() > 150);
  }

  @Test
  void degenerateInputsStillGiveAReport() throws Exception {
    UsageMatrix primitivesOnly =
        UsageMatrix.fromSolutions(
            List.of(
                new UsageMatrix.Solution(
                    "t0", Program.parse("(lambda (cdr $0))", PrimitiveResolver.untyped()))));
    Activations none = new Activations("none", ImmutableList.of("t0"), new float[1][0], false);
    Comparison.Report r =
        Comparison.compare(
            new Comparison.Input(
                primitivesOnly,
                none,
                Optional.empty(),
                OptionalInt.empty(),
                Alignment.Options.defaults(),
                Comparison.Precision.defaults()));
    assertEquals(0, r.alignment().inventions().size());
    ReportWriter.writeAll(r, dir.resolve("empty"));
    assertTrue(Files.exists(dir.resolve("empty/heatmap.png")));
    // Inventions but no features.
    Comparison.Report noFeatures =
        Comparison.compare(
            new Comparison.Input(
                usage(),
                new Activations("none", usage().tasks(), new float[20][0], false),
                Optional.empty(),
                OptionalInt.empty(),
                Alignment.Options.defaults(),
                Comparison.Precision.defaults()));
    assertTrue(noFeatures.alignment().inventions().stream().noneMatch(m -> m.significant()));
    ReportWriter.writeAll(noFeatures, dir.resolve("nofeatures"));
  }

  @Test
  void unsolvedAndUncodedTasksAreNamedInTheFooting() {
    Activations codes = codes();
    List<String> names = new ArrayList<>(codes.taskNames());
    names.set(0, "unsolved");
    Activations shifted =
        new Activations("codes", ImmutableList.copyOf(names), codes.values(), true);
    Comparison.Report r =
        Comparison.compare(
            new Comparison.Input(
                usage(),
                shifted,
                Optional.empty(),
                OptionalInt.empty(),
                new Alignment.Options(0, 1, 0.05, 2),
                Comparison.Precision.defaults()));
    assertTrue(r.footing().stream().anyMatch(f -> f.startsWith("1 task(s) with SAE codes")));
    assertTrue(r.footing().stream().anyMatch(f -> f.startsWith("1 solved task(s) absent")));
  }
}

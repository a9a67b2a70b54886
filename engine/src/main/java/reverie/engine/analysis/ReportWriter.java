package reverie.engine.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a {@link Comparison.Report} as {@code compare.md}, {@code compare.json}, {@code
 * alignment.csv} and {@code heatmap.png}; the text and JSON read the same records.
 */
public final class ReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportWriter() {}

  /** Writes the four files into {@code dir} (created if needed). */
  public static void writeAll(Comparison.Report report, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("compare.md"), markdown(report));
      Files.writeString(dir.resolve("compare.json"), json(report) + "\n");
      Files.writeString(dir.resolve("alignment.csv"), csv(report));
      Heatmap.write(report, dir.resolve("heatmap.png"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report as one JSON document with snake_case keys. */
  public static String json(Comparison.Report r) {
    ObjectNode root = JSON.createObjectNode();
    Comparison.LibrarySummary l = r.library();
    ObjectNode lib = root.putObject("library");
    lib.put("inventions", l.inventions());
    lib.put("alive", l.alive());
    lib.put("dead", l.dead());
    lib.put("primitives", l.primitives());
    lib.put("mean_active_inventions", l.meanActiveInventions());
    lib.put("mean_active_atoms", l.meanActiveAtoms());
    lib.put("dense", l.denseInventions());
    lib.put("body_bits", l.bodyBits());
    lib.put("solution_bits", l.solutionBits());
    lib.put("total_bits", l.totalBits());
    lib.put("solution_bits_source", l.solutionBitsSource());
    lib.put("tasks_solved", l.tasksSolved());
    if (l.tasksTotal().isPresent()) {
      lib.put("tasks_total", l.tasksTotal().getAsInt());
    }
    lib.put("lossless", true);
    Comparison.SaeSummary s = r.sae();
    ObjectNode sae = root.putObject("sae");
    sae.put("source", s.source());
    sae.put("features", s.features());
    sae.put("alive", s.alive());
    sae.put("dead", s.dead());
    sae.put("l0", s.l0());
    sae.put("dense", s.dense());
    putOptional(sae, "dictionary_bits", s.dictionaryBits());
    sae.put("code_bits", s.codeBits());
    putOptional(sae, "residual_bits", s.residualBits());
    putOptional(sae, "total_bits", s.totalBits());
    putOptional(sae, "fvu", s.fvu());
    sae.put("bits_per_value", s.precision().bitsPerValue());
    sae.put("residual_tolerance_sd", s.precision().tolerance());
    sae.put("tasks", s.tasks());
    sae.put("lossless", false);
    Alignment.Result a = r.alignment();
    ObjectNode sum = root.putObject("alignment_summary");
    bothWays(sum, "pearson", a.pearson());
    bothWays(sum, "jaccard", a.jaccard());
    bothWays(sum, "nmi", a.nmi());
    sum.put("hungarian_mean_pearson", a.hungarianMeanPearson());
    sum.put("linear_cka", a.cka());
    sum.put("linear_cka_all_atoms", a.ckaAllAtoms());
    sum.put("permutations", a.permutations());
    sum.put("alpha", a.alpha());
    sum.put("min_support", a.minSupport());
    sum.put("aligned_inventions", a.inventions().size());
    sum.put("significant", a.significantCount());
    ArrayNode list = root.putArray("alignment");
    for (Alignment.InventionMatch m : a.inventions()) {
      ObjectNode o = list.addObject();
      o.put("invention", m.invention());
      o.put("invention_dreamcoder", m.dreamcoder());
      o.put("support", m.support());
      o.put("best_feature", m.bestFeature());
      o.put("pearson", m.pearson());
      o.put("jaccard", m.jaccardOfBest());
      o.put("nmi", m.nmiOfBest());
      o.put("jaccard_best_feature", m.jaccardFeature());
      o.put("jaccard_best", m.jaccard());
      o.put("nmi_best_feature", m.nmiFeature());
      o.put("nmi_best", m.nmi());
      o.put("matched_feature", m.matchedFeature());
      o.put("matched_pearson", m.matchedPearson());
      o.put("p_value", m.pValue());
      o.put("p_corrected", m.pCorrected());
      o.put("significant", m.significant());
    }
    ArrayNode h = root.putArray("hierarchy");
    for (Alignment.HierarchyCheck c : a.hierarchy()) {
      ObjectNode o = h.addObject();
      o.put("whole", c.whole());
      o.put("part", c.part());
      o.put("part_feature", c.partFeature());
      o.put("whole_tasks", c.wholeTasks());
      o.put("fires_on_whole", c.firesOnWhole());
      o.put("fires_on_part", c.firesOnPart());
      o.put("base_rate", c.baseRate());
      o.put("holds", c.holds());
    }
    ArrayNode f = root.putArray("footing");
    r.footing().forEach(f::add);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void bothWays(ObjectNode o, String name, Alignment.BothWays b) {
    ObjectNode n = o.putObject("mean_max_" + name);
    n.put("inventions_to_features", b.inventionsToFeatures());
    n.put("features_to_inventions", b.featuresToInventions());
  }

  private static void putOptional(ObjectNode o, String key, Optional<Double> v) {
    if (v.isPresent()) {
      o.put(key, v.get());
    } else {
      o.putNull(key);
    }
  }

  /** One row per aligned invention. */
  public static String csv(Comparison.Report r) {
    StringBuilder s =
        new StringBuilder(
            "invention,invention_dreamcoder,support,best_feature,pearson,jaccard,nmi,jaccard_best_feature,jaccard_best,nmi_best_feature,nmi_best,matched_feature,matched_pearson,p_value,p_corrected,significant\n");
    for (Alignment.InventionMatch m : r.alignment().inventions()) {
      s.append(Csv.quote(m.invention()))
          .append(',')
          .append(Csv.quote(m.dreamcoder()))
          .append(',')
          .append(m.support())
          .append(',')
          .append(m.bestFeature())
          .append(',')
          .append(f4(m.pearson()))
          .append(',')
          .append(f4(m.jaccardOfBest()))
          .append(',')
          .append(f4(m.nmiOfBest()))
          .append(',')
          .append(m.jaccardFeature())
          .append(',')
          .append(f4(m.jaccard()))
          .append(',')
          .append(m.nmiFeature())
          .append(',')
          .append(f4(m.nmi()))
          .append(',')
          .append(m.matchedFeature())
          .append(',')
          .append(f4(m.matchedPearson()))
          .append(',')
          .append(String.format(Locale.ROOT, "%.6g", m.pValue()))
          .append(',')
          .append(String.format(Locale.ROOT, "%.6g", m.pCorrected()))
          .append(',')
          .append(m.significant())
          .append('\n');
    }
    return s.toString();
  }

  /** The readable report. */
  public static String markdown(Comparison.Report r) {
    Comparison.LibrarySummary l = r.library();
    Comparison.SaeSummary s = r.sae();
    Alignment.Result a = r.alignment();
    StringBuilder m = new StringBuilder("# Library versus SAE\n\n");
    m.append(
            "Both are read as sparse codes over a dictionary: a task's program uses a few"
                + " inventions, its SAE code a few features. SAE side: ")
        .append(s.source())
        .append(".\n\n");
    m.append("## Side by side\n\n| | library | SAE |\n|---|---|---|\n");
    row(
        m,
        "dictionary size",
        l.inventions() + " inventions (+" + l.primitives() + " primitives)",
        s.features() + " features");
    row(m, "alive / dead", l.alive() + " / " + l.dead(), s.alive() + " / " + s.dead());
    row(
        m,
        "mean active atoms per task (L0)",
        f2(l.meanActiveInventions())
            + " inventions ("
            + f2(l.meanActiveAtoms())
            + " with primitives)",
        f2(s.l0()));
    row(
        m,
        "dense atoms (> 10% of tasks)",
        String.valueOf(l.denseInventions()),
        String.valueOf(s.dense()));
    row(
        m,
        "dictionary bits",
        f0(l.bodyBits()) + " (bodies)",
        s.dictionaryBits().map(ReportWriter::f0).orElse("unknown")
            + " (decoder at "
            + s.precision().bitsPerValue()
            + " bits/value)");
    row(m, "code bits", f0(l.solutionBits()) + " (solutions)", f0(s.codeBits()));
    row(
        m,
        "residual bits",
        "0 (lossless)",
        s.residualBits().map(ReportWriter::f0).orElse("unknown")
            + " (tolerance "
            + s.precision().tolerance()
            + " sd)");
    row(
        m,
        "total description length (bits)",
        f0(l.totalBits()),
        s.totalBits().map(ReportWriter::f0).orElse("unknown"));
    row(
        m,
        "quality",
        l.tasksSolved()
            + (l.tasksTotal().isPresent() ? " of " + l.tasksTotal().getAsInt() : "")
            + " tasks solved",
        s.fvu().map(f -> "FVU " + f3(f)).orElse("FVU unknown") + " on " + s.tasks() + " tasks");
    m.append("\n### Not on the same footing\n\n");
    for (String f : r.footing()) {
      m.append("- ").append(f).append('\n');
    }
    m.append("\n## Alignment\n\n");
    m.append(a.inventions().size())
        .append(" inventions used by at least ")
        .append(a.minSupport())
        .append(" tasks are aligned with the features. ");
    if (a.permutations() > 0) {
      m.append(a.significantCount())
          .append(" have a significantly matching feature (corrected p < ")
          .append(a.alpha())
          .append("; ")
          .append(a.permutations())
          .append(" row shuffles, max over features, then Benjamini-Hochberg).\n\n");
    } else {
      m.append("No permutation test was run.\n\n");
    }
    m.append("| measure | inventions -> features | features -> inventions |\n|---|---|---|\n");
    row(
        m,
        "mean best Pearson",
        f3(a.pearson().inventionsToFeatures()),
        f3(a.pearson().featuresToInventions()));
    row(
        m,
        "mean best Jaccard",
        f3(a.jaccard().inventionsToFeatures()),
        f3(a.jaccard().featuresToInventions()));
    row(m, "mean best NMI", f3(a.nmi().inventionsToFeatures()), f3(a.nmi().featuresToInventions()));
    m.append("\nOne-to-one Hungarian matching: mean Pearson ")
        .append(f3(a.hungarianMeanPearson()))
        .append(". Linear CKA between the invention counts and the activations: ")
        .append(f3(a.cka()))
        .append(" (")
        .append(f3(a.ckaAllAtoms()))
        .append(" with the primitives' counts too).\n\n");
    m.append(
        "| invention | support | best feature | Pearson | Jaccard | NMI | matched feature | p"
            + " corrected | significant | body |\n");
    m.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Alignment.InventionMatch im : a.inventions()) {
      m.append("| ")
          .append(im.invention())
          .append(" | ")
          .append(im.support())
          .append(" | ")
          .append(im.bestFeature())
          .append(" | ")
          .append(f3(im.pearson()))
          .append(" | ")
          .append(f3(im.jaccardOfBest()))
          .append(" | ")
          .append(f3(im.nmiOfBest()))
          .append(" | ")
          .append(im.matchedFeature())
          .append(" | ")
          .append(a.permutations() > 0 ? String.format(Locale.ROOT, "%.4f", im.pCorrected()) : "-")
          .append(" | ")
          .append(im.significant() ? "yes" : "no")
          .append(" | `")
          .append(im.dreamcoder().replace("|", "\\|"))
          .append("` |\n");
    }
    m.append(
        "\n"
            + "## Hierarchy\n\n"
            + "When invention B is built from A, does A's best feature fire on the tasks that use"
            + " B?\n\n");
    if (a.hierarchy().isEmpty()) {
      m.append("No invention with an aligned part.\n");
    } else {
      m.append(
          "| whole B | part A | A's feature | tasks using B | fires on B's tasks | on A's tasks |"
              + " on all tasks | holds |\n");
      m.append("|---|---|---|---|---|---|---|---|\n");
      for (Alignment.HierarchyCheck c : a.hierarchy()) {
        m.append("| ")
            .append(c.whole())
            .append(" | ")
            .append(c.part())
            .append(" | ")
            .append(c.partFeature())
            .append(" | ")
            .append(c.wholeTasks())
            .append(" | ")
            .append(f2(c.firesOnWhole()))
            .append(" | ")
            .append(f2(c.firesOnPart()))
            .append(" | ")
            .append(f2(c.baseRate()))
            .append(" | ")
            .append(c.holds() ? "yes" : "no")
            .append(" |\n");
      }
    }
    m.append("\n![inventions x features, ordered by the matching](heatmap.png)\n");
    return m.toString();
  }

  private static void row(StringBuilder m, String name, String library, String sae) {
    m.append("| ")
        .append(name)
        .append(" | ")
        .append(library)
        .append(" | ")
        .append(sae)
        .append(" |\n");
  }

  private static String f0(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}

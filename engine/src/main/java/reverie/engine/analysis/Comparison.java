package reverie.engine.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Compares a learned library with an SAE's features on the same tasks: both seen as sparse codes
 * over a dictionary, side by side (size, sparsity, density, description length, quality), then
 * aligned atom by atom.
 */
public final class Comparison {
  /** Atoms active on more than this fraction of tasks are dense. */
  public static final double DENSE_FRACTION = 0.10;

  /**
   * How the SAE's description length is counted.
   *
   * @param bitsPerValue precision of each dictionary weight and each code value
   * @param tolerance the residual is coded to within this fraction of the embeddings' standard
   *     deviation
   */
  public record Precision(int bitsPerValue, double tolerance) {
    public Precision {
      checkArgument(bitsPerValue > 0 && tolerance > 0, "bad precision");
    }

    public static Precision defaults() {
      return new Precision(16, 0.05);
    }
  }

  /** An SAE and the task embeddings it encodes. */
  public record SaeModel(SparseAutoencoder sae, Activations embeddings) {

    /**
     * The SAE's codes of the embeddings, one row per task; a width mismatch is an InputException.
     */
    public Activations codes() {
      float[][] codes = sae.encodeAll(embeddings.values(), embeddings.source());
      return new Activations(
          "SAE codes of " + embeddings.source(), embeddings.taskNames(), codes, false);
    }
  }

  /**
   * What to compare.
   *
   * @param activations the SAE's codes; rows are aligned to {@code usage.tasks()} by name
   * @param sae the SAE and its embeddings, when known (for FVU, dictionary and residual bits)
   * @param tasksTotal how many tasks there were, solved or not, when known
   */
  public record Input(
      UsageMatrix usage,
      Activations activations,
      Optional<SaeModel> sae,
      OptionalInt tasksTotal,
      Alignment.Options options,
      Precision precision) {}

  /** The library as a dictionary and a code. */
  public record LibrarySummary(
      int inventions,
      int alive,
      int dead,
      int primitives,
      double meanActiveInventions,
      double meanActiveAtoms,
      int denseInventions,
      double bodyBits,
      double solutionBits,
      String solutionBitsSource,
      int tasksSolved,
      OptionalInt tasksTotal) {
    public double totalBits() {
      return bodyBits + solutionBits;
    }
  }

  /** The SAE as a dictionary and a code. */
  public record SaeSummary(
      String source,
      int features,
      int alive,
      int dead,
      double l0,
      int dense,
      Optional<Double> dictionaryBits,
      double codeBits,
      Optional<Double> residualBits,
      Optional<Double> fvu,
      Precision precision,
      int tasks) {
    public Optional<Double> totalBits() {
      return dictionaryBits.flatMap(d -> residualBits.map(r -> d + codeBits + r));
    }
  }

  /** Everything a report shows. */
  public record Report(
      LibrarySummary library,
      SaeSummary sae,
      Alignment.Result alignment,
      ImmutableList<String> footing,
      ImmutableList<String> taskNames,
      float[][] activations) {}

  private Comparison() {}

  public static Report compare(Input in) {
    UsageMatrix u = in.usage();
    Activations a = in.activations().alignTo(u.tasks());
    LibrarySummary library = library(u, in.tasksTotal());
    Optional<SaeModel> model =
        in.sae().map(m -> new SaeModel(m.sae(), m.embeddings().alignTo(u.tasks())));
    SaeSummary sae = sae(a, model, in.precision());
    Alignment.Result alignment = Alignment.align(u, a.values(), in.options());
    java.util.Set<String> solved = new java.util.HashSet<>(u.tasks());
    java.util.Set<String> coded = new java.util.HashSet<>(in.activations().taskNames());
    long unsolved = coded.stream().filter(t -> !solved.contains(t)).count();
    long uncoded = solved.stream().filter(t -> !coded.contains(t)).count();
    ImmutableList.Builder<String> footing = ImmutableList.builder();
    footing.addAll(footing(library, sae));
    if (unsolved > 0) {
      footing.add(unsolved + " task(s) with SAE codes but no solution were left out.");
    }
    if (uncoded > 0) {
      footing.add(
          uncoded
              + " solved task(s) absent from the sparse activation file count as all-zero codes.");
    }
    return new Report(library, sae, alignment, footing.build(), u.tasks(), a.values());
  }

  static LibrarySummary library(UsageMatrix u, OptionalInt tasksTotal) {
    int[] inv = u.inventionColumns();
    int n = u.taskCount();
    // An invention is alive when some task uses it, directly or inside another alive invention.
    java.util.Set<String> alive = new java.util.HashSet<>();
    java.util.Deque<String> work = new java.util.ArrayDeque<>();
    for (int c : inv) {
      if (u.support(c) > 0) {
        work.add(u.atoms().get(c).name());
      }
    }
    while (!work.isEmpty()) {
      String name = work.pop();
      if (alive.add(name)) {
        work.addAll(u.builtFrom().get(name));
      }
    }
    double activeInv = 0;
    double activeAll = 0;
    for (int[] row : u.counts()) {
      for (int c = 0; c < row.length; c++) {
        if (row[c] > 0) {
          activeAll++;
          if (u.atoms().get(c).invention()) {
            activeInv++;
          }
        }
      }
    }
    int dense = 0;
    for (int c : inv) {
      if (u.support(c) > DENSE_FRACTION * n) {
        dense++;
      }
    }
    // Bodies: each node of a body names one of the library's symbols or a variable, coded
    // uniformly.
    double symbolBits = log2(u.atoms().size() + 1);
    double bodies = 0;
    for (int c : inv) {
      bodies += u.atoms().get(c).bodySize() * symbolBits;
    }
    double solutions;
    String source;
    if (u.solutionBits().isPresent()) {
      solutions = java.util.Arrays.stream(u.solutionBits().get()).sum();
      source = "given: each solution's -log2 prior under the refit grammar";
    } else {
      solutions = unigramBits(u);
      source =
          "estimated: each atom use coded by its frequency over all solutions (no refit grammar"
              + " given)";
    }
    return new LibrarySummary(
        inv.length,
        alive.size(),
        inv.length - alive.size(),
        u.atoms().size() - inv.length,
        n == 0 ? 0 : activeInv / n,
        n == 0 ? 0 : activeAll / n,
        dense,
        bodies,
        solutions,
        source,
        n,
        tasksTotal);
  }

  private static double unigramBits(UsageMatrix u) {
    double total = 0;
    double[] perAtom = new double[u.atoms().size()];
    for (int[] row : u.counts()) {
      for (int c = 0; c < row.length; c++) {
        perAtom[c] += row[c];
        total += row[c];
      }
    }
    double bits = 0;
    for (int[] row : u.counts()) {
      for (int c = 0; c < row.length; c++) {
        if (row[c] > 0) {
          bits += row[c] * -log2(perAtom[c] / total);
        }
      }
    }
    return bits;
  }

  static SaeSummary sae(Activations a, Optional<SaeModel> model, Precision precision) {
    float[][] v = a.values();
    int n = v.length;
    int features = a.features();
    int[] density = new int[features];
    double active = 0;
    for (float[] row : v) {
      for (int f = 0; f < features; f++) {
        if (row[f] != 0) {
          density[f]++;
          active++;
        }
      }
    }
    int alive = 0;
    int dense = 0;
    for (int d : density) {
      alive += d > 0 ? 1 : 0;
      dense += d > DENSE_FRACTION * n ? 1 : 0;
    }
    // A code lists (feature, value) pairs: which of the alive features, and the value at the stated
    // precision.
    double codeBits = active * (precision.bitsPerValue() + log2(Math.max(2, alive)));
    Optional<Double> dictionary = Optional.empty();
    Optional<Double> residual = Optional.empty();
    Optional<Double> fvu = Optional.empty();
    if (model.isPresent()) {
      SparseAutoencoder sae = model.get().sae();
      float[][] x = model.get().embeddings().values();
      checkArgument(x.length == n, "embeddings and codes differ in rows");
      // Only the decoder is needed to read the code back; dead features need not be sent.
      dictionary = Optional.of((double) (alive + 1) * sae.dIn() * precision.bitsPerValue());
      fvu = Optional.of(sae.fvu(x));
      residual = Optional.of(residualBits(sae, x, v, precision.tolerance()));
    }
    return new SaeSummary(
        a.source(),
        features,
        alive,
        features - alive,
        n == 0 ? 0 : active / n,
        dense,
        dictionary,
        codeBits,
        residual,
        fvu,
        precision,
        n);
  }

  /**
   * Bits to send the residual x - decode(code) to within {@code tolerance} x (the embeddings'
   * standard deviation) per coordinate, with a Gaussian code of the residual's own variance: per
   * coordinate max(0, log2(sigma_r sqrt(2 pi e) / delta)).
   */
  static double residualBits(
      SparseAutoencoder sae, float[][] x, float[][] codes, double tolerance) {
    int n = x.length;
    if (n == 0) {
      return 0;
    }
    int d = sae.dIn();
    double mean = 0;
    for (float[] row : x) {
      for (float value : row) {
        mean += value;
      }
    }
    mean /= (double) n * d;
    double variance = 0;
    double residual = 0;
    for (int t = 0; t < n; t++) {
      float[] back = sae.decode(codes[t]);
      for (int i = 0; i < d; i++) {
        variance += (x[t][i] - mean) * (x[t][i] - mean);
        residual += (x[t][i] - back[i]) * (double) (x[t][i] - back[i]);
      }
    }
    double delta = tolerance * Math.sqrt(variance / ((double) n * d));
    double sigma = Math.sqrt(residual / ((double) n * d));
    if (delta <= 0 || sigma <= 0) {
      return 0;
    }
    double perCoordinate = Math.max(0, log2(sigma * Math.sqrt(2 * Math.PI * Math.E) / delta));
    return perCoordinate * n * d;
  }

  private static ImmutableList<String> footing(LibrarySummary lib, SaeSummary sae) {
    ImmutableList.Builder<String> s = ImmutableList.builder();
    s.add(
        "The library's code is lossless: each program reproduces its task's examples exactly. The"
            + " SAE's code is lossy"
            + sae.fvu().map(f -> String.format(" (FVU %.3f)", f)).orElse("")
            + ": it only approximates an embedding, and its description length counts the residual"
            + " only to a tolerance of "
            + sae.precision().tolerance()
            + " standard deviations.");
    s.add(
        "They describe different things: a program describes the task's input/output behaviour; an"
            + " SAE code describes a neural embedding of the task, itself a lossy summary of the"
            + " examples.");
    s.add(
        "Only solved tasks have programs, so the comparison uses the "
            + lib.tasksSolved()
            + " solved tasks"
            + lib.tasksTotal().stream().mapToObj(t -> " of " + t).findFirst().orElse("")
            + "; the SAE could code the rest too.");
    s.add(
        "A program is a tree: its description length pays for structure (order, arguments,"
            + " variables), while an SAE code is an unordered set of (feature, value) pairs costed"
            + " at "
            + sae.precision().bitsPerValue()
            + " bits per value, a choice that moves the SAE's figures freely.");
    s.add("Library solution bits are " + lib.solutionBitsSource() + ".");
    if (sae.dictionaryBits().isEmpty()) {
      s.add(
          "Only the SAE's codes were given (no decoder), so its dictionary and residual bits and"
              + " FVU are unknown.");
    }
    return s.build();
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}

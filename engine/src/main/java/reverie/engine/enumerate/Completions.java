package reverie.engine.enumerate;

import java.util.Arrays;
import reverie.dsl.program.Program;

/**
 * The finished subtrees of one hole whose key (context, request and environment types) is ground,
 * under one set of refused heads, cheaper than a budget, in the order the depth-first search makes
 * them.
 *
 * <p>Such a hole is filled the same way wherever it occurs: its candidates, the variables its
 * subtrees bind and the rules decided inside it are its own (unless a rule decided inside can climb
 * out of it, see {@link CompiledSymmetries#reachedFromBelow}, and then the hole is searched). The
 * enumerator searches it once and then walks this list wherever the hole recurs, adding each
 * subtree's cost at once (costs are on a grid where sums are exact, see {@link Candidate#onGrid})
 * and checking only the rules its subtree decides as an argument of the frames above. The programs
 * and their order are those of the search without the list.
 */
final class Completions {
  // The width in nats of the cost bands by which a walk finds the subtrees it needs.
  private static final double BAND = 0.5;

  private static final Program[] NO_PROGRAMS = new Program[0];
  private static final Code[] NO_CODE = new Code[0];
  private static final int[] NO_POSITIONS = new int[0];
  private static final int[][] NO_LEVELS = new int[0][];

  /** The builder the code came from; null if built without code. */
  final CodeBuilder codes;

  /** Every completion cheaper than this is listed. */
  final double budget;

  /**
   * The smallest budget at which building passed the size limit (infinite if none did): no list is
   * built again for a budget near it (see Enumerator#completions).
   */
  final double overflowAt;

  final int size;
  final Program[] programs;
  final Code[] code;
  final int[] heads;
  final double[] costs;

  // The cheapest subtree's cost, and levels[j]: the positions (in order) of the subtrees in bands
  // 0..j, where a subtree's band is floor((cost - cheapest) / BAND). A hole that needs the subtrees
  // cheaper than some budget walks one level instead of the whole list.
  private final double cheapest;
  private final int[][] levels;

  /**
   * The largest cost-plus-bound of a candidate that the search compared with its budget, relative
   * to the hole: a search of the hole with budget b cuts a branch exactly when this is at least b.
   */
  final double maxChecked;

  private Completions(
      CodeBuilder codes,
      double budget,
      double overflowAt,
      int size,
      Program[] programs,
      Code[] code,
      int[] heads,
      double[] costs,
      double maxChecked,
      double cheapest,
      int[][] levels) {
    this.codes = codes;
    this.budget = budget;
    this.overflowAt = overflowAt;
    this.size = size;
    this.programs = programs;
    this.code = code;
    this.heads = heads;
    this.costs = costs;
    this.maxChecked = maxChecked;
    this.cheapest = cheapest;
    this.levels = levels;
  }

  /**
   * The positions of at least the subtrees cheaper than {@code need}, in order (a few more, up to a
   * band's width); null for all of them.
   */
  int[] cheaperThan(double need) {
    double band = Math.floor((need - cheapest) / BAND);
    // Division and floor never decrease as their argument grows, so every subtree cheaper than
    // need has a band at most this one.
    return band < 0 ? NO_POSITIONS : band >= levels.length ? null : levels[(int) band];
  }

  /** No list, only the budget at which building one passed the size limit. */
  static Completions overflowed(CodeBuilder codes, double at) {
    return new Completions(
        codes,
        Double.NEGATIVE_INFINITY,
        at,
        0,
        NO_PROGRAMS,
        NO_CODE,
        new int[0],
        new double[0],
        0,
        0,
        NO_LEVELS);
  }

  /** This list, remembering that a build at {@code at} passed the size limit. */
  Completions overflowedAt(double at) {
    return new Completions(
        codes,
        budget,
        Math.min(at, overflowAt),
        size,
        programs,
        code,
        heads,
        costs,
        maxChecked,
        cheapest,
        levels);
  }

  /** Collects a list as the search finds its subtrees. */
  static final class Builder {
    private final CodeBuilder codes;
    private final double budget;
    private final int limit;
    private int size;
    private Program[] programs = new Program[16];
    private Code[] code;
    private int[] heads = new int[16];
    private double[] costs = new double[16];

    Builder(CodeBuilder codes, double budget, int limit) {
      this.codes = codes;
      this.budget = budget;
      this.limit = limit;
      this.code = codes == null ? null : new Code[16];
    }

    /** Adds a subtree; false once the list holds more than its limit. */
    boolean add(Program program, Code programCode, int head, double cost) {
      if (size == programs.length) {
        int n = size * 2;
        programs = Arrays.copyOf(programs, n);
        heads = Arrays.copyOf(heads, n);
        costs = Arrays.copyOf(costs, n);
        if (code != null) {
          code = Arrays.copyOf(code, n);
        }
      }
      programs[size] = program;
      if (code != null) {
        code[size] = programCode;
      }
      heads[size] = head;
      costs[size] = cost;
      size++;
      return size <= limit;
    }

    Completions build(double maxChecked) {
      double cheapest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < size; i++) {
        cheapest = Math.min(cheapest, costs[i]);
      }
      int[] band = new int[size];
      int bands = 0;
      for (int i = 0; i < size; i++) {
        band[i] = (int) Math.floor((costs[i] - cheapest) / BAND);
        bands = Math.max(bands, band[i] + 1);
      }
      // Level j merges level j - 1 with the positions of band j, keeping their order.
      int[] start = new int[bands + 1];
      for (int i = 0; i < size; i++) {
        start[band[i] + 1]++;
      }
      for (int j = 0; j < bands; j++) {
        start[j + 1] += start[j];
      }
      int[] byBand = new int[size];
      int[] fill = Arrays.copyOf(start, bands);
      for (int i = 0; i < size; i++) {
        byBand[fill[band[i]]++] = i;
      }
      int[][] levels = new int[bands][];
      int[] previous = NO_POSITIONS;
      for (int j = 0; j < bands; j++) {
        int[] level = new int[start[j + 1]];
        int p = 0;
        int q = start[j];
        int out = 0;
        while (p < previous.length || q < start[j + 1]) {
          if (q == start[j + 1] || (p < previous.length && previous[p] < byBand[q])) {
            level[out++] = previous[p++];
          } else {
            level[out++] = byBand[q++];
          }
        }
        levels[j] = level;
        previous = level;
      }
      return new Completions(
          codes,
          budget,
          Double.POSITIVE_INFINITY,
          size,
          Arrays.copyOf(programs, size),
          code == null ? null : Arrays.copyOf(code, size),
          Arrays.copyOf(heads, size),
          Arrays.copyOf(costs, size),
          maxChecked,
          cheapest,
          levels);
    }
  }
}

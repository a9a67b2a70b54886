package reverie.tasks.logo;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import reverie.tasks.Example;
import reverie.tasks.GeneratedTask;
import reverie.tasks.Task;

/**
 * The built-in {@code logo} suite: drawings in families of graded difficulty, each task the 28 x 28
 * rendering of a reference program, in DreamCoder's kinds of figures (lines, polygons, stars,
 * dashed lines, semicircles and circles, spirals, rows and grids, radial and nested shapes,
 * staircases).
 *
 * <p>Within a family the size or count grows, and with it the constants a program needs: the DSL
 * has the integers 0-9 and unit lengths and turns, so a 7-gon needs {@code (logo_DIVA logo_UA 7)}
 * and a circle of size 6 {@code (logo_MULL logo_epsL 6)}. Names are {@code "family with
 * parameters"}, so that a family-preserving split keeps a member of each family in training.
 * Nothing is random: the tasks are a function of the code.
 */
final class LogoSuite {
  /** The number of tasks and families, for the suite's description (a test keeps them true). */
  static final int SIZE = 114;

  static final int FAMILIES = 21;

  private static final String UL = "logo_UL";
  private static final String ZA = "logo_ZA";
  private static final String ZL = "logo_ZL";
  private static final String K = "$0";

  private LogoSuite() {}

  static ImmutableList<GeneratedTask> generate(LogoDomain domain) {
    Builder b = new Builder(domain);
    for (int l = 1; l <= 8; l++) {
      b.add("line", "length=" + l, fw(length(l), ZA, K));
    }
    for (int n = 3; n <= 8; n++) {
      for (int side = 1; side <= (n <= 6 ? 3 : 2); side++) {
        b.add("polygon", "n=" + n + " length=" + side, polygon(n, length(side), K));
      }
    }
    int[][] stars = {{5, 2, 2}, {5, 2, 3}, {7, 2, 3}, {7, 3, 2}, {7, 3, 3}, {8, 3, 3}};
    for (int[] s : stars) {
      b.add(
          "star",
          "n=" + s[0] + " k=" + s[1] + " length=" + s[2],
          loop(Integer.toString(s[0]), fw(length(s[2]), turns(s[1], s[0]), K), K));
    }
    for (int[] s : new int[][] {{9, 2, 3}, {9, 4, 2}, {9, 4, 3}}) {
      b.add(
          "star",
          "n=" + s[0] + " k=" + s[1] + " length=" + s[2],
          loop(Integer.toString(s[0]), fw(length(s[2]), turns(s[1], s[0]), K), K));
    }
    for (int n = 2; n <= 4; n++) {
      b.add("dashed line", "dashes=" + n, dashes(n, UL));
    }
    for (int n = 3; n <= 6; n++) {
      b.add("dashed line", "dashes=" + n + " length=1/2", dashes(n, "(logo_DIVL logo_UL 2)"));
    }
    for (int s = 1; s <= 6; s++) {
      b.add("semicircle", "size=" + s, semicircle(arc(s), K));
    }
    for (int s = 1; s <= 8; s++) {
      b.add("circle", "size=" + s, circle(arc(s), K));
    }
    for (int n = 4; n <= 9; n++) {
      b.add(
          "square spiral",
          "sides=" + n,
          loop(Integer.toString(n), fw("(logo_MULL logo_UL $1)", turn(4), K), K));
    }
    for (int n = 4; n <= 8; n++) {
      b.add(
          "triangle spiral",
          "sides=" + n,
          loop(Integer.toString(n), fw("(logo_MULL logo_UL $1)", turn(3), K), K));
    }
    for (int t = 1; t <= 4; t++) {
      String angle = t == 1 ? "logo_epsA" : "(logo_MULA logo_epsA " + t + ")";
      b.add(
          "curly spiral",
          "turn=" + t,
          loop("logo_IFTY", fw("(logo_MULL logo_epsL $1)", angle, K), K));
    }
    for (int n = 2; n <= 4; n++) {
      b.add("row of squares", "n=" + n, row(n, polygon(4, UL, K)));
    }
    for (int n = 2; n <= 4; n++) {
      b.add("row of triangles", "n=" + n, row(n, polygon(3, UL, K)));
    }
    for (int n = 2; n <= 4; n++) {
      b.add("row of circles", "n=" + n, row(n, circle(arc(2), K)));
    }
    for (int n = 2; n <= 3; n++) {
      // Each row is drawn from the row's start; then a pen-up move of 2 up to the next row.
      String up = fw(ZL, turn(4), pt(fw(length(2), ZA, K), fw(ZL, turns(3, 4), K)));
      b.add(
          "grid of squares",
          "n=" + n,
          loop(Integer.toString(n), getset(row(n, polygon(4, UL, K)), up), K));
    }
    for (int n = 3; n <= 8; n++) {
      b.add("rays", "n=" + n, radial(n, fw(length(2), ZA, K)));
    }
    for (int n = 3; n <= 6; n++) {
      b.add("rotated squares", "n=" + n, radial(n, polygon(4, length(2), K)));
    }
    for (int n = 3; n <= 6; n++) {
      b.add("flower", "n=" + n, radial(n, circle(arc(4), K)));
    }
    for (int n = 3; n <= 6; n++) {
      b.add("petals", "n=" + n, radial(n, semicircle(arc(3), K)));
    }
    for (int n = 3; n <= 6; n++) {
      // Squares of sides 0..n-1 from one corner; inside the inner loop the outer index is $4.
      b.add(
          "nested squares",
          "n=" + n,
          loop(
              Integer.toString(n),
              getset(loop("4", fw("(logo_MULL logo_UL $4)", turn(4), K), K), K),
              K));
    }
    for (int n = 3; n <= 5; n++) {
      // Circles of sizes 0..n-1 through one point; inside the innermost loop the outer index is $6.
      b.add(
          "nested circles",
          "n=" + n,
          loop(
              Integer.toString(n),
              getset(
                  loop(
                      "2", loop("logo_IFTY", fw("(logo_MULL logo_epsL $6)", "logo_epsA", K), K), K),
                  K),
              K));
    }
    for (int n = 2; n <= 6; n++) {
      b.add(
          "staircase",
          "steps=" + n,
          loop(Integer.toString(n), fw(UL, turn(4), fw(UL, turns(3, 4), K)), K));
    }
    for (int n = 2; n <= 5; n++) {
      b.add(
          "zigzag",
          "teeth=" + n,
          fw(ZL, turn(8), loop(Integer.toString(n), fw(UL, turns(3, 4), fw(UL, turn(4), K)), K)));
    }
    return b.build();
  }

  /** n dashes of the given length, with gaps as long (pen-up moves). */
  private static String dashes(int n, String length) {
    return loop(Integer.toString(n), fw(length, ZA, pt(fw(length, ZA, K), K)), K);
  }

  /** {@code n} copies of {@code body} (a drawing from the current state), each a 1/n turn on. */
  private static String radial(int n, String body) {
    return loop(Integer.toString(n), getset(body, fw(ZL, turn(n), K)), K);
  }

  /** {@code n} copies of {@code body}, each 2 units to the right of the last. */
  private static String row(int n, String body) {
    return loop(Integer.toString(n), getset(body, pt(fw(length(2), ZA, K), K)), K);
  }

  private static String polygon(int n, String side, String k) {
    return loop(Integer.toString(n), fw(side, turn(n), K), k);
  }

  /** Half a circle of arc length {@code arc}: 20 chords, each turning 1/40. */
  private static String semicircle(String arc, String k) {
    return loop("logo_IFTY", fw(arc, "logo_epsA", K), k);
  }

  private static String circle(String arc, String k) {
    return loop("2", semicircle(arc, K), k);
  }

  /** The chord length of a semicircle of arc length {@code s}. */
  private static String arc(int s) {
    return s == 1 ? "logo_epsL" : "(logo_MULL logo_epsL " + s + ")";
  }

  private static String length(int n) {
    return n == 1 ? UL : "(logo_MULL logo_UL " + n + ")";
  }

  /** A 1/n turn. */
  private static String turn(int n) {
    return "(logo_DIVA logo_UA " + n + ")";
  }

  /** A k/n turn. */
  private static String turns(int k, int n) {
    return k == 1 ? turn(n) : "(logo_MULA " + turn(n) + " " + k + ")";
  }

  private static String fw(String length, String angle, String k) {
    return "(logo_FWRT " + length + " " + angle + " " + k + ")";
  }

  /**
   * {@code logo_forLoop count body k}: {@code body} is written with {@code $0} its continuation and
   * {@code $1} the index.
   */
  private static String loop(String count, String body, String k) {
    return "(logo_forLoop " + count + " (lambda (lambda " + body + ")) " + k + ")";
  }

  /** {@code logo_GETSET}: {@code body} is written with {@code $0} its continuation. */
  private static String getset(String body, String k) {
    return "(logo_GETSET (lambda " + body + ") " + k + ")";
  }

  /** {@code logo_PT}: {@code body} is written with {@code $0} its continuation. */
  private static String pt(String body, String k) {
    return "(logo_PT (lambda " + body + ") " + k + ")";
  }

  /** Renders each reference program into its task. */
  private static final class Builder {
    private final LogoDomain domain;
    private final ImmutableList.Builder<GeneratedTask> tasks = ImmutableList.builder();

    Builder(LogoDomain domain) {
      this.domain = domain;
    }

    void add(String family, String parameters, String body) {
      String program = "(lambda " + body + ")";
      String name = family + " with " + parameters;
      Turtle t = domain.draw(program);
      checkState(t.drawing().onCanvas(), "%s is off the canvas: %s", name, t.drawing());
      Task task =
          new Task(
              name,
              LogoDomain.REQUEST,
              ImmutableList.of(
                  new Example(LogoDomain.START_INPUTS, t.image(LogoDomain.TARGET_SIZE))),
              domain.name());
      tasks.add(new GeneratedTask(task, family, program));
    }

    ImmutableList<GeneratedTask> build() {
      return tasks.build();
    }
  }
}

package reverie.engine.analysis;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * Synthetic data with a known answer, to check the alignment statistics: a realistic usage matrix
 * (built from real programs over inventions of varied density, some built from others) and SAE-like
 * activations in which some features copy some inventions' activity, among distractors of the same
 * densities.
 */
public final class PlantedData {

  /**
   * @param plantedInventions names of the inventions that have a planted partner
   * @param plantedFeatures column of each one's partner feature
   */
  public record Planted(
      UsageMatrix usage,
      Activations activations,
      ImmutableList<String> plantedInventions,
      int[] plantedFeatures) {}

  private static final Type ANY = Type.variable(0);
  private static final String[] PRIMITIVES = {
    "map", "fold", "filter", "cons", "car", "cdr", "+", "-", "*", "if", "eq?", "gt?"
  };

  private PlantedData() {}

  /**
   * Best programs for {@code tasks} tasks over {@code inventions} inventions whose densities range
   * from 2% to 40%; every fourth invention is built from the one before it.
   */
  public static UsageMatrix realisticUsage(int tasks, int inventions, long seed) {
    Random random = new Random(seed);
    List<Invented> library = new ArrayList<>();
    double[] density = new double[inventions];
    for (int i = 0; i < inventions; i++) {
      Program constant = new Primitive("k" + i, ANY);
      Program head = new Primitive(PRIMITIVES[random.nextInt(PRIMITIVES.length)], ANY);
      Program inner =
          i % 4 == 3
              ? library.get(i - 1)
              : new Primitive(PRIMITIVES[random.nextInt(PRIMITIVES.length)], ANY);
      Program body =
          new Abstraction(Program.apply(head, Program.apply(inner, new Index(0)), constant));
      library.add(new Invented(body, ANY));
      // Log-uniform densities between 2% and 40%, shuffled so density does not follow the index.
      density[i] = Math.exp(Math.log(0.02) + random.nextDouble() * Math.log(0.40 / 0.02));
    }
    List<UsageMatrix.Solution> solutions = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      Program p = new Index(0);
      int uses = 0;
      for (int i = 0; i < inventions; i++) {
        if (random.nextDouble() < density[i]) {
          int times = random.nextDouble() < 0.2 ? 2 : 1;
          for (int k = 0; k < times; k++) {
            p = Program.apply(library.get(i), p);
            uses++;
          }
        }
      }
      if (uses == 0 || random.nextDouble() < 0.5) {
        p = Program.apply(new Primitive(PRIMITIVES[random.nextInt(PRIMITIVES.length)], ANY), p);
      }
      solutions.add(new UsageMatrix.Solution(String.format("task-%03d", t), new Abstraction(p)));
    }
    return UsageMatrix.fromSolutions(solutions, library, java.util.Optional.empty());
  }

  /**
   * Activations over the usage's tasks: {@code planted} features copy the 0/1 activity of as many
   * inventions (the densest with support >= 3 are skipped every other one, to spread densities),
   * plus Gaussian noise at signal-to-noise ratio {@code snr} (variance ratio), then ReLU; {@code
   * distractors} more features copy the densities of random inventions on random tasks. Columns are
   * shuffled.
   */
  public static Planted plant(
      UsageMatrix usage, int planted, int distractors, double snr, long seed) {
    Random random = new Random(seed);
    int n = usage.taskCount();
    List<Integer> candidates = new ArrayList<>();
    for (int c : usage.inventionColumns()) {
      if (usage.support(c) >= 3) {
        candidates.add(c);
      }
    }
    if (candidates.size() < planted) {
      throw new IllegalArgumentException(
          "only " + candidates.size() + " inventions have support >= 3");
    }
    java.util.Collections.shuffle(candidates, random);
    List<Integer> chosen = candidates.subList(0, planted);
    int features = planted + distractors;
    int[] columnOf = new int[features];
    List<Integer> order = new ArrayList<>();
    for (int f = 0; f < features; f++) {
      order.add(f);
    }
    java.util.Collections.shuffle(order, random);
    for (int f = 0; f < features; f++) {
      columnOf[f] = order.get(f);
    }
    float[][] values = new float[n][features];
    int[] plantedFeatures = new int[planted];
    for (int f = 0; f < features; f++) {
      boolean[] pattern = new boolean[n];
      int source = f < planted ? chosen.get(f) : candidates.get(random.nextInt(candidates.size()));
      for (int t = 0; t < n; t++) {
        pattern[t] = usage.counts()[t][source] > 0;
      }
      if (f >= planted) {
        // Same density, unrelated tasks.
        for (int t = n - 1; t > 0; t--) {
          int s = random.nextInt(t + 1);
          boolean tmp = pattern[t];
          pattern[t] = pattern[s];
          pattern[s] = tmp;
        }
      } else {
        plantedFeatures[f] = columnOf[f];
      }
      double p = 0;
      for (boolean b : pattern) {
        p += b ? 1 : 0;
      }
      p /= n;
      double sigma = Math.sqrt(p * (1 - p) / snr);
      for (int t = 0; t < n; t++) {
        double v = (pattern[t] ? 1 : 0) + sigma * random.nextGaussian();
        values[t][columnOf[f]] = (float) Math.max(0, v);
      }
    }
    ImmutableList<String> names =
        chosen.stream()
            .map(c -> usage.atoms().get(c).name())
            .collect(ImmutableList.toImmutableList());
    return new Planted(
        usage, new Activations("planted", usage.tasks(), values, false), names, plantedFeatures);
  }

  /** The same rows given to other tasks: a random permutation of the task names. */
  public static Activations shuffledRows(Activations a, long seed) {
    List<String> names = new ArrayList<>(a.taskNames());
    java.util.Collections.shuffle(names, new Random(seed));
    return new Activations(
        a.source() + " (rows shuffled)", ImmutableList.copyOf(names), a.values(), a.sparse());
  }
}

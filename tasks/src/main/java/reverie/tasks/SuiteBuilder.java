package reverie.tasks;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import reverie.dsl.type.Type;

/**
 * Builds a generated suite: each task draws its inputs from its own seeded {@link Random}, computes
 * the outputs with a Java function, and keeps a reference program in the DSL that tests run against
 * every example.
 *
 * <p>Each task's generator is seeded from the suite seed and the task name only, so adding a task
 * leaves the examples of the others unchanged.
 */
public final class SuiteBuilder {
  private final String domain;
  private final long seed;
  private final int minExamples;
  private final int maxExamples;
  private final ImmutableList.Builder<GeneratedTask> tasks = ImmutableList.builder();

  /**
   * A builder of tasks in {@code domain} with between {@code minExamples} and {@code maxExamples}
   * each.
   */
  public SuiteBuilder(String domain, long seed, int minExamples, int maxExamples) {
    checkArgument(
        0 < minExamples && minExamples <= maxExamples,
        "bad example range %s..%s",
        minExamples,
        maxExamples);
    this.domain = domain;
    this.seed = seed;
    this.minExamples = minExamples;
    this.maxExamples = maxExamples;
  }

  /**
   * Adds a task: {@code inputs} draws the argument list of one example, {@code function} computes
   * its output, and {@code referenceProgram} is a DSL program of type {@code request} that computes
   * the same.
   */
  public SuiteBuilder add(
      String family,
      String name,
      Type request,
      String referenceProgram,
      Function<Random, List<Object>> inputs,
      Function<List<Object>, Object> function) {
    Random random = new Random(seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L));
    int count = minExamples + random.nextInt(maxExamples - minExamples + 1);
    Set<List<Object>> seen = new HashSet<>();
    ImmutableList.Builder<Example> examples = ImmutableList.builder();
    // Distinct inputs make every example count; the attempt bound only guards against a generator
    // with too
    // small an input space, which is a bug in the suite.
    for (int attempt = 0; seen.size() < count && attempt < 1000; attempt++) {
      List<Object> in = ImmutableList.copyOf(inputs.apply(random));
      if (seen.add(in)) {
        examples.add(new Example(ImmutableList.copyOf(in), function.apply(in)));
      }
    }
    checkState(seen.size() == count, "task %s: only %s distinct inputs", name, seen.size());
    tasks.add(
        new GeneratedTask(
            new Task(name, request, examples.build(), domain), family, referenceProgram));
    return this;
  }

  /** The tasks added so far, in order. */
  public ImmutableList<GeneratedTask> build() {
    return tasks.build();
  }
}

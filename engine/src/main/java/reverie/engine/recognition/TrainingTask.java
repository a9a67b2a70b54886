package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Example;

/**
 * One training target of the recognition model: a task's examples (values, read by the domain's
 * {@link reverie.tasks.Featurizer}) and the programs that solve it, each with its log-posterior
 * (the weights are normalised over the frontier).
 */
public record TrainingTask(
    String name, Type request, ImmutableList<Example> examples, ImmutableList<Entry> frontier) {

  /**
   * A program of the frontier with its log-posterior (log-prior + log-likelihood, unnormalised).
   */
  public record Entry(Program program, double logPosterior) {
    public Entry {
      checkArgument(!Double.isNaN(logPosterior), "NaN log-posterior for %s", program);
    }
  }

  public TrainingTask {
    checkArgument(!frontier.isEmpty(), "task %s: a training task needs at least one program", name);
    checkArgument(!examples.isEmpty(), "task %s: a training task needs examples", name);
    examples = ImmutableList.copyOf(examples);
    frontier = ImmutableList.copyOf(frontier);
  }

  /** A task with one program (a fantasy, or a replay with a single solution). */
  public static TrainingTask of(
      String name, Type request, List<Example> examples, Program program) {
    return new TrainingTask(
        name, request, ImmutableList.copyOf(examples), ImmutableList.of(new Entry(program, 0)));
  }
}

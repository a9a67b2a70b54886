package reverie.engine.loop;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.engine.enumerate.Frontier;

/**
 * The complete state of a run at the end of one iteration: enough to continue it exactly, and what
 * {@code reverie library} and {@code reverie export} read.
 *
 * @param trainTasks the names of the training tasks, in order
 * @param testTasks the names of the test tasks, in order
 * @param frontiers the training frontiers so far, solved tasks only, by task name
 * @param testFrontiers the test split's frontiers from this iteration's evaluation, solved tasks
 *     only
 * @param metrics one row per iteration 0..{@code iteration}
 * @param <M> the recognition model type
 */
public record Checkpoint<M>(
    int iteration,
    RunConfig config,
    Grammar grammar,
    ImmutableList<String> trainTasks,
    ImmutableList<String> testTasks,
    ImmutableMap<String, Frontier> frontiers,
    ImmutableMap<String, Frontier> testFrontiers,
    Optional<M> model,
    ImmutableList<IterationMetrics> metrics) {

  public Checkpoint {
    trainTasks = ImmutableList.copyOf(trainTasks);
    testTasks = ImmutableList.copyOf(testTasks);
    frontiers = ImmutableMap.copyOf(frontiers);
    testFrontiers = ImmutableMap.copyOf(testFrontiers);
    metrics = ImmutableList.copyOf(metrics);
    checkArgument(
        metrics.size() == iteration + 1,
        "iteration %s needs %s metric rows, not %s",
        iteration,
        iteration + 1,
        metrics.size());
  }

  /**
   * The library's contextual prior ({@link Refit#contextualPrior}): the grammar searched without a
   * recognition model, fitted to this checkpoint's training frontiers.
   */
  public ContextualGrammar prior() {
    return Refit.contextualPrior(grammar, frontiers);
  }

  /** The metrics of this checkpoint's own iteration. */
  public IterationMetrics last() {
    return metrics.get(metrics.size() - 1);
  }
}

package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.engine.enumerate.Frontier;

/**
 * Wake: searches for programs that solve the named tasks under the library's prior, or under the
 * per-task grammars a recognition model predicts, within the run's per-task timeout. Used for the
 * training batch and for the test evaluation.
 *
 * @param <M> the recognition model type
 */
public interface WakePhase<M> {

  /**
   * Solves {@code tasks} (names of tasks the phase knows), returning a frontier for every one of
   * them, its programs scored under the library's {@code grammar}. Without a model each task is
   * searched under {@code prior}, the library's contextual prior ({@link Refit#contextualPrior}).
   */
  Result solve(
      ImmutableList<String> tasks,
      Grammar grammar,
      ContextualGrammar prior,
      Optional<M> model,
      PhaseContext context);

  /** The frontiers found (one per task asked, possibly empty) and how many programs were tried. */
  record Result(ImmutableMap<String, Frontier> frontiers, long programsEnumerated) {
    public Result {
      frontiers = ImmutableMap.copyOf(frontiers);
    }
  }
}

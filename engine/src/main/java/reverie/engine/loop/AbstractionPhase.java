package reverie.engine.loop;

import com.google.common.collect.ImmutableMap;
import reverie.dsl.grammar.Grammar;
import reverie.engine.enumerate.Frontier;

/**
 * Sleep, abstraction: learns inventions from the frontiers (unless compression is off), rewrites
 * the frontiers with them, rescoring their log-priors under the new grammar, and refits the
 * grammar's weights.
 */
public interface AbstractionPhase {

  Result learn(Grammar grammar, ImmutableMap<String, Frontier> frontiers, PhaseContext context);

  /**
   * The new grammar (old productions first, then the new inventions) and the rewritten frontiers.
   */
  record Result(Grammar grammar, ImmutableMap<String, Frontier> frontiers) {
    public Result {
      frontiers = ImmutableMap.copyOf(frontiers);
    }
  }
}

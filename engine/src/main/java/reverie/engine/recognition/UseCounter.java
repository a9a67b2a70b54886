package reverie.engine.recognition;

import java.util.Map;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.LikelihoodSummary;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * Turns the grammar's likelihood summary of a program ({@link ContextualGrammar#summarize}) into
 * the flat {@link UseCounts} the network's loss reads. The summary does not depend on the weights,
 * so it is taken once under the library's own contextual grammar and reused at every step.
 */
final class UseCounter {
  private final OutputLayout layout;
  private final ContextualGrammar grammar;

  UseCounter(OutputLayout layout, ContextualGrammar grammar) {
    this.layout = layout;
    this.grammar = grammar;
  }

  /**
   * The use counts of {@code program} for {@code request}; an InputException if it is not in the
   * language.
   */
  UseCounts count(Program program, Type request) {
    return convert(grammar.summarize(program, request));
  }

  UseCounts convert(LikelihoodSummary summary) {
    int width = layout.width();
    UseCounts.Builder b = new UseCounts.Builder().addConstant(summary.constant());
    for (Map.Entry<Integer, LikelihoodSummary.ContextSummary> e : summary.contexts().entrySet()) {
      int base = e.getKey() * width;
      LikelihoodSummary.ContextSummary c = e.getValue();
      c.uses().forEach((production, count) -> b.use(base + production, count));
      if (c.variableUses() > 0) {
        b.use(base + layout.variableSlot(), c.variableUses());
      }
      for (LikelihoodSummary.Normalizer n : c.normalizers()) {
        int size = n.productions().length();
        int[] slots = new int[size + (n.variableCandidates() > 0 ? 1 : 0)];
        for (int k = 0; k < size; k++) {
          slots[k] = base + n.productions().get(k);
        }
        if (n.variableCandidates() > 0) {
          slots[size] = base + layout.variableSlot();
        }
        b.normalise(slots, 1);
      }
    }
    return b.build();
  }
}

package reverie.engine.recognition;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.Map;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Program;

/**
 * How the network's output vector maps onto a contextual grammar: contexts {@code 0} (root, no
 * parent), {@code 1} (parent is a variable), then one per (production, argument index) in library
 * order; each context holds {@code productions + 1} log-weights, the last one for variables.
 */
final class OutputLayout {
  static final int ROOT = 0;
  static final int VARIABLE_PARENT = 1;

  private final ImmutableList<Production> productions;
  // The library's, kept by every predicted table (the candidates of a hole depend on it).
  private final java.util.Optional<reverie.dsl.type.Type> continuationType;
  private final int[] arity;
  private final int[] firstContext;
  private final int contexts;
  private final Map<Program, Integer> indexOf = new HashMap<>();

  OutputLayout(Grammar library) {
    this.productions = library.productions();
    this.continuationType = library.continuationType();
    this.arity = new int[productions.size()];
    this.firstContext = new int[productions.size()];
    int next = 2;
    for (int j = 0; j < productions.size(); j++) {
      Production p = productions.get(j);
      arity[j] = p.type().functionArguments().size();
      firstContext[j] = next;
      next += arity[j];
      if (indexOf.put(p.program(), j) != null) {
        throw new IllegalArgumentException(
            "production " + p.program() + " occurs twice in the library");
      }
    }
    this.contexts = next;
  }

  ImmutableList<Production> productions() {
    return productions;
  }

  int productionCount() {
    return productions.size();
  }

  /** Entries per context: one per production plus the variables. */
  int width() {
    return productions.size() + 1;
  }

  int variableSlot() {
    return productions.size();
  }

  int contexts() {
    return contexts;
  }

  int outputSize() {
    return contexts * width();
  }

  int arity(int production) {
    return arity[production];
  }

  /** The context of argument {@code argument} of production {@code production}. */
  int context(int production, int argument) {
    if (argument < 0 || argument >= arity[production]) {
      throw new IllegalArgumentException(
          "argument "
              + argument
              + " of "
              + productions.get(production).program()
              + " (arity "
              + arity[production]
              + ")");
    }
    return firstContext[production] + argument;
  }

  /** The index of a production's program, or -1 if it is not in the library. */
  int indexOf(Program program) {
    Integer j = indexOf.get(program);
    return j == null ? -1 : j;
  }

  /** The contextual grammar whose log-weights are {@code w} (laid out as described above). */
  ContextualGrammar toGrammar(double[] w) {
    ImmutableMap.Builder<Program, ImmutableList<Grammar>> library = ImmutableMap.builder();
    for (int j = 0; j < productions.size(); j++) {
      ImmutableList.Builder<Grammar> perArgument = ImmutableList.builder();
      for (int a = 0; a < arity[j]; a++) {
        perArgument.add(grammarOf(w, context(j, a)));
      }
      library.put(productions.get(j).program(), perArgument.build());
    }
    return new ContextualGrammar(
        grammarOf(w, ROOT), grammarOf(w, VARIABLE_PARENT), library.build());
  }

  private Grammar grammarOf(double[] w, int context) {
    int base = context * width();
    ImmutableList.Builder<Production> ps = ImmutableList.builder();
    for (int j = 0; j < productions.size(); j++) {
      ps.add(productions.get(j).withLogWeight(w[base + j]));
    }
    return new Grammar(w[base + variableSlot()], ps.build(), continuationType);
  }
}

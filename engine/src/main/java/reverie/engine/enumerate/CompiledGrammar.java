package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * A {@link ContextualGrammar} flattened for the enumerator: one global production list with fast
 * type schemes, and a small int id per distinct weight table (root, variable parent, each
 * production argument).
 *
 * <p>A unigram {@link Grammar} compiles to a single table used everywhere, so its candidate tables
 * are shared.
 */
final class CompiledGrammar {
  final TypeNames names = new TypeNames();
  final Program[] programs;

  /** Type scheme of each production, variables renumbered 0..schemeVariables-1. */
  final FastType[] schemes;

  final int[] schemeVariables;

  /**
   * logWeights[context][production], negative infinity when the production is absent from that
   * table.
   */
  final double[][] logWeights;

  final double[] logVariable;
  final int root;
  final int variableParent;

  /** childContext[production][argument] is the table used for that argument. */
  final int[][] childContext;

  final ContextualGrammar source;

  /**
   * The grammar's continuation type ({@link Grammar#continuationType}), or null when it has none:
   * at a hole of exactly this type only the innermost non-function variable is a candidate.
   */
  final FastType continuation;

  /**
   * A lower bound on the cost of filling any hole in each context (see {@link #minimumHoleCost});
   * lets the search cut partial programs whose pending holes cannot all be filled within the
   * window.
   */
  final double[] minHoleCost;

  private CompiledGrammar(ContextualGrammar g) {
    this.source = g;
    Map<Program, Integer> index = new HashMap<>();
    List<Program> programList = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    List<Grammar> tables = new ArrayList<>();
    tables.add(g.noParent());
    tables.add(g.variableParent());
    for (ImmutableList<Grammar> gs : g.library().values()) {
      tables.addAll(gs);
    }
    for (Grammar t : tables) {
      for (Production p : t.productions()) {
        if (!index.containsKey(p.program())) {
          index.put(p.program(), programList.size());
          programList.add(p.program());
          types.add(p.type());
        }
      }
    }
    programs = programList.toArray(new Program[0]);
    schemes = new FastType[programs.length];
    schemeVariables = new int[programs.length];
    for (int i = 0; i < programs.length; i++) {
      Type canonical = types.get(i).canonical();
      schemes[i] = names.fromType(canonical);
      schemeVariables[i] = canonical.variableBound();
    }
    // Equal weight tables share an id, so that their candidate tables are cached once.
    Map<Grammar, Integer> ids = new HashMap<>();
    List<double[]> weights = new ArrayList<>();
    List<Double> variables = new ArrayList<>();
    java.util.function.Function<Grammar, Integer> idOf =
        t ->
            ids.computeIfAbsent(
                t,
                k -> {
                  double[] w = new double[programs.length];
                  Arrays.fill(w, Double.NEGATIVE_INFINITY);
                  for (Production p : k.productions()) {
                    w[index.get(p.program())] = p.logWeight();
                  }
                  weights.add(w);
                  variables.add(k.logVariable());
                  return weights.size() - 1;
                });
    root = idOf.apply(g.noParent());
    variableParent = idOf.apply(g.variableParent());
    childContext = new int[programs.length][];
    for (int i = 0; i < programs.length; i++) {
      int arity = arity(schemes[i]);
      ImmutableList<Grammar> children = g.library().get(programs[i]);
      childContext[i] = new int[arity];
      for (int a = 0; a < arity; a++) {
        // A production missing from the library (or with too few argument tables) falls back to the
        // root table.
        childContext[i][a] =
            children != null && a < children.size() ? idOf.apply(children.get(a)) : root;
      }
    }
    continuation = g.continuationType().map(names::fromType).orElse(null);
    logWeights = weights.toArray(new double[0][]);
    logVariable = variables.stream().mapToDouble(Double::doubleValue).toArray();
    minHoleCost = new double[logWeights.length];
    for (int c = 0; c < logWeights.length; c++) {
      minHoleCost[c] = minimumHoleCost(c);
    }
  }

  /**
   * Productions whose type returns a bare variable (if, car, fold, ...) unify with every request,
   * so they are in every hole's normalising set: choosing x costs at least lse(universal + {x}) -
   * w(x), and a variable (whose weight logVariable - log n is at most logVariable) at least
   * lse(universal + {logVariable}) - logVariable. The minimum over all choices, less a margin for
   * rounding, bounds every hole of the context.
   */
  private double minimumHoleCost(int context) {
    double[] w = logWeights[context];
    List<Double> universal = new ArrayList<>();
    for (int p = 0; p < programs.length; p++) {
      if (w[p] > Double.NEGATIVE_INFINITY && CandidateCache.finalResult(schemes[p]).isVariable()) {
        universal.add(w[p]);
      }
    }
    double best = Double.POSITIVE_INFINITY;
    for (int p = 0; p <= programs.length; p++) {
      double x = p < programs.length ? w[p] : logVariable[context];
      if (x == Double.NEGATIVE_INFINITY || Double.isNaN(x)) {
        continue;
      }
      List<Double> set = new ArrayList<>(universal);
      if (p == programs.length || !CandidateCache.finalResult(schemes[p]).isVariable()) {
        set.add(x);
      }
      best = Math.min(best, CandidateCache.logSumExp(set) - x);
    }
    return best == Double.POSITIVE_INFINITY ? 0 : Math.max(0, best - 1e-9);
  }

  static CompiledGrammar of(ContextualGrammar g) {
    return new CompiledGrammar(g);
  }

  /** The contextual grammar that uses {@code g} for every context. */
  static ContextualGrammar contextual(Grammar g) {
    return ContextualGrammar.fromGrammar(g);
  }

  static int arity(FastType t) {
    int n = 0;
    while (t.isArrow()) {
      n++;
      t = t.arguments[1];
    }
    return n;
  }

  int contexts() {
    return logWeights.length;
  }
}

package reverie.dsl.grammar;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.List;
import reverie.dsl.program.Index;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;
import reverie.dsl.type.TypeContext;

/**
 * The choices at one non-arrow hole under DreamCoder's semantics: every production whose freshly
 * instantiated final return type unifies with the hole's type, and every variable in scope whose
 * (resolved) type's final return unifies with it (at a hole of the grammar's continuation type, of
 * the non-function variables only the innermost). The variables share the grammar's variable weight
 * equally.
 *
 * <p>Building the set leaves the type context as it was (each tentative unification is undone);
 * {@link #commitProduction} and {@link #commitVariable} then redo the chosen one and return its
 * argument types.
 */
final class Candidates {
  final Grammar table;
  final Type request;
  // Production indices (positions in table.productions()) that fit the hole, ascending.
  final IntArrayList productions = new IntArrayList();
  // De Bruijn indices of the variables that fit the hole, ascending.
  final IntArrayList variables = new IntArrayList();
  // log of the normaliser: log-sum-exp of the productions' weights and logVariable (when any
  // variable fits).
  final double logZ;

  /**
   * {@code environment.get(size - 1 - i)} is the type of {@code $i}; {@code request} must not be an
   * arrow once resolved.
   */
  Candidates(Grammar table, Type request, TypeContext context, List<Type> environment) {
    this.table = table;
    this.request = request;
    List<Production> all = table.productions();
    for (int i = 0; i < all.size(); i++) {
      Type scheme = all.get(i).type();
      if (clashes(scheme.finalResult(), request)) {
        continue;
      }
      int mark = context.mark();
      Type t = context.instantiate(scheme);
      if (context.tryUnify(t.finalResult(), request)) {
        productions.add(i);
      }
      context.undo(mark);
    }
    // At a hole of the continuation type, only the innermost non-function variable that fits.
    boolean continuation = table.continuationType().map(request::equals).orElse(false);
    boolean innermostTaken = false;
    for (int j = 0; j < environment.size(); j++) {
      Type t = context.resolve(environment.get(environment.size() - 1 - j));
      int mark = context.mark();
      if (context.tryUnify(t.finalResult(), request)
          && !(continuation && !t.isArrow() && innermostTaken)) {
        variables.add(j);
        innermostTaken |= continuation && !t.isArrow();
      }
      context.undo(mark);
    }
    double[] weights = new double[productions.size() + 1];
    for (int k = 0; k < productions.size(); k++) {
      weights[k] = all.get(productions.getInt(k)).logWeight();
    }
    int n = productions.size();
    if (!variables.isEmpty()) {
      weights[n++] = table.logVariable();
    }
    logZ = LogSumExp.of(weights, n);
  }

  // A cheap test that saves instantiating most productions: different constructors at the top never
  // unify.
  private static boolean clashes(Type returned, Type request) {
    return returned instanceof TypeConstructor r
        && request instanceof TypeConstructor q
        && (!r.name().equals(q.name()) || r.arguments().size() != q.arguments().size());
  }

  boolean isEmpty() {
    return productions.isEmpty() && variables.isEmpty();
  }

  int size() {
    return productions.size() + variables.size();
  }

  /** Log-probability of production {@code i} at this hole (it must be a candidate). */
  double productionLogProbability(int i) {
    return normalise(table.productions().get(i).logWeight());
  }

  /** Log-probability of each single variable candidate at this hole. */
  double variableLogProbability() {
    return normalise(table.logVariable() - Math.log(variables.size()));
  }

  private double normalise(double w) {
    // A hole whose candidates all have weight -inf has no distribution; every choice is impossible.
    return logZ == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : w - logZ;
  }

  /**
   * Position of {@code head} among the production candidates or variables, or -1 when it is no
   * candidate.
   */
  int indexOfProduction(Program head) {
    for (int k = 0; k < productions.size(); k++) {
      if (table.productions().get(productions.getInt(k)).program().equals(head)) {
        return productions.getInt(k);
      }
    }
    return -1;
  }

  boolean hasVariable(Index index) {
    return variables.contains(index.index());
  }

  /** Unifies production {@code i} with the hole and returns its (resolved) argument types. */
  List<Type> commitProduction(int i, TypeContext context) {
    Type t = context.instantiate(table.productions().get(i).type());
    context.unify(t.finalResult(), request);
    return context.resolve(t).functionArguments();
  }

  /** Unifies variable {@code $j} with the hole and returns its (resolved) argument types. */
  List<Type> commitVariable(int j, TypeContext context, List<Type> environment) {
    Type t = context.resolve(environment.get(environment.size() - 1 - j));
    context.unify(t.finalResult(), request);
    return context.resolve(t).functionArguments();
  }
}

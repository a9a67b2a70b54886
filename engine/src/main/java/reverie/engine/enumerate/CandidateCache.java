package reverie.engine.enumerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import reverie.dsl.program.Index;
import reverie.dsl.program.Program;

/**
 * Computes and memoises the candidates of a hole under DreamCoder's semantics, keyed by the weight
 * table and the hole's request and environment types with their variables renamed in order of
 * appearance.
 *
 * <p>Because the key abstracts over variable names, a table computed once serves every hole of the
 * same shape, ground or not; using it costs a key encoding, a probe, and the instantiation of the
 * chosen candidate's templates. One cache belongs to one thread; it holds at most {@link
 * #MAX_ENTRIES} tables, beyond which tables are computed without being stored.
 */
final class CandidateCache {
  static final int MAX_ENTRIES = 1 << 20;

  private final CompiledGrammar grammar;
  private int[] key = new int[256];
  private int keyLength;

  /** Live variable ids of the last looked-up key, in key order; valid until the next lookup. */
  int[] keyVariables = new int[16];

  private int keyVariableCount;
  private int[][] keys = new int[1024][];
  private CandidateTable[] tables = new CandidateTable[1024];
  private int size;

  private final CompiledSymmetries symmetries;

  CandidateCache(CompiledGrammar grammar) {
    this(grammar, CompiledSymmetries.NONE);
  }

  /**
   * A cache whose argument bounds leave out the heads {@code symmetries} refuse at each argument,
   * so that the search stops before a branch whose only completions within budget are refused.
   */
  CandidateCache(CompiledGrammar grammar, CompiledSymmetries symmetries) {
    this.grammar = grammar;
    this.symmetries = symmetries;
  }

  int size() {
    return size;
  }

  /** The table for a hole; fills {@link #keyVariables} with the live ids of its key variables. */
  CandidateTable lookup(int context, FastType request, Env env, Unifier u) {
    keyVariableCount = 0;
    key[0] = context;
    key[1] = Env.size(env);
    int pos = encode(request, u, 2);
    for (Env e = env; e != null; e = e.next) {
      pos = encode(e.type, u, pos);
    }
    keyLength = pos;
    int h = hash(key, pos);
    int mask = keys.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int[] k = keys[i];
      if (k == null) {
        CandidateTable t = build(Arrays.copyOf(key, pos), keyVariableCount);
        if (size < MAX_ENTRIES) {
          keys[i] = Arrays.copyOf(key, pos);
          tables[i] = t;
          if (++size * 2 > keys.length) {
            grow();
          }
        }
        return t;
      }
      if (k.length == pos && Arrays.equals(k, 0, pos, key, 0, pos)) {
        return tables[i];
      }
    }
  }

  private static int hash(int[] a, int length) {
    int h = 0x9e3779b9;
    for (int i = 0; i < length; i++) {
      h = (h ^ a[i]) * 0x01000193;
    }
    return h ^ (h >>> 15);
  }

  private void grow() {
    int[][] oldKeys = keys;
    CandidateTable[] oldTables = tables;
    keys = new int[oldKeys.length * 2][];
    tables = new CandidateTable[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      int[] k = oldKeys[j];
      if (k != null) {
        int i = hash(k, k.length) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        tables[i] = oldTables[j];
      }
    }
  }

  private int encode(FastType t, Unifier u, int pos) {
    t = u.shallow(t);
    if (t.ground) {
      int[] c = t.code();
      ensureKey(pos + c.length);
      System.arraycopy(c, 0, key, pos, c.length);
      return pos + c.length;
    }
    ensureKey(pos + 1);
    if (t.isVariable()) {
      int local = -1;
      for (int i = 0; i < keyVariableCount; i++) {
        if (keyVariables[i] == t.variable) {
          local = i;
          break;
        }
      }
      if (local < 0) {
        if (keyVariableCount == keyVariables.length) {
          keyVariables = Arrays.copyOf(keyVariables, keyVariableCount * 2);
        }
        local = keyVariableCount++;
        keyVariables[local] = t.variable;
      }
      key[pos] = -(local + 1);
      return pos + 1;
    }
    key[pos++] = TypeNames.encode(t.constructor, t.arguments.length);
    for (FastType a : t.arguments) {
      pos = encode(a, u, pos);
    }
    return pos;
  }

  private void ensureKey(int n) {
    if (n > key.length) {
      key = Arrays.copyOf(key, Math.max(n, key.length * 2));
    }
  }

  // ---- building a table (cold path) ----

  private CandidateTable build(int[] k, int m) {
    int[] cursor = {2};
    FastType request = decode(k, cursor);
    FastType[] env = new FastType[k[1]];
    for (int j = 0; j < env.length; j++) {
      env[j] = decode(k, cursor);
    }
    return build(k[0], request, env, m);
  }

  /** The candidates for a hole whose types use variables {@code 0..m-1} only. */
  CandidateTable build(int context, FastType request, FastType[] env, int m) {
    Unifier s = new Unifier(m);
    List<Candidate> found = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double[] w = grammar.logWeights[context];
    for (int p = 0; p < grammar.programs.length; p++) {
      if (w[p] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      long mark = s.mark();
      int base = s.allocate(grammar.schemeVariables[p]);
      int[] shift = new int[grammar.schemeVariables[p]];
      for (int i = 0; i < shift.length; i++) {
        shift[i] = base + i;
      }
      FastType instance = grammar.schemes[p].rename(shift);
      FastType[] arguments = spine(instance);
      if (s.unify(finalResult(instance), request)) {
        found.add(capture(s, m, p, grammar.programs[p], arguments, grammar.childContext[p]));
        weights.add(w[p]);
      }
      s.undo(mark);
    }
    List<Candidate> variables = new ArrayList<>();
    // At a hole of the continuation type, only the innermost non-function variable that fits
    // (DreamCoder's continuationType; Grammar and the enumerator must agree on the candidates).
    boolean continuation = request.equals(grammar.continuation);
    boolean innermostTaken = false;
    for (int j = 0; j < env.length; j++) {
      long mark = s.mark();
      FastType t = s.resolve(env[j]);
      FastType[] arguments = spine(t);
      if (continuation && !t.isArrow() && innermostTaken) {
        s.undo(mark);
        continue;
      }
      if (s.unify(finalResult(t), request)) {
        innermostTaken |= continuation && !t.isArrow();
        int[] contexts = new int[arguments.length];
        Arrays.fill(contexts, grammar.variableParent);
        variables.add(capture(s, m, -(j + 1), new Index(j), arguments, contexts));
      }
      s.undo(mark);
    }
    // The variables share one production's worth of weight equally (DreamCoder's semantics).
    double variableWeight = grammar.logVariable[context] - Math.log(variables.size());
    for (Candidate v : variables) {
      found.add(v);
      weights.add(variableWeight);
    }
    double z = logSumExp(weights);
    List<Candidate> result = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      double ll = weights.get(i) - z;
      if (ll == Double.NEGATIVE_INFINITY || Double.isNaN(ll)) {
        continue;
      }
      Candidate c = found.get(i);
      double[] bounds = new double[c.arguments.length];
      for (int a = 0; a < bounds.length; a++) {
        bounds[a] = argumentBound(c.head, a, c.arguments[a], c.argumentContexts[a], env);
      }
      result.add(
          new Candidate(
              -ll,
              c.head,
              c.program,
              c.fresh,
              c.mapSize,
              c.boundKeys,
              c.boundTo,
              c.arguments,
              c.argumentContexts,
              bounds));
    }
    // Cheapest completion first, so the search can stop at the first candidate over budget; ties
    // keep
    // grammar order.
    result.sort(Comparator.comparingDouble(c -> c.cost + c.argumentsBound));
    return new CandidateTable(result.toArray(new Candidate[0]), m);
  }

  /**
   * Records the effect of a successful unification as templates; renumbers fresh variables from m.
   */
  private static Candidate capture(
      Unifier s, int m, int head, Program program, FastType[] arguments, int[] contexts) {
    List<Integer> boundKeys = new ArrayList<>();
    List<FastType> boundTo = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      FastType r = s.resolve(s.variable(i));
      if (!(r.isVariable() && r.variable == i)) {
        boundKeys.add(i);
        boundTo.add(r);
      }
    }
    FastType[] args = new FastType[arguments.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = s.resolve(arguments[i]);
    }
    int[] renumber = new int[s.nextVariable()];
    Arrays.fill(renumber, -1);
    for (int i = 0; i < m; i++) {
      renumber[i] = i;
    }
    int[] next = {m};
    for (FastType t : boundTo) {
      number(t, renumber, next);
    }
    for (FastType t : args) {
      number(t, renumber, next);
    }
    FastType[] bound = new FastType[boundTo.size()];
    for (int i = 0; i < bound.length; i++) {
      bound[i] = boundTo.get(i).rename(renumber);
    }
    for (int i = 0; i < args.length; i++) {
      args[i] = args[i].rename(renumber);
    }
    return new Candidate(
        0,
        head,
        program,
        next[0] - m,
        next[0],
        boundKeys.stream().mapToInt(Integer::intValue).toArray(),
        bound,
        args,
        contexts,
        new double[0]);
  }

  private static void number(FastType t, int[] renumber, int[] next) {
    if (t.ground) {
      return;
    }
    if (t.isVariable()) {
      if (renumber[t.variable] < 0) {
        renumber[t.variable] = next[0]++;
      }
      return;
    }
    for (FastType a : t.arguments) {
      number(a, renumber, next);
    }
  }

  private static final int BOUND_DEPTH = 2;
  private final java.util.Map<BoundKey, Double> groundBounds = new java.util.HashMap<>();

  /** What a bound depends on: the hole's table, the depth left, what is refused, the type. */
  private static final class BoundKey {
    final int context;
    final int depth;
    final int refusal;
    final boolean variable;
    final int[] type;
    final int hash;

    BoundKey(int context, int depth, int refusal, boolean variable, int[] type) {
      this.context = context;
      this.depth = depth;
      this.refusal = refusal;
      this.variable = variable;
      this.type = type;
      this.hash =
          31 * (31 * (31 * (31 * context + depth) + refusal) + (variable ? 1 : 0))
              + Arrays.hashCode(type);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BoundKey k
          && k.hash == hash
          && k.context == context
          && k.depth == depth
          && k.refusal == refusal
          && k.variable == variable
          && Arrays.equals(k.type, type);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * A lower bound on the cost of any completion of a hole of type {@code t} in context {@code
   * context}: an arrow is filled by lambdas around a hole of its final result, so the bound is that
   * of the final result; for a ground result see {@link #groundBound}, otherwise the context's
   * bound.
   */
  double holeLowerBound(FastType t, int context) {
    FastType result = finalResult(t);
    return Candidate.boundOnGrid(
        result.ground
            ? groundBound(result, context, BOUND_DEPTH, null, null)
            : grammar.minHoleCost[context]);
  }

  /**
   * As {@link #holeLowerBound}, for argument {@code a} of a candidate with head {@code head} at a
   * hole whose variables have types {@code env}: the heads a symmetry rule refuses there, and a
   * variable where none in scope can have the type, do not count.
   */
  private double argumentBound(int head, int a, FastType type, int context, FastType[] env) {
    FastType result = finalResult(type);
    CompiledSymmetries.Refusal refusal =
        head >= 0 ? symmetries.refusal(head, a, CompiledGrammar.arity(type)) : null;
    // A type with variables is known exactly only at the first argument, which is searched right
    // after its head is chosen; a later one may have had its variables bound by then, so its
    // bound must hold for every instance of its type.
    if (!result.ground && a > 0) {
      return instanceBound(result, context, BOUND_DEPTH, refusal, inScope(env, type));
    }
    return groundBound(result, context, BOUND_DEPTH, refusal, inScope(env, type));
  }

  /**
   * A lower bound on the cost of filling a hole of any instance of the non-arrow type {@code t}
   * (its variables may be bound to anything before the hole is searched): the generalisation of
   * {@link CompiledGrammar#minHoleCost} from "any type" to "any instance of t". A production whose
   * result type is at least as general as {@code t} unifies with every instance, so its weight is
   * in every instance's normaliser; another production can only be chosen if its result unifies
   * with {@code t}, and it is in the normaliser when it is chosen. A variable costs at least
   * lse(those + {logVariable}) - logVariable, and only if one in scope ({@code env}, null: not
   * known) can unify with {@code t}. Heads {@code refusal} refuses are left out of the minimum;
   * arguments are bounded the same way, {@code depth} levels down.
   */
  private double instanceBound(
      FastType t, int context, int depth, CompiledSymmetries.Refusal refusal, FastType[] env) {
    if (depth < 0 || t.isVariable()) {
      return grammar.minHoleCost[context];
    }
    boolean variable = variableMayUnify(t, env);
    BoundKey memoKey =
        new BoundKey(context, -1 - depth, refusal == null ? 0 : refusal.id, variable, shape(t));
    Double memo = groundBounds.get(memoKey);
    if (memo != null) {
      return memo;
    }
    int[] own = variablesOf(t);
    double[] w = grammar.logWeights[context];
    List<Double> universal = new ArrayList<>();
    List<Integer> possible = new ArrayList<>();
    List<Double> argumentCosts = new ArrayList<>();
    List<Boolean> isUniversal = new ArrayList<>();
    for (int p = 0; p < grammar.programs.length; p++) {
      if (w[p] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      Unifier s = new Unifier(t.variableBound());
      int base = s.allocate(grammar.schemeVariables[p]);
      int[] shift = new int[grammar.schemeVariables[p]];
      for (int i = 0; i < shift.length; i++) {
        shift[i] = base + i;
      }
      FastType instance = grammar.schemes[p].rename(shift);
      if (!s.unify(finalResult(instance), t)) {
        continue;
      }
      boolean always = generalEnough(s, own);
      if (always) {
        universal.add(w[p]);
      }
      double arguments = 0;
      FastType[] args = spine(instance);
      for (int a = 0; a < args.length; a++) {
        FastType resolved = s.resolve(args[a]);
        FastType r = finalResult(resolved);
        int child = grammar.childContext[p][a];
        arguments +=
            r.ground
                ? groundBound(
                    r,
                    child,
                    depth - 1 < 0 ? 0 : depth - 1,
                    symmetries.refusal(p, a, CompiledGrammar.arity(resolved)),
                    null)
                : instanceBound(
                    r,
                    child,
                    depth - 1,
                    symmetries.refusal(p, a, CompiledGrammar.arity(resolved)),
                    null);
      }
      possible.add(p);
      isUniversal.add(always);
      argumentCosts.add(
          refusal != null && refusal.refuses(p) ? Double.POSITIVE_INFINITY : arguments);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < possible.size(); i++) {
      double x = w[possible.get(i)];
      List<Double> set = new ArrayList<>(universal);
      if (!isUniversal.get(i)) {
        set.add(x);
      }
      best = Math.min(best, logSumExp(set) - x + argumentCosts.get(i));
    }
    return remember(memoKey, best, universal, variable, context);
  }

  /**
   * Whether, after unifying a production's result with a type, the type's own variables are still
   * distinct free variables: then the production unifies with every instance of the type.
   */
  private static boolean generalEnough(Unifier s, int[] own) {
    int[] images = new int[own.length];
    for (int i = 0; i < own.length; i++) {
      FastType r = s.resolve(FastType.variable(own[i]));
      if (!r.isVariable()) {
        return false;
      }
      for (int j = 0; j < i; j++) {
        if (images[j] == r.variable) {
          return false;
        }
      }
      images[i] = r.variable;
    }
    return true;
  }

  /** Whether a variable of one of the types {@code env} (null: not known) can unify with t. */
  private static boolean variableMayUnify(FastType t, FastType[] env) {
    if (env == null) {
      return true;
    }
    int bound = variableBound(t, env);
    for (FastType e : env) {
      if (new Unifier(bound).unify(finalResult(e), t)) {
        return true;
      }
    }
    return false;
  }

  private static int[] variablesOf(FastType t) {
    List<Integer> out = new ArrayList<>();
    collectVariables(t, out);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void collectVariables(FastType t, List<Integer> out) {
    if (t.ground) {
      return;
    }
    if (t.isVariable()) {
      if (!out.contains(t.variable)) {
        out.add(t.variable);
      }
      return;
    }
    for (FastType a : t.arguments) {
      collectVariables(a, out);
    }
  }

  /** The types of the variables in scope in the body of an eta-long argument of type {@code t}. */
  private static FastType[] inScope(FastType[] env, FastType t) {
    FastType[] lambdas = spine(t);
    if (lambdas.length == 0) {
      return env;
    }
    FastType[] all = Arrays.copyOf(lambdas, lambdas.length + env.length);
    System.arraycopy(env, 0, all, lambdas.length, env.length);
    return all;
  }

  /**
   * For a non-arrow type that the hole will have exactly when it is searched (a ground one, or any
   * at a first argument), the productions that unify with it do not depend on the environment, and
   * they are all in the hole's normalising set: choosing one costs at least lse(them) - its weight
   * plus bounds on its arguments, and a variable, where one in scope may have the type, at least
   * lse(them + {logVariable}) - logVariable. Heads that {@code refusal} refuses are left out of the
   * minimum (not of the normaliser). Which variables are in scope ({@code env}) is known at the
   * argument itself; deeper, a variable is assumed possible, so that the memo (per thread) needs no
   * environment in its key. {@code depth} limits the recursion into argument types.
   */
  private double groundBound(
      FastType t, int context, int depth, CompiledSymmetries.Refusal refusal, FastType[] env) {
    boolean variable = variableMayUnify(t, env);
    BoundKey memoKey =
        new BoundKey(context, depth, refusal == null ? 0 : refusal.id, variable, shape(t));
    Double memo = groundBounds.get(memoKey);
    if (memo != null) {
      return memo;
    }
    Unifier s = new Unifier(t.variableBound());
    double[] w = grammar.logWeights[context];
    List<Double> weights = new ArrayList<>();
    List<Double> argumentCosts = new ArrayList<>();
    for (int p = 0; p < grammar.programs.length; p++) {
      if (w[p] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      long mark = s.mark();
      int base = s.allocate(grammar.schemeVariables[p]);
      int[] shift = new int[grammar.schemeVariables[p]];
      for (int i = 0; i < shift.length; i++) {
        shift[i] = base + i;
      }
      FastType instance = grammar.schemes[p].rename(shift);
      if (s.unify(finalResult(instance), t)) {
        double arguments = 0;
        FastType[] args = spine(instance);
        for (int a = 0; a < args.length; a++) {
          int child = grammar.childContext[p][a];
          FastType resolved = s.resolve(args[a]);
          FastType r = finalResult(resolved);
          // The first argument's type is exact even with variables (see argumentBound).
          arguments +=
              depth > 0 && (r.ground || a == 0)
                  ? groundBound(
                      r,
                      child,
                      depth - 1,
                      symmetries.refusal(p, a, CompiledGrammar.arity(resolved)),
                      null)
                  : grammar.minHoleCost[child];
        }
        weights.add(w[p]);
        // A refused head stays in the normaliser, but no completion starts with it.
        argumentCosts.add(
            refusal != null && refusal.refuses(p) ? Double.POSITIVE_INFINITY : arguments);
      }
      s.undo(mark);
    }
    double z = logSumExp(weights);
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < weights.size(); i++) {
      best = Math.min(best, z - weights.get(i) + argumentCosts.get(i));
    }
    return remember(memoKey, best, weights, variable, context);
  }

  /**
   * Completes a bound from the cheapest production choice {@code best}: a variable, if one may fit,
   * costs at least lse(normaliser + {logVariable}) - logVariable; less a margin for rounding, never
   * weaker than the context's bound (which holds for every hole); memoised under {@code key}.
   */
  private double remember(
      BoundKey key, double best, List<Double> normaliser, boolean variable, int context) {
    double lv = grammar.logVariable[context];
    if (lv > Double.NEGATIVE_INFINITY && variable) {
      List<Double> withVariable = new ArrayList<>(normaliser);
      withVariable.add(lv);
      best = Math.min(best, logSumExp(withVariable) - lv);
    }
    double bound =
        best == Double.POSITIVE_INFINITY ? grammar.minHoleCost[context] : Math.max(0, best - 1e-9);
    bound = Math.max(bound, grammar.minHoleCost[context]);
    groundBounds.put(key, bound);
    return bound;
  }

  /**
   * A type's preorder code with its variables numbered in order of first appearance (as {@code -(n
   * + 1)}).
   */
  private static int[] shape(FastType t) {
    if (t.ground) {
      return t.code();
    }
    List<Integer> out = new ArrayList<>();
    shape(t, out, new ArrayList<>());
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int variableBound(FastType t, FastType[] env) {
    int bound = t.variableBound();
    if (env != null) {
      for (FastType e : env) {
        bound = Math.max(bound, e.variableBound());
      }
    }
    return bound;
  }

  private static void shape(FastType t, List<Integer> out, List<Integer> seen) {
    if (t.isVariable()) {
      int i = seen.indexOf(t.variable);
      if (i < 0) {
        i = seen.size();
        seen.add(t.variable);
      }
      out.add(-(i + 1));
      return;
    }
    out.add(TypeNames.encode(t.constructor, t.arguments.length));
    for (FastType a : t.arguments) {
      shape(a, out, seen);
    }
  }

  static FastType[] spine(FastType t) {
    FastType[] args = new FastType[CompiledGrammar.arity(t)];
    for (int i = 0; i < args.length; i++) {
      args[i] = t.arguments[0];
      t = t.arguments[1];
    }
    return args;
  }

  static FastType finalResult(FastType t) {
    while (t.isArrow()) {
      t = t.arguments[1];
    }
    return t;
  }

  static double logSumExp(List<Double> xs) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      max = Math.max(max, x);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double x : xs) {
      sum += Math.exp(x - max);
    }
    return max + Math.log(sum);
  }

  private static FastType decode(int[] k, int[] cursor) {
    int v = k[cursor[0]++];
    if (v < 0) {
      return FastType.variable(-v - 1);
    }
    FastType[] args = new FastType[v % TypeNames.ARITY_LIMIT];
    for (int i = 0; i < args.length; i++) {
      args[i] = decode(k, cursor);
    }
    return FastType.constructor(v / TypeNames.ARITY_LIMIT, args);
  }
}

package reverie.engine.enumerate;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeContext;
import reverie.tasks.SymmetryRule;
import reverie.tasks.SymmetryRules;

/**
 * A deliberately simple DreamCoder enumerator, log-prior and sampler for tests:
 * continuation-passing recursion, candidates recomputed from scratch at every hole with the
 * foundation's {@link TypeContext}, no caching, no windows; symmetry rules, if any, are matched
 * with their own matcher at every node built. The fast enumerator is checked against it.
 */
final class ReferenceEnumerator {
  record Scored(Program program, double cost) {}

  private record Choice(Program head, Production production, double logProbability) {}

  private interface Continuation {
    void accept(Program p, double cost);
  }

  private final ContextualGrammar grammar;
  private final TypeContext context;
  private final SymmetryRules rules;

  private ReferenceEnumerator(ContextualGrammar grammar, Type request, SymmetryRules rules) {
    this.grammar = grammar;
    this.context = new TypeContext(request);
    this.rules = rules;
  }

  private ReferenceEnumerator(ContextualGrammar grammar, Type request) {
    this(grammar, request, SymmetryRules.NONE);
  }

  /** Every program of {@code request} with cost strictly below {@code bound}. */
  static List<Scored> enumerate(ContextualGrammar g, Type request, double bound) {
    return enumerate(g, request, bound, SymmetryRules.NONE);
  }

  /**
   * Every program of {@code request} with cost strictly below {@code bound} in which none of {@code
   * rules} applies: each node is matched against every rule when it is built (with the rules' own
   * matcher), and a node that matches is dropped with all its completions.
   */
  static List<Scored> enumerate(
      ContextualGrammar g, Type request, double bound, SymmetryRules rules) {
    List<Scored> out = new ArrayList<>();
    new ReferenceEnumerator(g, request, rules)
        .enumerate(
            g.noParent(), request, ImmutableList.of(), bound, (p, c) -> out.add(new Scored(p, c)));
    return out;
  }

  private boolean refused(Program node) {
    for (SymmetryRule r : rules.rules()) {
      if (r.match(node).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The log-prior of {@code program} for {@code request}, computed left to right like the
   * enumerator.
   */
  static double logPrior(ContextualGrammar g, Program program, Type request) {
    ReferenceEnumerator r = new ReferenceEnumerator(g, request);
    return -r.cost(g.noParent(), program, request, ImmutableList.of());
  }

  /** A program sampled from the grammar (null if the sample grows past {@code maxDepth}). */
  static Program sample(ContextualGrammar g, Type request, Random random, int maxDepth) {
    return new ReferenceEnumerator(g, request)
        .sample(g.noParent(), request, ImmutableList.of(), random, maxDepth);
  }

  private List<Choice> candidates(Grammar g, Type request, ImmutableList<Type> env) {
    List<Choice> productions = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (Production p : g.productions()) {
      int mark = context.mark();
      Type t = context.instantiate(p.type());
      if (context.tryUnify(t.finalResult(), request)) {
        productions.add(new Choice(p.program(), p, p.logWeight()));
        weights.add(p.logWeight());
      }
      context.undo(mark);
    }
    List<Choice> variables = new ArrayList<>();
    for (int j = 0; j < env.size(); j++) {
      int mark = context.mark();
      if (context.tryUnify(context.resolve(env.get(j)).finalResult(), request)) {
        variables.add(new Choice(new Index(j), null, 0));
      }
      context.undo(mark);
    }
    // DreamCoder's continuation filter, as its buildCandidates applies it: after collecting, keep
    // the function-typed variables and the innermost of the others.
    if (g.continuationType().map(context.resolve(request)::equals).orElse(false)) {
      int innermost = Integer.MAX_VALUE;
      for (Choice v : variables) {
        int j = ((Index) v.head()).index();
        if (!context.resolve(env.get(j)).isArrow()) {
          innermost = Math.min(innermost, j);
        }
      }
      int keep = innermost;
      variables.removeIf(
          v -> {
            int j = ((Index) v.head()).index();
            return !context.resolve(env.get(j)).isArrow() && j != keep;
          });
    }
    for (Choice v : variables) {
      productions.add(v);
      weights.add(g.logVariable() - Math.log(variables.size()));
    }
    double max =
        weights.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NEGATIVE_INFINITY);
    double sum = weights.stream().mapToDouble(w -> Math.exp(w - max)).sum();
    double z = max + Math.log(sum);
    List<Choice> out = new ArrayList<>();
    for (int i = 0; i < productions.size(); i++) {
      Choice c = productions.get(i);
      out.add(new Choice(c.head(), c.production(), weights.get(i) - z));
    }
    return out;
  }

  /** Unifies for the choice and returns its argument types (the caller undoes). */
  private List<Type> commit(Choice c, Type request, ImmutableList<Type> env) {
    Type t =
        c.production() != null
            ? context.instantiate(c.production().type())
            : context.resolve(env.get(((Index) c.head()).index()));
    context.unify(t.finalResult(), request);
    return context.resolve(t).functionArguments();
  }

  private Grammar child(Grammar parentTable, Choice c, int argument) {
    if (c.production() == null) {
      return grammar.variableParent();
    }
    ImmutableList<Grammar> gs = grammar.library().get(c.head());
    return gs != null && argument < gs.size() ? gs.get(argument) : grammar.noParent();
  }

  private void enumerate(
      Grammar g, Type request, ImmutableList<Type> env, double budget, Continuation k) {
    if (budget <= 0) {
      return;
    }
    request = context.resolve(request);
    if (request.isArrow()) {
      ImmutableList<Type> inner =
          ImmutableList.<Type>builder().add(request.argumentType()).addAll(env).build();
      enumerate(
          g,
          request.resultType(),
          inner,
          budget,
          (b, c) -> {
            Program lambda = new Abstraction(b);
            if (!refused(lambda)) {
              k.accept(lambda, c);
            }
          });
      return;
    }
    for (Choice c : candidates(g, request, env)) {
      double cost = -c.logProbability();
      if (cost >= budget) {
        continue;
      }
      int mark = context.mark();
      List<Type> arguments = commit(c, request, env);
      arguments(
          g, c, c.head(), arguments, 0, env, budget - cost, (p, rest) -> k.accept(p, cost + rest));
      context.undo(mark);
    }
  }

  private void arguments(
      Grammar g,
      Choice c,
      Program f,
      List<Type> types,
      int i,
      ImmutableList<Type> env,
      double budget,
      Continuation k) {
    if (i == types.size()) {
      k.accept(f, 0);
      return;
    }
    enumerate(
        child(g, c, i),
        types.get(i),
        env,
        budget,
        (a, ca) -> {
          Program applied = new Application(f, a);
          if (!refused(applied)) {
            arguments(
                g, c, applied, types, i + 1, env, budget - ca, (p, rest) -> k.accept(p, ca + rest));
          }
        });
  }

  private double cost(Grammar g, Program p, Type request, ImmutableList<Type> env) {
    request = context.resolve(request);
    if (request.isArrow()) {
      ImmutableList<Type> inner =
          ImmutableList.<Type>builder().add(request.argumentType()).addAll(env).build();
      return cost(g, ((Abstraction) p).body(), request.resultType(), inner);
    }
    Program head = p.applicationHead();
    List<Program> args = p.applicationArguments();
    for (Choice c : candidates(g, request, env)) {
      if (c.head().equals(head)) {
        List<Type> types = commit(c, request, env);
        if (types.size() != args.size()) {
          throw new IllegalStateException("not eta-long: " + p);
        }
        double total = -c.logProbability();
        for (int i = 0; i < args.size(); i++) {
          total += cost(child(g, c, i), args.get(i), types.get(i), env);
        }
        return total;
      }
    }
    throw new IllegalStateException(head + " is no candidate for " + request);
  }

  private Program sample(
      Grammar g, Type request, ImmutableList<Type> env, Random random, int depth) {
    if (depth == 0) {
      return null;
    }
    request = context.resolve(request);
    if (request.isArrow()) {
      ImmutableList<Type> inner =
          ImmutableList.<Type>builder().add(request.argumentType()).addAll(env).build();
      Program body = sample(g, request.resultType(), inner, random, depth);
      return body == null ? null : new Abstraction(body);
    }
    List<Choice> cs = candidates(g, request, env);
    double u = random.nextDouble();
    Choice chosen = cs.get(cs.size() - 1);
    for (Choice c : cs) {
      u -= Math.exp(c.logProbability());
      if (u <= 0) {
        chosen = c;
        break;
      }
    }
    List<Type> types = commit(chosen, request, env);
    Program p = chosen.head();
    for (int i = 0; i < types.size(); i++) {
      Program a = sample(child(g, chosen, i), types.get(i), env, random, depth - 1);
      if (a == null) {
        return null;
      }
      p = new Application(p, a);
    }
    return p;
  }

  /**
   * A contextual grammar over {@code base}'s productions with seeded random weights in every table.
   */
  static ContextualGrammar randomContextual(Grammar base, Random random) {
    Map<Program, ImmutableList<Grammar>> library = new HashMap<>();
    for (Production p : base.productions()) {
      int arity = p.type().functionArguments().size();
      ImmutableList.Builder<Grammar> gs = ImmutableList.builder();
      for (int i = 0; i < arity; i++) {
        gs.add(randomWeights(base, random));
      }
      library.put(p.program(), gs.build());
    }
    return new ContextualGrammar(
        randomWeights(base, random),
        randomWeights(base, random),
        com.google.common.collect.ImmutableMap.copyOf(library));
  }

  static Grammar randomWeights(Grammar base, Random random) {
    ImmutableList.Builder<Production> ps = ImmutableList.builder();
    for (Production p : base.productions()) {
      ps.add(p.withLogWeight(random.nextGaussian()));
    }
    return new Grammar(random.nextGaussian(), ps.build());
  }
}

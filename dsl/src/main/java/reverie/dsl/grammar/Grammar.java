package reverie.dsl.grammar;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import reverie.dsl.InputException;
import reverie.dsl.program.Index;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeContext;

/**
 * A probabilistic grammar over a library: a log-weight per production plus one shared by the
 * variables in scope. Under DreamCoder's semantics, each hole normalises over the productions and
 * variables whose type unifies with the hole's type.
 *
 * <p>Programs are eta-long: a hole of arrow type is filled by a lambda; at any other hole the head
 * is a production whose freshly instantiated final return type unifies with the hole's type, or a
 * variable in scope whose type's final return does (the variables that fit share {@link
 * #logVariable()} equally), and its arguments are filled left to right with the types that
 * unification implies.
 *
 * <p>A grammar may have a continuation type (DreamCoder's {@code continuationType}: {@code turtle}
 * for LOGO, {@code tower} for towers), the type of "the rest of the program" in a domain written in
 * continuation-passing style. At a hole of exactly that type, of the variables in scope whose type
 * is not a function, only the innermost may be used: a program passes on the continuation it was
 * given, not an outer one it would thereby drop. Function-typed variables stay candidates.
 *
 * @param continuationType the continuation type, or empty for none
 */
public record Grammar(
    double logVariable, ImmutableList<Production> productions, Optional<Type> continuationType) {

  /** A grammar without a continuation type. */
  public Grammar(double logVariable, ImmutableList<Production> productions) {
    this(logVariable, productions, Optional.empty());
  }

  public Grammar {
    checkArgument(
        continuationType.map(t -> !t.isPolymorphic() && !t.isArrow()).orElse(true),
        "a continuation type must be a ground non-function type: %s",
        continuationType);
    productions = ImmutableList.copyOf(productions);
    checkArgument(!Double.isNaN(logVariable), "NaN variable log-weight");
    checkArgument(
        productions.stream().map(Production::program).distinct().count() == productions.size(),
        "a grammar lists each production once");
  }

  /** Every production and the variables with log-weight 0. */
  public static Grammar uniform(Collection<? extends Program> library) {
    return uniform(library, Optional.empty());
  }

  /** Every production and the variables with log-weight 0, with a continuation type. */
  public static Grammar uniform(
      Collection<? extends Program> library, Optional<Type> continuationType) {
    ImmutableList.Builder<Production> b = ImmutableList.builder();
    for (Program p : library) {
      b.add(Production.of(p, 0.0));
    }
    return new Grammar(0.0, b.build(), continuationType);
  }

  /**
   * A grammar over {@code library} (in that order) that keeps this grammar's weight for the
   * productions it already has and gives the others log-weight 0, as after compression adds
   * inventions.
   */
  public Grammar withLibrary(Collection<? extends Program> library) {
    Map<Program, Production> old = new HashMap<>();
    for (Production p : productions) {
      old.put(p.program(), p);
    }
    ImmutableList.Builder<Production> b = ImmutableList.builder();
    for (Program p : library) {
      Production existing = old.get(p);
      b.add(existing != null ? existing : Production.of(p, 0.0));
    }
    return new Grammar(logVariable, b.build(), continuationType);
  }

  /** The same productions with new weights, {@code logWeights[i]} for production {@code i}. */
  public Grammar withLogWeights(double logVariable, double[] logWeights) {
    checkArgument(
        logWeights.length == productions.size(),
        "%s weights for %s productions",
        logWeights.length,
        productions.size());
    ImmutableList.Builder<Production> b = ImmutableList.builder();
    for (int i = 0; i < logWeights.length; i++) {
      b.add(productions.get(i).withLogWeight(logWeights[i]));
    }
    return new Grammar(logVariable, b.build(), continuationType);
  }

  /** The productions' log-weights by production index (a fresh array). */
  public double[] logWeights() {
    double[] w = new double[productions.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = productions.get(i).logWeight();
    }
    return w;
  }

  /** The productions' programs, in order. */
  public ImmutableList<Program> library() {
    return productions.stream().map(Production::program).collect(ImmutableList.toImmutableList());
  }

  /** The index of {@code program} among the productions, or -1. */
  public int indexOf(Program program) {
    for (int i = 0; i < productions.size(); i++) {
      if (productions.get(i).program().equals(program)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The log-probability of {@code program} for a hole of type {@code request}, or negative infinity
   * when the program is not in this grammar's language (ill-typed, not eta-long, not beta-normal,
   * using an unknown production or a free variable).
   */
  public double logPrior(Program program, Type request) {
    try {
      return Walker.unigram(this, request, false).score(program, request, Walker.ROOT, 0);
    } catch (Walker.NotInLanguage e) {
      return Double.NEGATIVE_INFINITY;
    }
  }

  /**
   * The choices behind {@link #logPrior}: {@code summarize(p, t).logLikelihood(this) == logPrior(p,
   * t)}.
   *
   * @throws InputException when the program is not in the grammar's language, saying why
   */
  public LikelihoodSummary summarize(Program program, Type request) {
    Walker walker = Walker.unigram(this, request, true);
    try {
      walker.score(program, request, Walker.ROOT, 0);
    } catch (Walker.NotInLanguage e) {
      throw notInLanguage(program, request, e);
    }
    return walker.summary();
  }

  static InputException notInLanguage(Program program, Type request, Walker.NotInLanguage e) {
    return new InputException(
        program + " is not a program of type " + request + " in the grammar: " + e.getMessage());
  }

  /**
   * A program drawn from this grammar for {@code request}, or empty if it needs more than {@code
   * maxDepth}.
   */
  public Optional<Program> sample(Type request, Random random, int maxDepth) {
    return sampleWithLogPrior(request, random, maxDepth).map(Sample::program);
  }

  /**
   * A program drawn top-down by choosing, at each hole, among the same candidates as {@link
   * #logPrior} in proportion to their probabilities, with its log-prior; empty when a choice would
   * be nested deeper than {@code maxDepth} (the root choice is at depth 1, lambdas do not count) or
   * a hole has no candidate. Empty results are not retried, so accepted samples follow the
   * grammar's distribution conditioned on fitting.
   */
  public Optional<Sample> sampleWithLogPrior(Type request, Random random, int maxDepth) {
    Walker walker = Walker.unigram(this, request, false);
    try {
      Program p = walker.sample(request, Walker.ROOT, 0, random, 1, maxDepth);
      return Optional.of(new Sample(p, walker.sampledLogPrior()));
    } catch (Walker.GiveUp e) {
      return Optional.empty();
    }
  }

  /**
   * The candidates at a non-arrow hole of type {@code request} in {@code context} with {@code
   * environment} ({@code environment.get(size - 1 - i)} types {@code $i}), each with its normalised
   * log-probability: productions in order, then variables as {@link Index} programs; the context is
   * left unchanged.
   */
  public List<Candidate> candidates(Type request, TypeContext context, List<Type> environment) {
    Type type = context.resolve(request);
    checkArgument(
        !type.isArrow(), "an arrow-typed hole is filled by a lambda, not by a choice: %s", type);
    Candidates c = new Candidates(this, type, context, environment);
    List<Candidate> result = new ArrayList<>();
    for (int k = 0; k < c.productions.size(); k++) {
      int i = c.productions.getInt(k);
      result.add(new Candidate(productions.get(i).program(), i, c.productionLogProbability(i)));
    }
    for (int k = 0; k < c.variables.size(); k++) {
      result.add(new Candidate(new Index(c.variables.getInt(k)), -1, c.variableLogProbability()));
    }
    return result;
  }

  /**
   * One choice at a hole.
   *
   * @param program the production's program, or an {@link Index} for a variable
   * @param production the production index, or -1 for a variable
   * @param logProbability normalised over the hole's candidates
   */
  public record Candidate(Program program, int production, double logProbability) {}

  /**
   * DreamCoder's inside-outside refit: one EM step over weighted programs (each frontier's programs
   * weighted by their normalised posterior). Each weight becomes {@code log(expected uses +
   * pseudoCounts) - log(expected times it was a candidate + pseudoCounts)}, the variable weight
   * likewise (a hole counts once for the variables however many fitted).
   *
   * @throws InputException when a program is not in this grammar's language
   */
  public Grammar refit(List<WeightedProgram> programs, double pseudoCounts) {
    checkArgument(pseudoCounts >= 0, "negative pseudo-counts %s", pseudoCounts);
    ExpectedUses uses = new ExpectedUses(productions.size());
    for (WeightedProgram wp : programs) {
      LikelihoodSummary s = summarize(wp.program(), wp.request());
      for (LikelihoodSummary.ContextSummary c : s.contexts().values()) {
        uses.add(c, wp.weight());
      }
    }
    return uses.refit(this, pseudoCounts);
  }

  /**
   * DreamCoder's listing: the variable weight, then one line per production with weight and type.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    continuationType.ifPresent(t -> b.append("continuation : ").append(t).append('\n'));
    b.append(String.format(Locale.ROOT, "%f\tt0\t$_", logVariable));
    for (Production p : productions) {
      b.append(String.format(Locale.ROOT, "%n%f\t%s\t%s", p.logWeight(), p.type(), p.program()));
    }
    return b.toString();
  }
}

package reverie.dsl.grammar;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * DreamCoder's contextual (bigram) grammar: a separate {@link Grammar} for the root ("no parent"),
 * for the arguments of a variable, and for each argument index of each production of the library.
 *
 * <p>Every table lists the same productions in the same order (production indices are shared), and
 * the library has one table per argument of each production's type. The table of a hole is chosen
 * by the head whose argument it is and the argument's position; a lambda does not change it, and
 * the root hole uses {@link #noParent()}. {@link #contexts()} numbers the tables for {@link
 * LikelihoodSummary}. All tables share one continuation type ({@link Grammar#continuationType}).
 */
public record ContextualGrammar(
    Grammar noParent,
    Grammar variableParent,
    ImmutableMap<Program, ImmutableList<Grammar>> library) {

  public ContextualGrammar {
    library = ImmutableMap.copyOf(library);
    ImmutableList<Program> programs = noParent.library();
    checkArgument(
        variableParent.library().equals(programs),
        "the variable-parent table must list the no-parent table's productions in the same order");
    Optional<Type> continuation = noParent.continuationType();
    checkArgument(
        variableParent.continuationType().equals(continuation)
            && library.values().stream()
                .flatMap(List::stream)
                .allMatch(g -> g.continuationType().equals(continuation)),
        "every table must have the no-parent table's continuation type %s",
        continuation);
    checkArgument(
        library.size() == programs.size() && library.keySet().containsAll(programs),
        "the library must have argument tables for exactly the grammar's productions");
    for (Production p : noParent.productions()) {
      ImmutableList<Grammar> tables = library.get(p.program());
      int arity = p.type().functionArguments().size();
      checkArgument(
          tables.size() == arity,
          "%s takes %s arguments but has %s tables",
          p.program(),
          arity,
          tables.size());
      for (Grammar g : tables) {
        checkArgument(
            g.library().equals(programs),
            "the tables of %s must list the no-parent table's productions in the same order",
            p.program());
      }
    }
  }

  /** Every context uses {@code grammar}: the contextual grammar with the same distribution. */
  public static ContextualGrammar fromGrammar(Grammar grammar) {
    ImmutableMap.Builder<Program, ImmutableList<Grammar>> library = ImmutableMap.builder();
    for (Production p : grammar.productions()) {
      library.put(
          p.program(),
          ImmutableList.copyOf(Collections.nCopies(p.type().functionArguments().size(), grammar)));
    }
    return new ContextualGrammar(grammar, grammar, library.buildOrThrow());
  }

  /** Uniform weights in every context. */
  public static ContextualGrammar uniform(Collection<? extends Program> library) {
    return fromGrammar(Grammar.uniform(library));
  }

  /** The continuation type of every table ({@link Grammar#continuationType}). */
  public Optional<Type> continuationType() {
    return noParent.continuationType();
  }

  /** The productions (those of every table), in index order. */
  public ImmutableList<Production> productions() {
    return noParent.productions();
  }

  /**
   * Every table in context order: 0 = no parent, 1 = variable parent, then for each production in
   * index order one table per argument.
   */
  public ImmutableList<Grammar> contexts() {
    ImmutableList.Builder<Grammar> b = ImmutableList.builder();
    b.add(noParent, variableParent);
    for (Production p : noParent.productions()) {
      b.addAll(library.get(p.program()));
    }
    return b.build();
  }

  /** Number of contexts: 2 plus the total arity of the productions. */
  public int contextCount() {
    return 2 + totalArity();
  }

  /** The context index of argument {@code argument} of production {@code production}. */
  public int contextIndex(int production, int argument) {
    return contextOffsets()[production] + argument;
  }

  /** A readable name of context {@code c}: "no parent", "variable parent" or "map, argument 1". */
  public String contextName(int c) {
    if (c == 0) {
      return "no parent";
    }
    if (c == 1) {
      return "variable parent";
    }
    int[] offsets = contextOffsets();
    for (int i = offsets.length - 1; i >= 0; i--) {
      if (offsets[i] <= c) {
        return productions().get(i).program() + ", argument " + (c - offsets[i]);
      }
    }
    throw new IllegalArgumentException("no context " + c);
  }

  // offsets[i] = context index of argument 0 of production i.
  int[] contextOffsets() {
    int[] offsets = new int[noParent.productions().size()];
    int next = 2;
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = next;
      next += library.get(noParent.productions().get(i).program()).size();
    }
    return offsets;
  }

  private int totalArity() {
    return library.values().stream().mapToInt(List::size).sum();
  }

  /**
   * A contextual grammar over {@code library} (in that order): every table keeps its weights for
   * the productions it has and gives new ones log-weight 0; a new production's argument tables are
   * the no-parent table's, as after compression adds inventions.
   */
  public ContextualGrammar withLibrary(Collection<? extends Program> newLibrary) {
    Grammar root = noParent.withLibrary(newLibrary);
    ImmutableMap.Builder<Program, ImmutableList<Grammar>> b = ImmutableMap.builder();
    for (Production p : root.productions()) {
      ImmutableList<Grammar> old = library.get(p.program());
      int arity = p.type().functionArguments().size();
      ImmutableList.Builder<Grammar> tables = ImmutableList.builder();
      for (int j = 0; j < arity; j++) {
        tables.add(old != null ? old.get(j).withLibrary(newLibrary) : root);
      }
      b.put(p.program(), tables.build());
    }
    return new ContextualGrammar(root, variableParent.withLibrary(newLibrary), b.buildOrThrow());
  }

  /** The same productions with one new table per context, in {@link #contexts()} order. */
  public ContextualGrammar withContexts(List<Grammar> tables) {
    checkArgument(
        tables.size() == contextCount(),
        "%s tables for %s contexts",
        tables.size(),
        contextCount());
    ImmutableMap.Builder<Program, ImmutableList<Grammar>> b = ImmutableMap.builder();
    int next = 2;
    for (Production p : noParent.productions()) {
      int arity = library.get(p.program()).size();
      b.put(p.program(), ImmutableList.copyOf(tables.subList(next, next + arity)));
      next += arity;
    }
    return new ContextualGrammar(tables.get(0), tables.get(1), b.buildOrThrow());
  }

  /**
   * The log-probability of {@code program} for {@code request}, negative infinity outside the
   * language.
   */
  public double logPrior(Program program, Type request) {
    try {
      return Walker.contextual(this, request, false).score(program, request, Walker.ROOT, 0);
    } catch (Walker.NotInLanguage e) {
      return Double.NEGATIVE_INFINITY;
    }
  }

  /**
   * The choices behind {@link #logPrior}, by context.
   *
   * @throws reverie.dsl.InputException when the program is not in the grammar's language
   */
  public LikelihoodSummary summarize(Program program, Type request) {
    Walker walker = Walker.contextual(this, request, true);
    try {
      walker.score(program, request, Walker.ROOT, 0);
    } catch (Walker.NotInLanguage e) {
      throw Grammar.notInLanguage(program, request, e);
    }
    return walker.summary();
  }

  /** As {@link Grammar#sample}. */
  public Optional<Program> sample(Type request, Random random, int maxDepth) {
    return sampleWithLogPrior(request, random, maxDepth).map(Sample::program);
  }

  /** As {@link Grammar#sampleWithLogPrior}, each hole drawing from its context's table. */
  public Optional<Sample> sampleWithLogPrior(Type request, Random random, int maxDepth) {
    Walker walker = Walker.contextual(this, request, false);
    try {
      Program p = walker.sample(request, Walker.ROOT, 0, random, 1, maxDepth);
      return Optional.of(new Sample(p, walker.sampledLogPrior()));
    } catch (Walker.GiveUp e) {
      return Optional.empty();
    }
  }

  /**
   * A contextual grammar fitted to {@code programs} in every context, each context's estimate
   * backed off to the unigram {@code base} (which must list the same productions): every choice's
   * weight is {@code log(uses + strength * exp(b)) - log(offered + strength)}, with {@code b} its
   * weight in {@code base}. A context the programs never reach keeps {@code base}'s weights; one
   * they reach often follows its own counts. This is how a library's generative prior learns that,
   * say, the function of a {@code fold} is usually an {@code if} without giving up on contexts its
   * few solutions never used.
   */
  public static ContextualGrammar fitBackedOff(
      Grammar base, List<WeightedProgram> programs, double strength) {
    checkArgument(strength > 0, "back-off strength must be positive: %s", strength);
    ContextualGrammar start = fromGrammar(base);
    ImmutableList.Builder<Grammar> tables = ImmutableList.builder();
    for (ExpectedUses u : start.expectedUses(programs)) {
      tables.add(u.refitToward(base, strength));
    }
    return start.withContexts(tables.build());
  }

  /**
   * {@link Grammar#refit} in every context separately, each from the holes filled in that context.
   */
  public ContextualGrammar refit(List<WeightedProgram> programs, double pseudoCounts) {
    checkArgument(pseudoCounts >= 0, "negative pseudo-counts %s", pseudoCounts);
    ImmutableList<Grammar> tables = contexts();
    ExpectedUses[] uses = expectedUses(programs);
    ImmutableList.Builder<Grammar> refitted = ImmutableList.builder();
    for (int c = 0; c < uses.length; c++) {
      refitted.add(uses[c].refit(tables.get(c), pseudoCounts));
    }
    return withContexts(refitted.build());
  }

  /** The E-step: the programs' posterior-weighted choices, by context. */
  private ExpectedUses[] expectedUses(List<WeightedProgram> programs) {
    ExpectedUses[] uses = new ExpectedUses[contextCount()];
    for (int c = 0; c < uses.length; c++) {
      uses[c] = new ExpectedUses(productions().size());
    }
    for (WeightedProgram wp : programs) {
      LikelihoodSummary s = summarize(wp.program(), wp.request());
      s.contexts().forEach((c, summary) -> uses[c].add(summary, wp.weight()));
    }
    return uses;
  }
}

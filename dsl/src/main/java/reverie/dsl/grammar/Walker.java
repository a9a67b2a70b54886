package reverie.dsl.grammar;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeContext;

/**
 * One top-down pass over an eta-long program (scoring it, summarising it, or sampling it) under a
 * unigram or contextual grammar; the shared core of {@link Grammar} and {@link ContextualGrammar}.
 *
 * <p>Holes are visited in DreamCoder's order: an arrow-typed hole is a lambda whose argument type
 * is pushed on the environment; at a non-arrow hole the head is chosen among {@link Candidates},
 * unified with the hole, and its arguments are filled left to right with their types resolved at
 * that moment. One mutable {@link TypeContext} is threaded through, so a walker is used for one
 * program only.
 */
final class Walker {
  static final int ROOT = -1;
  static final int VARIABLE = -2;

  /** A program outside the grammar's language; stackless because logPrior catches it routinely. */
  static final class NotInLanguage extends Exception {
    NotInLanguage(String message) {
      super(message, null, false, false);
    }
  }

  /** A sample that exceeded its depth bound or reached a hole with no candidate. */
  static final class GiveUp extends Exception {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  private final ImmutableList<Grammar> tables;
  // offsets[i] = context of argument 0 of production i, for contextual grammars; null for a unigram
  // grammar.
  private final int[] offsets;
  private final TypeContext context;
  private final List<Type> environment = new ArrayList<>();
  private final LikelihoodSummary.Builder recorder;

  Walker(
      ImmutableList<Grammar> tables,
      int[] offsets,
      Type request,
      LikelihoodSummary.Builder recorder) {
    this.tables = tables;
    this.offsets = offsets;
    this.context = new TypeContext(request);
    this.recorder = recorder;
  }

  static Walker unigram(Grammar g, Type request, boolean summarise) {
    return new Walker(
        ImmutableList.of(g),
        null,
        request,
        summarise ? new LikelihoodSummary.Builder(g.productions().size()) : null);
  }

  static Walker contextual(ContextualGrammar g, Type request, boolean summarise) {
    return new Walker(
        g.contexts(),
        g.contextOffsets(),
        request,
        summarise ? new LikelihoodSummary.Builder(g.noParent().productions().size()) : null);
  }

  LikelihoodSummary summary() {
    return recorder.build();
  }

  private int contextOf(int parent, int argument) {
    if (offsets == null || parent == ROOT) {
      return 0;
    }
    return parent == VARIABLE ? 1 : offsets[parent] + argument;
  }

  /**
   * The log-prior of {@code program} at a hole of type {@code request}, recording into the summary
   * if any.
   */
  double score(Program program, Type request, int parent, int argument) throws NotInLanguage {
    Type type = context.resolve(request);
    if (type.isArrow()) {
      if (!(program instanceof Abstraction lambda)) {
        throw new NotInLanguage("not eta-long: " + program + " fills a hole of type " + type);
      }
      environment.add(type.argumentType());
      double score = score(lambda.body(), type.resultType(), parent, argument);
      environment.remove(environment.size() - 1);
      return score;
    }
    Program head = program.applicationHead();
    if (head instanceof Abstraction) {
      throw new NotInLanguage(
          program instanceof Application
              ? "not beta-normal: " + program
              : "a lambda " + program + " fills a hole of non-function type " + type);
    }
    List<Program> arguments = program.applicationArguments();
    int c = contextOf(parent, argument);
    Candidates candidates = new Candidates(tables.get(c), type, context, environment);
    double score;
    List<Type> argumentTypes;
    int childParent;
    if (head instanceof Index index) {
      if (!candidates.hasVariable(index)) {
        throw new NotInLanguage(head + " cannot fill a hole of type " + type);
      }
      score = candidates.variableLogProbability();
      argumentTypes = candidates.commitVariable(index.index(), context, environment);
      childParent = VARIABLE;
      if (recorder != null) {
        recorder.record(c, candidates, -1);
      }
    } else {
      int i = candidates.indexOfProduction(head);
      if (i < 0) {
        throw new NotInLanguage(
            head + " is not a production of the grammar that fits a hole of type " + type);
      }
      score = candidates.productionLogProbability(i);
      argumentTypes = candidates.commitProduction(i, context);
      childParent = i;
      if (recorder != null) {
        recorder.record(c, candidates, i);
      }
    }
    if (argumentTypes.size() != arguments.size()) {
      throw new NotInLanguage(
          head
              + " at a hole of type "
              + type
              + " takes "
              + argumentTypes.size()
              + " arguments but has "
              + arguments.size()
              + " in "
              + program);
    }
    for (int k = 0; k < arguments.size(); k++) {
      score += score(arguments.get(k), argumentTypes.get(k), childParent, k);
    }
    return score;
  }

  private double sampledLogPrior;

  double sampledLogPrior() {
    return sampledLogPrior;
  }

  /**
   * Samples a program for a hole of type {@code request} at choice depth {@code depth} (the root is
   * 1).
   */
  Program sample(Type request, int parent, int argument, Random random, int depth, int maxDepth)
      throws GiveUp {
    Type type = context.resolve(request);
    if (type.isArrow()) {
      environment.add(type.argumentType());
      Program body = sample(type.resultType(), parent, argument, random, depth, maxDepth);
      environment.remove(environment.size() - 1);
      return new Abstraction(body);
    }
    if (depth > maxDepth) {
      throw new GiveUp();
    }
    Candidates candidates =
        new Candidates(tables.get(contextOf(parent, argument)), type, context, environment);
    if (candidates.isEmpty() || candidates.logZ == Double.NEGATIVE_INFINITY) {
      throw new GiveUp();
    }
    // Inverse-CDF draw over the candidates in a fixed order: productions, then variables.
    double u = random.nextDouble();
    double cumulative = 0;
    int n = candidates.size();
    int chosen = n - 1;
    for (int k = 0; k < n; k++) {
      cumulative += Math.exp(logProbabilityOf(candidates, k));
      if (u < cumulative) {
        chosen = k;
        break;
      }
    }
    // Rounding can leave the last cumulative just below 1; fall back to the last candidate of
    // non-zero weight.
    while (logProbabilityOf(candidates, chosen) == Double.NEGATIVE_INFINITY) {
      chosen--;
    }
    sampledLogPrior += logProbabilityOf(candidates, chosen);
    Program head;
    List<Type> argumentTypes;
    int childParent;
    if (chosen < candidates.productions.size()) {
      int i = candidates.productions.getInt(chosen);
      head = candidates.table.productions().get(i).program();
      argumentTypes = candidates.commitProduction(i, context);
      childParent = i;
    } else {
      int j = candidates.variables.getInt(chosen - candidates.productions.size());
      head = new Index(j);
      argumentTypes = candidates.commitVariable(j, context, environment);
      childParent = VARIABLE;
    }
    Program program = head;
    for (int k = 0; k < argumentTypes.size(); k++) {
      program =
          new Application(
              program, sample(argumentTypes.get(k), childParent, k, random, depth + 1, maxDepth));
    }
    return program;
  }

  private static double logProbabilityOf(Candidates candidates, int k) {
    int p = candidates.productions.size();
    return k < p
        ? candidates.productionLogProbability(candidates.productions.getInt(k))
        : candidates.variableLogProbability();
  }
}

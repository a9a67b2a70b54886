package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.EtaLong;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Program;
import reverie.engine.compress.CompressionConfig;
import reverie.engine.compress.CompressionResult;
import reverie.engine.compress.Compressor;
import reverie.engine.compress.InventionFilter;
import reverie.engine.compress.InventionHygiene;
import reverie.engine.compress.LearnedAbstraction;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.tasks.SymmetryRules;

/**
 * The abstraction phase with Reverie's compressor: rewrites the frontiers with the domain's
 * symmetry rules (a rewritten program that still solves its task replaces the original), learns up
 * to {@code abstractionsPerIteration} typed inventions from them, admitting only those the library
 * hygiene does not object to ({@link InventionHygiene}), rewrites the frontiers with them (keeping
 * a task's original program wherever a rewritten one falls outside the new grammar's language),
 * then refits the grammar's weights and rescores.
 */
public final class CompressionAbstraction implements AbstractionPhase {
  private final int abstractionsPerIteration;
  private final ProgramChecker checker;
  private final SymmetryRules rules;
  private final Function<Grammar, InventionFilter> hygiene;

  /**
   * Re-checks a rewritten program on its task's examples; rewriting must never change a solution.
   */
  @FunctionalInterface
  public interface ProgramChecker {
    boolean solves(String task, Program program);
  }

  /** Without symmetry rules or hygiene. */
  public CompressionAbstraction(int abstractionsPerIteration, ProgramChecker checker) {
    this(abstractionsPerIteration, checker, SymmetryRules.NONE, g -> InventionFilter.ANY);
  }

  /**
   * With the domain's symmetry {@code rules} for the frontiers and {@code hygiene} (made for each
   * iteration's grammar) for the inventions.
   */
  public CompressionAbstraction(
      int abstractionsPerIteration,
      ProgramChecker checker,
      SymmetryRules rules,
      Function<Grammar, InventionFilter> hygiene) {
    this.abstractionsPerIteration = abstractionsPerIteration;
    this.checker = checker;
    this.rules = rules;
    this.hygiene = hygiene;
  }

  @Override
  public Result learn(
      Grammar grammar, ImmutableMap<String, Frontier> frontiers, PhaseContext context) {
    RunConfig config = context.config();
    Grammar library = grammar;
    frontiers = normalized(grammar, frontiers);
    Map<String, Frontier> current = new LinkedHashMap<>(frontiers);
    if (config.compression() && frontiers.size() >= 2) {
      context.progress().start("abstraction", abstractionsPerIteration);
      List<Program> programs = new ArrayList<>();
      List<Integer> taskIds = new ArrayList<>();
      List<String> names = new ArrayList<>(frontiers.keySet());
      for (int t = 0; t < names.size(); t++) {
        for (FrontierEntry s : frontiers.get(names.get(t)).entries()) {
          programs.add(s.program());
          taskIds.add(t);
        }
      }
      List<Invented> existing = new ArrayList<>();
      for (Production p : grammar.productions()) {
        if (p.program() instanceof Invented i) {
          existing.add(i);
        }
      }
      CompressionConfig cc =
          CompressionConfig.defaults()
              .withMaxArity(config.maxArity())
              .withIterations(abstractionsPerIteration)
              .withThreads(config.threads())
              .withStructurePenalty(config.structurePenalty())
              .withTyped(true);
      int[] step = {0};
      CompressionResult result =
          Compressor.compress(
              programs,
              taskIds,
              existing,
              cc,
              "lambda",
              line -> context.progress().step(++step[0], line),
              hygiene.apply(grammar));
      List<Program> learned = new ArrayList<>(grammar.library());
      for (LearnedAbstraction a : result.abstractions()) {
        if (!learned.contains(a.invented())) {
          learned.add(a.invented());
        }
      }
      Grammar candidate = grammar.withLibrary(learned);
      // Rewritten programs come grouped by task in input order. Rewriting can leave a
      // function-typed
      // argument unexpanded, outside the grammar's eta-long language, so it is eta-expanded first;
      // a
      // rewritten program is kept only if it is then in the new grammar's language and still solves
      // its
      // task, otherwise the original stays.
      Set<Invented> used = new HashSet<>();
      for (int t = 0; t < names.size(); t++) {
        Frontier f = frontiers.get(names.get(t));
        List<Program> rewrittenPrograms = result.rewrittenByTask().get(t);
        List<FrontierEntry> rewritten = new ArrayList<>();
        for (int j = 0; j < f.entries().size(); j++) {
          FrontierEntry s = f.entries().get(j);
          Program p = j < rewrittenPrograms.size() ? rewrittenPrograms.get(j) : s.program();
          p = EtaLong.expand(p, f.request()).orElse(p);
          boolean ok =
              candidate.logPrior(p, f.request()) > Double.NEGATIVE_INFINITY
                  && checker.solves(f.task(), p);
          Program kept = ok ? p : s.program();
          collectInventions(kept, used);
          rewritten.add(new FrontierEntry(kept, s.logPrior(), s.logLikelihood()));
        }
        current.put(f.task(), new Frontier(f.task(), f.request(), ImmutableList.copyOf(rewritten)));
      }
      // A new invention that no kept program uses (all its rewrites fell back) would only dilute
      // the prior.
      List<Program> newLibrary = new ArrayList<>(grammar.library());
      for (LearnedAbstraction a : result.abstractions()) {
        if (used.contains(a.invented()) && !newLibrary.contains(a.invented())) {
          newLibrary.add(a.invented());
        }
      }
      library = grammar.withLibrary(newLibrary);
      context
          .progress()
          .finish(
              String.format(
                  Locale.ROOT,
                  "%d new inventions, compression ratio %.3f",
                  newLibrary.size() - grammar.library().size(),
                  result.compressionRatio()));
    }
    Refit.Result fitted = Refit.refitAndRescore(library, current, config.pseudoCounts());
    return new Result(fitted.grammar(), fitted.frontiers());
  }

  /**
   * The frontiers with each program rewritten by the symmetry rules, where the rewritten program is
   * in the grammar's language and still solves its task (rescored under the grammar); programs that
   * become equal are kept once.
   */
  private ImmutableMap<String, Frontier> normalized(
      Grammar grammar, ImmutableMap<String, Frontier> frontiers) {
    if (rules.isEmpty()) {
      return frontiers;
    }
    ImmutableMap.Builder<String, Frontier> out = ImmutableMap.builder();
    for (Map.Entry<String, Frontier> e : frontiers.entrySet()) {
      Frontier f = e.getValue();
      List<FrontierEntry> entries = new ArrayList<>();
      Set<Program> seen = new HashSet<>();
      for (FrontierEntry s : f.entries()) {
        Program p = rules.normalize(s.program());
        FrontierEntry kept = s;
        if (!p.equals(s.program())) {
          double logPrior = grammar.logPrior(p, f.request());
          if (logPrior > Double.NEGATIVE_INFINITY && checker.solves(f.task(), p)) {
            kept = new FrontierEntry(p, logPrior, s.logLikelihood());
          }
        }
        if (seen.add(kept.program())) {
          entries.add(kept);
        }
      }
      entries.sort(Frontier.BEST_FIRST);
      out.put(e.getKey(), new Frontier(f.task(), f.request(), ImmutableList.copyOf(entries)));
    }
    return out.buildOrThrow();
  }

  /** Adds every invention in {@code p}, and those inside their bodies, to {@code into}. */
  private static void collectInventions(Program p, Set<Invented> into) {
    if (p instanceof Invented i) {
      if (into.add(i)) {
        collectInventions(i.body(), into);
      }
    } else if (p instanceof Application a) {
      collectInventions(a.function(), into);
      collectInventions(a.argument(), into);
    } else if (p instanceof Abstraction l) {
      collectInventions(l.body(), into);
    }
  }
}

package reverie.dsl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import reverie.dsl.InputException;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

class RefitTest {
  static final Type LIST_TO_LIST = Type.parse("list(int) -> list(int)");
  static final Grammar G = ListPrimitives.UNIFORM;

  static WeightedProgram weighted(String program, double weight) {
    return new WeightedProgram(ListPrimitives.parse(program), LIST_TO_LIST, weight);
  }

  double weight(Grammar g, String production) {
    return g.productions().get(g.indexOf(ListPrimitives.parse(production))).logWeight();
  }

  @Test
  void countsUsesAgainstTimesOffered() {
    // (lambda (cdr $0)): two list(int) holes, each offering map unfold range index fold if empty
    // cons car cdr
    // and the variable; cdr chosen once, the variable once.
    Grammar refit = G.refit(List.of(weighted("(lambda (cdr $0))", 1.0)), 1.0);
    assertEquals(Math.log(1 + 1) - Math.log(2 + 1), weight(refit, "cdr"), 1e-12);
    assertEquals(Math.log(1) - Math.log(3), weight(refit, "map"), 1e-12);
    assertEquals(Math.log(2) - Math.log(3), refit.logVariable(), 1e-12);
    // Never offered: log(pseudo) - log(pseudo) = 0.
    assertEquals(0.0, weight(refit, "+"), 1e-12);
  }

  @Test
  void programsArePosteriorWeighted() {
    Grammar refit =
        G.refit(
            List.of(weighted("(lambda (cdr $0))", 0.25), weighted("(lambda empty)", 0.75)), 0.5);
    // cdr: used 0.25, offered 0.25 * 2 + 0.75 * 1 = 1.25; empty: used 0.75, offered 1.25.
    assertEquals(Math.log(0.25 + 0.5) - Math.log(1.25 + 0.5), weight(refit, "cdr"), 1e-12);
    assertEquals(Math.log(0.75 + 0.5) - Math.log(1.25 + 0.5), weight(refit, "empty"), 1e-12);
    // variables: used 0.25, offered at 1.25 holes.
    assertEquals(Math.log(0.25 + 0.5) - Math.log(1.25 + 0.5), refit.logVariable(), 1e-12);
  }

  @Test
  void noPseudoCountsKeepsWeightsNeverOffered() {
    Grammar refit = G.refit(List.of(weighted("(lambda (cdr $0))", 1.0)), 0.0);
    assertEquals(Double.NEGATIVE_INFINITY, weight(refit, "map"));
    assertEquals(0.0, weight(refit, "+"));
    // The refit grammar puts all its mass on the program's choices at these holes.
    assertEquals(
        Math.log(0.5) * 2,
        refit.logPrior(ListPrimitives.parse("(lambda (cdr $0))"), LIST_TO_LIST),
        1e-12);
  }

  @Test
  void programsOutsideTheLanguageAreRefused() {
    assertThrows(
        InputException.class, () -> G.refit(List.of(weighted("(lambda (length $0))", 1.0)), 1.0));
  }

  @Test
  void contextualRefitCountsPerContext() {
    ContextualGrammar g = ContextualGrammar.uniform(ListPrimitives.ALL);
    ContextualGrammar refit = g.refit(List.of(weighted("(lambda (cdr $0))", 1.0)), 1.0);
    int cdr = g.noParent().indexOf(ListPrimitives.parse("cdr"));
    Grammar root = refit.noParent();
    Grammar underCdr = refit.contexts().get(g.contextIndex(cdr, 0));
    assertEquals(Math.log(2) - Math.log(2), root.productions().get(cdr).logWeight(), 1e-12);
    assertEquals(Math.log(1) - Math.log(2), root.logVariable(), 1e-12);
    assertEquals(Math.log(1) - Math.log(2), underCdr.productions().get(cdr).logWeight(), 1e-12);
    assertEquals(Math.log(2) - Math.log(2), underCdr.logVariable(), 1e-12);
    // A context never visited keeps uniform weights.
    assertEquals(g.variableParent(), refit.variableParent());
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    Random random = new Random(9);
    Grammar g = ContextualGrammarTest.randomContextual(G, random).noParent();
    Program p =
        ListPrimitives.parse(
            "(lambda (map (lambda (if (gt? $0 (length $1)) $0 (car $1))) (cdr $0)))");
    LikelihoodSummary.ContextSummary summary = g.summarize(p, LIST_TO_LIST).contexts().get(0);
    double[] w = g.logWeights();
    double v = g.logVariable();
    double[] gw = new double[w.length];
    double[] gv = new double[1];
    summary.addGradient(w, v, 2.0, gw, gv);
    double h = 1e-6;
    for (int i = 0; i < w.length; i++) {
      double[] up = w.clone();
      up[i] += h;
      double[] down = w.clone();
      down[i] -= h;
      double numeric = (summary.logLikelihood(up, v) - summary.logLikelihood(down, v)) / (2 * h);
      assertEquals(2 * numeric, gw[i], 1e-5, "production " + i);
    }
    double numeric = (summary.logLikelihood(w, v + h) - summary.logLikelihood(w, v - h)) / (2 * h);
    assertEquals(2 * numeric, gv[0], 1e-5);
  }

  @Test
  void normalisedWeightsArePosteriors() {
    List<Program> programs =
        List.of(ListPrimitives.parse("(lambda $0)"), ListPrimitives.parse("(lambda (cdr $0))"));
    List<WeightedProgram> w =
        WeightedProgram.normalised(LIST_TO_LIST, programs, new double[] {Math.log(3), 0});
    assertEquals(0.75, w.get(0).weight(), 1e-12);
    assertEquals(0.25, w.get(1).weight(), 1e-12);
  }

  @Test
  void libraryGrowsWithInventions() {
    Program invention = ListPrimitives.parse("#(lambda (cdr (cdr $0)))");
    List<Program> library = new java.util.ArrayList<>(G.library());
    library.add(invention);
    Grammar refit = G.refit(List.of(weighted("(lambda (cdr $0))", 1.0)), 1.0);
    Grammar grown = refit.withLibrary(library);
    assertEquals(23, grown.productions().size());
    assertEquals(weight(refit, "cdr"), weight(grown, "cdr"));
    assertEquals(0.0, grown.productions().get(22).logWeight());
    Program usesIt = ListPrimitives.parse("(lambda (#(lambda (cdr (cdr $0))) $0))");
    assertEquals(Double.NEGATIVE_INFINITY, refit.logPrior(usesIt, LIST_TO_LIST));
    assertEquals(true, Double.isFinite(grown.logPrior(usesIt, LIST_TO_LIST)));

    ContextualGrammar contextual = ContextualGrammar.fromGrammar(refit).withLibrary(library);
    assertEquals(
        grown.logPrior(usesIt, LIST_TO_LIST), contextual.logPrior(usesIt, LIST_TO_LIST), 1e-12);
    assertEquals(1, contextual.library().get(invention).size());
  }
}

package reverie.dsl.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

class ContextualGrammarTest {
  static final Type LIST_TO_LIST = Type.parse("list(int) -> list(int)");
  static final List<String> PROGRAMS =
      List.of(
          "(lambda $0)",
          "(lambda (cdr $0))",
          "(lambda (map (lambda (+ $0 1)) $0))",
          "(lambda (fold $0 empty (lambda (lambda (cons $1 $0)))))",
          "(lambda (map (lambda (if (gt? $0 (length $1)) $0 (car $1))) (cdr $0)))",
          "(lambda (unfold 0 (lambda (eq? $0 (length $1))) (lambda (index $0 $1)) (lambda (+ $0"
              + " 1))))");

  /**
   * A contextual grammar over {@code base}'s productions with independent random weights in every
   * table.
   */
  static ContextualGrammar randomContextual(Grammar base, Random random) {
    ContextualGrammar shape = ContextualGrammar.fromGrammar(base);
    List<Grammar> tables = new ArrayList<>();
    for (Grammar g : shape.contexts()) {
      double[] w = g.logWeights();
      for (int i = 0; i < w.length; i++) {
        w[i] = -3 * random.nextDouble();
      }
      tables.add(g.withLogWeights(-3 * random.nextDouble(), w));
    }
    return shape.withContexts(tables);
  }

  @Test
  void contextsAreNumberedRootVariableThenArguments() {
    ContextualGrammar g = ContextualGrammar.uniform(ListPrimitives.ALL);
    // Total arity of the 22 list primitives: map 2, unfold 4, range 1, index 2, fold 3, length 1,
    // if 3,
    // + - * mod 2 each, cons 2, car cdr empty? 1 each, gt? eq? 2 each, is-prime is-square 1 each:
    // 35.
    assertEquals(2 + 35, g.contextCount());
    assertEquals(g.contextCount(), g.contexts().size());
    assertEquals("no parent", g.contextName(0));
    assertEquals("variable parent", g.contextName(1));
    assertEquals(2, g.contextIndex(0, 0));
    assertEquals("map, argument 1", g.contextName(3));
    assertEquals("unfold, argument 3", g.contextName(g.contextIndex(1, 3)));
  }

  @Test
  void fromGrammarHasTheUnigramPriors() {
    Grammar base =
        ContextualGrammarTest.randomContextual(ListPrimitives.UNIFORM, new Random(1)).noParent();
    ContextualGrammar g = ContextualGrammar.fromGrammar(base);
    for (String s : PROGRAMS) {
      Program p = ListPrimitives.parse(s);
      assertEquals(base.logPrior(p, LIST_TO_LIST), g.logPrior(p, LIST_TO_LIST), 1e-12, s);
    }
  }

  @Test
  void theParentAndArgumentChooseTheTable() {
    ContextualGrammar uniform = ContextualGrammar.uniform(ListPrimitives.ALL);
    int cdr = uniform.noParent().indexOf(ListPrimitives.parse("cdr"));
    List<Grammar> tables = new ArrayList<>(uniform.contexts());
    // Under cdr's argument, variables weigh e^2 as much as a production.
    int c = uniform.contextIndex(cdr, 0);
    tables.set(c, tables.get(c).withLogWeights(2.0, tables.get(c).logWeights()));
    ContextualGrammar g = uniform.withContexts(tables);
    double expected = -Math.log(11) + 2.0 - Math.log(10 + Math.exp(2.0));
    assertEquals(
        expected, g.logPrior(ListPrimitives.parse("(lambda (cdr $0))"), LIST_TO_LIST), 1e-12);
    // The root is unaffected: (lambda $0) still costs ln 11.
    assertEquals(
        -Math.log(11), g.logPrior(ListPrimitives.parse("(lambda $0)"), LIST_TO_LIST), 1e-12);
    assertEquals(
        ImmutableList.of(0, c),
        List.copyOf(
            g.summarize(ListPrimitives.parse("(lambda (cdr $0))"), LIST_TO_LIST)
                .contexts()
                .keySet()));
  }

  @Test
  void summaryMatchesLogPrior() {
    ContextualGrammar g = randomContextual(ListPrimitives.UNIFORM, new Random(2));
    for (String s : PROGRAMS) {
      Program p = ListPrimitives.parse(s);
      assertEquals(
          g.logPrior(p, LIST_TO_LIST), g.summarize(p, LIST_TO_LIST).logLikelihood(g), 1e-9, s);
    }
  }

  @Test
  void backedOffFitWithoutProgramsIsTheBaseGrammar() {
    Grammar base =
        ContextualGrammarTest.randomContextual(ListPrimitives.UNIFORM, new Random(3)).noParent();
    ContextualGrammar g = ContextualGrammar.fitBackedOff(base, List.of(), 2);
    for (String s : PROGRAMS) {
      Program p = ListPrimitives.parse(s);
      assertEquals(base.logPrior(p, LIST_TO_LIST), g.logPrior(p, LIST_TO_LIST), 1e-12, s);
    }
  }

  @Test
  void backedOffFitLearnsWhatFollowsEachFunction() {
    Grammar base = ListPrimitives.UNIFORM;
    // Every fold's function is an if; nothing else is ever an if. Each program counts ten times, so
    // that the data outweigh the back-off (strength 2).
    Program filter =
        ListPrimitives.parse(
            "(lambda (fold $0 empty (lambda (lambda (if (gt? $1 0) (cons $1 $0)" + " $0)))))");
    Program sum =
        ListPrimitives.parse("(lambda (fold $0 0 (lambda (lambda (if (gt? $1 $0) $1 $0)))))");
    Type toInt = Type.parse("list(int) -> int");
    List<WeightedProgram> seen =
        List.of(
            new WeightedProgram(filter, LIST_TO_LIST, 10),
            new WeightedProgram(sum, toInt, 10),
            new WeightedProgram(ListPrimitives.parse("(lambda (cdr $0))"), LIST_TO_LIST, 10));
    ContextualGrammar fitted = ContextualGrammar.fitBackedOff(base, seen, 2);
    Grammar unigram = base.refit(seen, 2);
    // The contextual fit explains its own data better than the unigram fit can.
    for (WeightedProgram wp : seen) {
      double contextual = fitted.logPrior(wp.program(), wp.request());
      double flat = unigram.logPrior(wp.program(), wp.request());
      assertTrue(contextual > flat, wp.program() + ": " + contextual + " <= " + flat);
    }
    // An if is likelier as a fold's function than at the root, where the data never put one.
    int fold = base.indexOf(ListPrimitives.parse("fold"));
    int ifIndex = base.indexOf(ListPrimitives.parse("if"));
    Grammar underFold = fitted.contexts().get(fitted.contextIndex(fold, 2));
    assertTrue(underFold.logWeights()[ifIndex] > fitted.noParent().logWeights()[ifIndex]);
    // A context the data never reach keeps the base weights.
    int unfold = base.indexOf(ListPrimitives.parse("unfold"));
    Grammar unreached = fitted.contexts().get(fitted.contextIndex(unfold, 1));
    assertArrayEquals(base.logWeights(), unreached.logWeights(), 1e-12);
    assertEquals(base.logVariable(), unreached.logVariable(), 1e-12);
  }

  @Test
  void tablesMustShareTheProductions() {
    Grammar base = ListPrimitives.UNIFORM;
    Grammar fewer = Grammar.uniform(ListPrimitives.ALL.subList(1, 22));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ContextualGrammar(base, fewer, ContextualGrammar.fromGrammar(base).library()));
    assertThrows(
        IllegalArgumentException.class, () -> new ContextualGrammar(base, base, ImmutableMap.of()));
  }
}

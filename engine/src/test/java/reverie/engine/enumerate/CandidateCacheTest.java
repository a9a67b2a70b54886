package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import reverie.dsl.program.Primitive;
import reverie.dsl.type.Type;

/**
 * The cost bounds of a candidate's arguments: the tighter they are, the earlier the search drops a
 * branch whose completions all cost too much; they must stay below every real completion, which
 * {@link SymmetryPruningTest} checks against the reference enumerator.
 */
class CandidateCacheTest {
  private static final CompiledGrammar GRAMMAR =
      CompiledGrammar.of(CompiledGrammar.contextual(ListGrammar.uniform()));
  private static final CompiledSymmetries RULES =
      CompiledSymmetries.of(GRAMMAR, SymmetryPruningTest.LISTS);

  private static FastType type(String text) {
    return GRAMMAR.names.fromType(Type.parse(text));
  }

  private static Candidate head(CandidateTable table, String name) {
    for (Candidate c : table.candidates) {
      if (c.program instanceof Primitive p && p.name().equals(name)) {
        return c;
      }
    }
    throw new AssertionError(name + " is not a candidate");
  }

  @Test
  void anArgumentBoundLeavesOutTheHeadsTheRulesRefuseThere() {
    FastType[] env = {type("list(int)")};
    CandidateTable plain = new CandidateCache(GRAMMAR).build(GRAMMAR.root, type("int"), env, 0);
    CandidateTable ruled =
        new CandidateCache(GRAMMAR, RULES).build(GRAMMAR.root, type("int"), env, 0);
    // (car empty) and (car (cons a b)) are refused: car's list needs a dearer head or $0.
    assertTrue(
        head(ruled, "car").argumentBounds[0] > head(plain, "car").argumentBounds[0],
        () -> head(ruled, "car").argumentBounds[0] + " vs " + head(plain, "car").argumentBounds[0]);
    // Costs themselves are the grammar's either way.
    assertEquals(head(plain, "car").cost, head(ruled, "car").cost, 1e-12);
  }

  @Test
  void anArgumentBoundCountsAVariableOnlyWhereOneInScopeCanHaveTheType() {
    // Variables likelier than any production, so that one in scope is the cheapest completion.
    reverie.dsl.grammar.Grammar uniform = ListGrammar.uniform();
    CompiledGrammar g =
        CompiledGrammar.of(
            CompiledGrammar.contextual(uniform.withLogWeights(3.0, uniform.logWeights())));
    CandidateCache cache = new CandidateCache(g);
    FastType request = g.names.fromType(Type.parse("int"));
    FastType[] listInScope = {g.names.fromType(Type.parse("list(int)"))};
    FastType[] intInScope = {request};
    double withList = head(cache.build(g.root, request, listInScope, 0), "car").argumentBounds[0];
    double withInt = head(cache.build(g.root, request, intInScope, 0), "car").argumentBounds[0];
    // (car $0) where $0 is a list; where the only variable is an int, car's list is a production.
    assertTrue(withInt > withList, () -> withInt + " vs " + withList);
  }

  @Test
  void aLaterArgumentWithTypeVariablesIsBoundedOverEveryInstanceOfItsType() {
    // (map f l) at list(int): l is a list(a) whose a is known only once f is searched. Every list
    // type's normaliser holds the productions that return any list (empty, cdr, cons, map, ...)
    // and those that return anything (car, if, fold, ...), and empty is refused there, so l costs
    // more than the grammar's cheapest hole; the bound must still not exceed l = $0 once a is int.
    FastType[] env = {type("list(int)")};
    Candidate map =
        head(
            new CandidateCache(GRAMMAR, RULES).build(GRAMMAR.root, type("list(int)"), env, 0),
            "map");
    int context = map.argumentContexts[1];
    assertTrue(!map.arguments[1].ground, () -> "l's type " + map.arguments[1]);
    assertTrue(
        map.argumentBounds[1] > GRAMMAR.minHoleCost[context] + 0.1,
        () -> map.argumentBounds[1] + " vs " + GRAMMAR.minHoleCost[context]);
    CandidateTable ints =
        new CandidateCache(GRAMMAR, RULES).build(context, type("list(int)"), env, 0);
    double variable = Double.POSITIVE_INFINITY;
    for (Candidate c : ints.candidates) {
      if (c.program instanceof reverie.dsl.program.Index) {
        variable = Math.min(variable, c.cost);
      }
    }
    double cheapest = variable;
    assertTrue(
        map.argumentBounds[1] <= cheapest, () -> map.argumentBounds[1] + " vs $0 at " + cheapest);
  }
}

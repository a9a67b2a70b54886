package reverie.dsl.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjDoubleConsumer;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeContext;

/**
 * A plain top-down enumerator for tests: every program whose description length under {@code
 * grammar} is below a bound, in continuation-passing style over one undoable type context, built on
 * the public {@link Grammar#candidates} (so that the enumeration helper's faster version can be
 * checked against it).
 */
final class BruteForceEnumerator {
  private final Grammar grammar;
  private final TypeContext context;
  private final List<Type> environment = new ArrayList<>();

  private BruteForceEnumerator(Grammar grammar, Type request) {
    this.grammar = grammar;
    this.context = new TypeContext(request);
  }

  /**
   * Calls {@code sink} with each program of cost (negative log-prior) below {@code bound}, and its
   * cost.
   */
  static void enumerate(
      Grammar grammar, Type request, double bound, ObjDoubleConsumer<Program> sink) {
    new BruteForceEnumerator(grammar, request).hole(request, bound, sink);
  }

  private void hole(Type request, double budget, ObjDoubleConsumer<Program> k) {
    Type type = context.resolve(request);
    if (type.isArrow()) {
      environment.add(type.argumentType());
      // The continuation fills later siblings, which must not see this lambda's variable.
      hole(
          type.resultType(),
          budget,
          (body, cost) -> {
            Type bound = environment.remove(environment.size() - 1);
            k.accept(new Abstraction(body), cost);
            environment.add(bound);
          });
      environment.remove(environment.size() - 1);
      return;
    }
    for (Grammar.Candidate c : grammar.candidates(type, context, environment)) {
      double cost = -c.logProbability();
      if (cost >= budget) {
        continue;
      }
      int mark = context.mark();
      Type t;
      if (c.program() instanceof Index index) {
        t = context.resolve(environment.get(environment.size() - 1 - index.index()));
      } else {
        t = context.instantiate(grammar.productions().get(c.production()).type());
      }
      context.unify(t.finalResult(), type);
      List<Type> arguments = context.resolve(t).functionArguments();
      arguments(
          c.program(),
          arguments,
          0,
          budget - cost,
          (p, argumentCost) -> k.accept(p, cost + argumentCost));
      context.undo(mark);
    }
  }

  private void arguments(
      Program function, List<Type> types, int next, double budget, ObjDoubleConsumer<Program> k) {
    if (next == types.size()) {
      k.accept(function, 0);
      return;
    }
    hole(
        types.get(next),
        budget,
        (argument, cost) ->
            arguments(
                new Application(function, argument),
                types,
                next + 1,
                budget - cost,
                (p, rest) -> k.accept(p, cost + rest)));
  }
}

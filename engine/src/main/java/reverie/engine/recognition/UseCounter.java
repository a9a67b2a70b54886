package reverie.engine.recognition;

import java.util.ArrayList;
import java.util.List;
import reverie.dsl.InputException;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Index;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeContext;

/**
 * Walks a program top-down against its request type, as DreamCoder's likelihood does, recording for each
 * choice point its context, the candidates whose return type unifies with the hole, and the choice made.
 *
 * <p>Semantics: arrow-typed holes are filled by a lambda (no choice); the variables in scope share one
 * weight, so picking one of {@code n} costs an extra {@code -log n}.
 */
final class UseCounter {
  private final OutputLayout layout;

  UseCounter(OutputLayout layout) {
    this.layout = layout;
  }

  /** The use counts of {@code program} for {@code request}; an InputException if it does not fit. */
  UseCounts count(Program program, Type request) {
    UseCounts.Builder counts = new UseCounts.Builder();
    new Walk(request, counts).walk(program, request, new ArrayList<>(), OutputLayout.ROOT);
    return counts.build();
  }

  private final class Walk {
    private final TypeContext context;
    private final UseCounts.Builder counts;

    Walk(Type request, UseCounts.Builder counts) {
      this.context = new TypeContext(request);
      this.counts = counts;
    }

    void walk(Program p, Type request, List<Type> environment, int parent) {
      request = context.shallow(request);
      if (request.isArrow()) {
        if (!(p instanceof Abstraction a)) {
          throw new InputException("program " + p + " is not eta-long: expected a lambda for type " + context.resolve(request));
        }
        List<Type> inner = new ArrayList<>(environment.size() + 1);
        inner.add(request.argumentType());
        inner.addAll(environment);
        walk(a.body(), request.resultType(), inner, parent);
        return;
      }
      Program head = p.applicationHead();
      List<Program> arguments = p.applicationArguments();

      int width = layout.width();
      int base = parent * width;
      List<Integer> candidates = new ArrayList<>();
      for (int j = 0; j < layout.productionCount(); j++) {
        int mark = context.mark();
        Type t = context.instantiate(layout.productions().get(j).type());
        if (context.tryUnify(t.finalResult(), request)) {
          candidates.add(base + j);
        }
        context.undo(mark);
      }
      int variables = 0;
      for (Type t : environment) {
        int mark = context.mark();
        if (context.tryUnify(context.resolve(t).finalResult(), request)) {
          variables++;
        }
        context.undo(mark);
      }
      if (variables > 0) {
        candidates.add(base + layout.variableSlot());
      }

      Type headType;
      int[] argumentContexts = new int[arguments.size()];
      if (head instanceof Index index) {
        if (index.index() >= environment.size()) {
          throw new InputException("program " + p + " has a free variable $" + index.index());
        }
        headType = context.resolve(environment.get(index.index()));
        counts.use(base + layout.variableSlot(), 1).addConstant(-Math.log(Math.max(variables, 1)));
        java.util.Arrays.fill(argumentContexts, OutputLayout.VARIABLE_PARENT);
      } else {
        int j = layout.indexOf(head);
        if (j < 0) {
          throw new InputException("program uses " + head + ", which is not in the library");
        }
        headType = context.instantiate(layout.productions().get(j).type());
        counts.use(base + j, 1);
        if (arguments.size() != layout.arity(j)) {
          throw new InputException("program " + p + " is not eta-long: " + head + " takes " + layout.arity(j) + " arguments");
        }
        for (int a = 0; a < arguments.size(); a++) {
          argumentContexts[a] = layout.context(j, a);
        }
      }
      counts.normalise(candidates.stream().mapToInt(Integer::intValue).toArray(), 1);

      List<Type> argumentTypes = new ArrayList<>();
      Type t = headType;
      for (int a = 0; a < arguments.size(); a++) {
        t = context.shallow(t);
        if (!t.isArrow()) {
          throw new InputException("program " + p + " applies " + head + " to too many arguments");
        }
        argumentTypes.add(t.argumentType());
        t = t.resultType();
      }
      if (!context.tryUnify(t, request)) {
        throw new InputException("program " + p + " does not have type " + context.resolve(request));
      }
      for (int a = 0; a < arguments.size(); a++) {
        walk(arguments.get(a), argumentTypes.get(a), environment, argumentContexts[a]);
      }
    }
  }
}

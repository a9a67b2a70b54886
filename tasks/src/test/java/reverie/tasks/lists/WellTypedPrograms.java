package reverie.tasks.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeContext;

/**
 * A seeded generator of random well-typed programs over some primitives: lambdas for arrow types,
 * else a variable or primitive whose result unifies with the hole, its arguments filled recursively
 * up to a depth; with some probability a beta-redex {@code ((lambda M) N)} instead, so that
 * reduction has work to do.
 */
final class WellTypedPrograms {
  private static final List<Type> REDEX_ARGUMENT_TYPES =
      List.of(Type.of("int"), Type.of("bool"), Type.parse("list(int)"));

  private final List<Primitive> primitives;
  private final Random random;
  private final double redexProbability;
  private TypeContext context;

  WellTypedPrograms(List<Primitive> primitives, long seed, double redexProbability) {
    this.primitives = primitives;
    this.random = new Random(seed);
    this.redexProbability = redexProbability;
  }

  /** A program of type {@code request} (closed); retries until one fits in {@code depth}. */
  Program generate(Type request, int depth) {
    while (true) {
      context = new TypeContext(request);
      Program p = hole(request, new ArrayList<>(), depth);
      if (p != null) {
        return p;
      }
    }
  }

  /**
   * A program for a hole of type {@code type} in {@code environment} ($i is the i-th from the end).
   */
  private Program hole(Type type, List<Type> environment, int depth) {
    Type t = context.resolve(type);
    if (t.isArrow()) {
      environment.add(t.argumentType());
      Program body = hole(t.resultType(), environment, depth);
      environment.remove(environment.size() - 1);
      return body == null ? null : new Abstraction(body);
    }
    if (depth > 0 && random.nextDouble() < redexProbability) {
      Type argumentType = REDEX_ARGUMENT_TYPES.get(random.nextInt(REDEX_ARGUMENT_TYPES.size()));
      Program argument = hole(argumentType, environment, depth - 1);
      if (argument == null) {
        return null;
      }
      environment.add(argumentType);
      Program body = hole(t, environment, depth - 1);
      environment.remove(environment.size() - 1);
      return body == null ? null : new Application(new Abstraction(body), argument);
    }
    // Candidates: each variable in scope and each primitive, tried in random order.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < environment.size() + primitives.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    for (int c : order) {
      int mark = context.mark();
      Program head;
      Type headType;
      if (c < environment.size()) {
        head = new Index(environment.size() - 1 - c);
        headType = context.resolve(environment.get(c));
      } else {
        Primitive p = primitives.get(c - environment.size());
        head = p;
        headType = context.instantiate(p.type());
      }
      // Use the candidate with as many arguments as make its result fit the hole (none for
      // non-arrows).
      List<Type> arguments = new ArrayList<>();
      Type result = headType;
      while (!context.tryUnify(result, t)) {
        result = context.resolve(result);
        if (!result.isArrow()) {
          break;
        }
        arguments.add(result.argumentType());
        result = result.resultType();
      }
      if (!context.tryUnify(result, t) || (depth == 0 && !arguments.isEmpty())) {
        context.undo(mark);
        continue;
      }
      Program p = head;
      for (Type a : arguments) {
        Program argument = hole(a, environment, depth - 1);
        if (argument == null) {
          return null;
        }
        p = new Application(p, argument);
      }
      return p;
    }
    return null;
  }
}

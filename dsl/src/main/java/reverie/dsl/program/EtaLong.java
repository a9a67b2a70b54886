package reverie.dsl.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeContext;

/**
 * Puts a beta-normal program into eta-long form for a requested type: every subterm of arrow type
 * is a lambda. The grammar only assigns a prior to eta-long programs, and rewriting with inventions
 * can leave function-typed arguments unexpanded ({@code (map f xs)} with {@code f} a variable), so
 * rewritten programs are expanded before they are scored.
 */
public final class EtaLong {
  private EtaLong() {}

  /**
   * The eta-long form of {@code program} at type {@code request}, or empty when it is ill-typed or
   * not beta-normal.
   */
  public static Optional<Program> expand(Program program, Type request) {
    TypeContext context = new TypeContext(request);
    try {
      return Optional.ofNullable(expand(program, request, context, new ArrayList<>()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The eta-short form of {@code program}: every {@code (lambda (f $0))} whose {@code f} does not
   * use {@code $0} becomes {@code f}, innermost first. Two programs that differ only by
   * eta-expansion reduce to the same one, which is how compression recognises an abstraction that
   * merely re-wraps a production of the library.
   */
  public static Program reduce(Program program) {
    if (program instanceof Abstraction a) {
      Program body = reduce(a.body());
      if (body instanceof Application app
          && app.argument() instanceof Index i
          && i.index() == 0
          && !app.function().freeIndices().contains(0)) {
        return app.function().shift(-1);
      }
      return body == a.body() ? a : new Abstraction(body);
    }
    if (program instanceof Application app) {
      Program f = reduce(app.function());
      Program x = reduce(app.argument());
      return f == app.function() && x == app.argument() ? app : new Application(f, x);
    }
    return program;
  }

  private static Program expand(
      Program p, Type request, TypeContext context, List<Type> environment) {
    Type wanted = context.resolve(request);
    if (wanted.isArrow()) {
      if (!(p instanceof Abstraction)) {
        // f  ->  (lambda (f $0)): shift f's free variables past the new binder.
        p = new Abstraction(new Application(p.shift(1), new Index(0)));
      }
      environment.add(wanted.argumentType());
      Program body = expand(((Abstraction) p).body(), wanted.resultType(), context, environment);
      environment.remove(environment.size() - 1);
      return body == null ? null : new Abstraction(body);
    }
    Program head = p.applicationHead();
    List<Program> arguments = p.applicationArguments();
    Type headType;
    if (head instanceof Index i) {
      int at = environment.size() - 1 - i.index();
      if (at < 0) {
        return null;
      }
      headType = environment.get(at);
    } else if (head instanceof Primitive primitive) {
      headType = context.instantiate(primitive.type());
    } else if (head instanceof Invented invented) {
      headType = context.instantiate(invented.type());
    } else {
      return null; // a lambda in head position is a beta-redex
    }
    List<Type> argumentTypes = new ArrayList<>();
    Type rest = headType;
    for (int k = 0; k < arguments.size(); k++) {
      Type argument = context.fresh();
      Type result = context.fresh();
      if (!context.tryUnify(rest, Type.arrow(argument, result))) {
        return null;
      }
      argumentTypes.add(argument);
      rest = result;
    }
    // Unify the result first, so that the arguments' types are as specific as the request makes
    // them.
    if (!context.tryUnify(rest, wanted)) {
      return null;
    }
    Program expanded = head;
    for (int k = 0; k < arguments.size(); k++) {
      Program a = expand(arguments.get(k), argumentTypes.get(k), context, environment);
      if (a == null) {
        return null;
      }
      expanded = new Application(expanded, a);
    }
    return expanded;
  }
}

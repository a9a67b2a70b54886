package reverie.dsl.program;

import java.util.ArrayList;
import java.util.List;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeContext;
import reverie.dsl.type.TypeError;

/**
 * Hindley-Milner type inference for programs: primitives and inventions are type schemes
 * instantiated fresh at each use, lambdas are monomorphic.
 */
public final class TypeInference {
  private TypeInference() {}

  /**
   * The most general type of a closed program, with variables renamed t0, t1, ...; throws {@link
   * TypeError}.
   */
  public static Type infer(Program program) {
    TypeContext context = new TypeContext();
    Type t = infer(program, context, new ArrayList<>());
    return context.resolve(t).canonical();
  }

  /**
   * The most general instance of {@code request} that {@code program} has; throws {@link
   * TypeError}.
   */
  public static Type check(Program program, Type request) {
    TypeContext context = new TypeContext(request);
    Type t = infer(program, context, new ArrayList<>());
    try {
      context.unify(request, t);
    } catch (TypeError e) {
      throw e.within(program + " is not of type " + request);
    }
    return context.resolve(request);
  }

  /**
   * Infers the type of {@code program} in {@code context}, where {@code environment.get(size - 1 -
   * i)} is the type of {@code $i}. The returned type may mention variables bound in {@code
   * context}.
   */
  public static Type infer(Program program, TypeContext context, List<Type> environment) {
    if (program instanceof Index index) {
      int i = environment.size() - 1 - index.index();
      if (i < 0) {
        throw TypeError.of("free variable " + index + " has no binding lambda");
      }
      return environment.get(i);
    }
    if (program instanceof Primitive p) {
      return context.instantiate(p.type());
    }
    if (program instanceof Invented invented) {
      return context.instantiate(invented.type());
    }
    if (program instanceof Abstraction lambda) {
      Type argument = context.fresh();
      environment.add(argument);
      Type body = infer(lambda.body(), context, environment);
      environment.remove(environment.size() - 1);
      return Type.arrow(argument, body);
    }
    if (program instanceof Application application) {
      Type function = infer(application.function(), context, environment);
      Type argument = infer(application.argument(), context, environment);
      Type result = context.fresh();
      try {
        context.unify(function, Type.arrow(argument, result));
      } catch (TypeError e) {
        throw e.within("in " + application);
      }
      return result;
    }
    throw new AssertionError(program);
  }
}

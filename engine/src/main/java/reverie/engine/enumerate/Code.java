package reverie.engine.enumerate;

import reverie.dsl.eval.Budget;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.FunctionValue;

/**
 * A program compiled for the enumerator's fast check, built incrementally: each finished subtree is
 * compiled once when its last hole is filled and shared by every completion of the holes after it,
 * so a new candidate costs a handful of nodes instead of a whole compilation.
 *
 * <p>The semantics follow {@link reverie.dsl.eval.Evaluator}: primitives are the domain's
 * implementations, a closure application charges one step, a fully applied {@code if} evaluates one
 * branch. Solutions found with it are confirmed with the official evaluator before they are
 * reported.
 */
abstract class Code {
  /**
   * The value of this code, or {@link #FAILED} when the run failed: the failure is then {@link
   * #pending}.
   *
   * <p>Why not just throw: most candidates fail (a car of an empty list, an unfold that never
   * stops), and unwinding an exception through every compiled frame between the primitive and the
   * checker took a third of the wake's time. Failures now travel up the code tree as a return
   * value; a primitive returns its failure ({@link FunctionValue#attempt}), its own or that of a
   * closure it called, and an exception crosses only the few frames between a primitive that throws
   * and the nearest application node, which catches it.
   */
  abstract Object eval(Values env, Budget budget);

  /** What {@link #eval} returns for a failed run; never a value of the program. */
  static final Object FAILED = new Object();

  /** The failure of the last {@link #FAILED} result on this thread. */
  private static final ThreadLocal<EvaluationException> PENDING = new ThreadLocal<>();

  /** Records {@code e} as this thread's failure; returns {@link #FAILED}. */
  static Object failed(EvaluationException e) {
    PENDING.set(e);
    return FAILED;
  }

  /**
   * {@code result} of a function's {@link FunctionValue#attempt}, or {@link #FAILED} when it is a
   * failure the function returned.
   */
  static Object failedIf(Object result) {
    return result instanceof EvaluationException e ? failed(e) : result;
  }

  /** The failure behind the last {@link #FAILED} on this thread, to throw where values must be. */
  static EvaluationException pending() {
    return PENDING.get();
  }

  /** Values of the variables in scope, innermost first. */
  static final class Values {
    final Object value;
    final Values next;

    Values(Object value, Values next) {
      this.value = value;
      this.next = next;
    }
  }

  /**
   * Runs a program of {@code inputs.size()} arguments (its leading lambdas bind the inputs
   * directly); a failure is thrown.
   */
  static Object run(Code program, java.util.List<Object> inputs, Budget budget) {
    Object value = attempt(program, inputs, budget);
    if (value == FAILED) {
      throw pending();
    }
    return value;
  }

  /** Like {@link #run}, but a failure is returned as {@link #FAILED}, with {@link #pending}. */
  static Object attempt(Code program, java.util.List<Object> inputs, Budget budget) {
    try {
      Code c = program;
      Values env = null;
      int i = 0;
      while (i < inputs.size() && c instanceof Lambda l) {
        env = new Values(inputs.get(i++), env);
        c = l.body;
      }
      Object value = c.eval(env, budget);
      if (value == FAILED) {
        return FAILED;
      }
      while (i < inputs.size()) {
        value = ((FunctionValue) value).apply(inputs.get(i++), budget);
      }
      return value;
    } catch (EvaluationException e) {
      return failed(e);
    } catch (StackOverflowError e) {
      return failed(EvaluationException.tooDeep());
    }
  }

  static final class Constant extends Code {
    final Object value;

    Constant(Object value) {
      this.value = value;
    }

    @Override
    Object eval(Values env, Budget budget) {
      return value;
    }
  }

  static final class Innermost extends Code {
    static final Innermost INSTANCE = new Innermost();

    @Override
    Object eval(Values env, Budget budget) {
      return env.value;
    }
  }

  static final class Variable extends Code {
    final int index;

    Variable(int index) {
      this.index = index;
    }

    @Override
    Object eval(Values env, Budget budget) {
      for (int i = index; i > 0; i--) {
        env = env.next;
      }
      return env.value;
    }
  }

  static final class Lambda extends Code {
    final Code body;

    Lambda(Code body) {
      this.body = body;
    }

    @Override
    Object eval(Values env, Budget budget) {
      return new Closure(body, env);
    }
  }

  static final class Apply extends Code {
    final Code function;
    final Code argument;

    Apply(Code function, Code argument) {
      this.function = function;
      this.argument = argument;
    }

    @Override
    Object eval(Values env, Budget budget) {
      Object f = function.eval(env, budget);
      if (f == FAILED) {
        return FAILED;
      }
      Object a = argument.eval(env, budget);
      if (a == FAILED) {
        return FAILED;
      }
      try {
        return f instanceof Closure c
            ? c.call(a, budget)
            : failedIf(((FunctionValue) f).attempt(a, budget));
      } catch (EvaluationException e) {
        return failed(e);
      }
    }
  }

  static final class Apply2 extends Code {
    final Code function;
    final Code first;
    final Code second;

    Apply2(Code function, Code first, Code second) {
      this.function = function;
      this.first = first;
      this.second = second;
    }

    @Override
    Object eval(Values env, Budget budget) {
      Object f = function.eval(env, budget);
      if (f == FAILED) {
        return FAILED;
      }
      Object a = first.eval(env, budget);
      if (a == FAILED) {
        return FAILED;
      }
      Object b = second.eval(env, budget);
      if (b == FAILED) {
        return FAILED;
      }
      try {
        return f instanceof Closure c
            ? c.call2(a, b, budget)
            : failedIf(((FunctionValue) f).attempt2(a, b, budget));
      } catch (EvaluationException e) {
        return failed(e);
      }
    }
  }

  /**
   * A function applied to three or more arguments at once: a primitive of that arity is called
   * directly instead of through partial applications.
   */
  static final class ApplyAll extends Code {
    final Code function;
    final Code[] arguments;

    ApplyAll(Code function, Code[] arguments) {
      this.function = function;
      this.arguments = arguments;
    }

    @Override
    Object eval(Values env, Budget budget) {
      Object f = function.eval(env, budget);
      if (f == FAILED) {
        return FAILED;
      }
      Object[] values = new Object[arguments.length];
      for (int i = 0; i < values.length; i++) {
        Object v = arguments[i].eval(env, budget);
        if (v == FAILED) {
          return FAILED;
        }
        values[i] = v;
      }
      try {
        return failedIf(((FunctionValue) f).attemptAll(values, budget));
      } catch (EvaluationException e) {
        return failed(e);
      }
    }
  }

  /** A fully applied {@code if}: lazy in its branches, one step like the primitive. */
  static final class If extends Code {
    final Code condition;
    final Code then;
    final Code otherwise;

    If(Code condition, Code then, Code otherwise) {
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    Object eval(Values env, Budget budget) {
      budget.step();
      Object c = condition.eval(env, budget);
      if (c == FAILED) {
        return FAILED;
      }
      return (Boolean) c ? then.eval(env, budget) : otherwise.eval(env, budget);
    }
  }

  /** A lambda of the program with the values it closed over. */
  static final class Closure implements FunctionValue {
    final Code body;
    final Values env;

    Closure(Code body, Values env) {
      this.body = body;
      this.env = env;
    }

    /** Applies the closure for a code node: the result may be {@link #FAILED}. */
    Object call(Object argument, Budget budget) {
      budget.step();
      return body.eval(new Values(argument, env), budget);
    }

    /** Applies the closure to two arguments for a code node: the result may be {@link #FAILED}. */
    Object call2(Object first, Object second, Budget budget) {
      if (body instanceof Lambda inner) {
        budget.step();
        budget.step();
        return inner.body.eval(new Values(second, new Values(first, env)), budget);
      }
      Object f = call(first, budget);
      if (f == FAILED) {
        return FAILED;
      }
      return f instanceof Closure c
          ? c.call(second, budget)
          : ((FunctionValue) f).apply(second, budget);
    }

    /** For primitives, which take only values: a failure is thrown. */
    @Override
    public Object apply(Object argument, Budget budget) {
      Object value = call(argument, budget);
      if (value == FAILED) {
        throw pending();
      }
      return value;
    }

    @Override
    public Object apply2(Object first, Object second, Budget budget) {
      Object value = call2(first, second, budget);
      if (value == FAILED) {
        throw pending();
      }
      return value;
    }

    /** For primitives that take a failure as a value: returned, not thrown. */
    @Override
    public Object attempt(Object argument, Budget budget) {
      Object value = call(argument, budget);
      return value == FAILED ? pending() : value;
    }

    @Override
    public Object attempt2(Object first, Object second, Budget budget) {
      Object value = call2(first, second, budget);
      return value == FAILED ? pending() : value;
    }
  }
}

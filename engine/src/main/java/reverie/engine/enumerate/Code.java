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
  abstract Object eval(Values env, Budget budget);

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
   * directly).
   */
  static Object run(Code program, java.util.List<Object> inputs, Budget budget) {
    try {
      Code c = program;
      Values env = null;
      int i = 0;
      while (i < inputs.size() && c instanceof Lambda l) {
        env = new Values(inputs.get(i++), env);
        c = l.body;
      }
      Object value = c.eval(env, budget);
      while (i < inputs.size()) {
        value = ((FunctionValue) value).apply(inputs.get(i++), budget);
      }
      return value;
    } catch (StackOverflowError e) {
      throw EvaluationException.tooDeep();
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
      FunctionValue f = (FunctionValue) function.eval(env, budget);
      return f.apply(argument.eval(env, budget), budget);
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
      FunctionValue f = (FunctionValue) function.eval(env, budget);
      return f.apply2(first.eval(env, budget), second.eval(env, budget), budget);
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
      FunctionValue f = (FunctionValue) function.eval(env, budget);
      Object[] values = new Object[arguments.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = arguments[i].eval(env, budget);
      }
      return f.applyAll(values, budget);
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
      return (Boolean) condition.eval(env, budget)
          ? then.eval(env, budget)
          : otherwise.eval(env, budget);
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

    @Override
    public Object apply(Object argument, Budget budget) {
      budget.step();
      return body.eval(new Values(argument, env), budget);
    }

    @Override
    public Object apply2(Object first, Object second, Budget budget) {
      if (body instanceof Lambda inner) {
        budget.step();
        budget.step();
        return inner.body.eval(new Values(second, new Values(first, env)), budget);
      }
      return FunctionValue.super.apply2(first, second, budget);
    }
  }
}

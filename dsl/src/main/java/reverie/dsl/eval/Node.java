package reverie.dsl.eval;

/**
 * A compiled program: a tree of nodes that each evaluate themselves in an environment. Nodes are
 * immutable and shared between threads; the state of a run is only in its {@link Env} frames and
 * {@link Budget}.
 */
abstract class Node {

  abstract Object eval(Env env, Budget budget);

  /** A constant: a primitive's value, or a function value built once at compile time. */
  static final class Constant extends Node {
    private final Object value;

    Constant(Object value) {
      this.value = value;
    }

    @Override
    Object eval(Env env, Budget budget) {
      return value;
    }
  }

  /** The de Bruijn variable {@code $index}: the frame {@code index} links up the environment. */
  static final class Variable extends Node {
    private final int index;

    Variable(int index) {
      this.index = index;
    }

    @Override
    Object eval(Env env, Budget budget) {
      Env e = env;
      for (int i = index; i > 0; i--) {
        e = e.parent;
      }
      return e.value;
    }
  }

  /** {@code $0}, the most common variable, without the loop. */
  static final class Innermost extends Node {
    @Override
    Object eval(Env env, Budget budget) {
      return env.value;
    }
  }

  /** A lambda: evaluates to a closure over the current environment. */
  static final class Lambda extends Node {
    final Node body;

    Lambda(Node body) {
      this.body = body;
    }

    @Override
    Object eval(Env env, Budget budget) {
      return new Closure(body, env);
    }
  }

  /** Application of a computed function to one argument. */
  static final class Apply extends Node {
    private final Node function;
    private final Node argument;

    Apply(Node function, Node argument) {
      this.function = function;
      this.argument = argument;
    }

    @Override
    Object eval(Env env, Budget budget) {
      FunctionValue f = (FunctionValue) function.eval(env, budget);
      return f.apply(argument.eval(env, budget), budget);
    }
  }

  /** Application of a computed function to two arguments, without the intermediate function. */
  static final class Apply2 extends Node {
    private final Node function;
    private final Node first;
    private final Node second;

    Apply2(Node function, Node first, Node second) {
      this.function = function;
      this.first = first;
      this.second = second;
    }

    @Override
    Object eval(Env env, Budget budget) {
      FunctionValue f = (FunctionValue) function.eval(env, budget);
      return f.apply2(first.eval(env, budget), second.eval(env, budget), budget);
    }
  }

  /** {@code (if c a b)}: evaluates only the branch taken, as DreamCoder does. */
  static final class If extends Node {
    private final Node condition;
    private final Node then;
    private final Node otherwise;

    If(Node condition, Node then, Node otherwise) {
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    Object eval(Env env, Budget budget) {
      budget.step();
      return (Boolean) condition.eval(env, budget)
          ? then.eval(env, budget)
          : otherwise.eval(env, budget);
    }
  }

  /** A primitive of one argument applied to it. */
  static final class Call1 extends Node {
    private final PrimitiveFunction.One primitive;
    private final Node a;

    Call1(PrimitiveFunction.One primitive, Node a) {
      this.primitive = primitive;
      this.a = a;
    }

    @Override
    Object eval(Env env, Budget budget) {
      Object x = a.eval(env, budget);
      budget.step();
      return PrimitiveFunction.thrown(primitive.f.apply(x, budget));
    }
  }

  /** A primitive of two arguments applied to both. */
  static final class Call2 extends Node {
    private final PrimitiveFunction.Two primitive;
    private final Node a;
    private final Node b;

    Call2(PrimitiveFunction.Two primitive, Node a, Node b) {
      this.primitive = primitive;
      this.a = a;
      this.b = b;
    }

    @Override
    Object eval(Env env, Budget budget) {
      Object x = a.eval(env, budget);
      Object y = b.eval(env, budget);
      budget.step();
      return PrimitiveFunction.thrown(primitive.f.apply(x, y, budget));
    }
  }

  /** A primitive of three arguments applied to all three. */
  static final class Call3 extends Node {
    private final PrimitiveFunction.Three primitive;
    private final Node a;
    private final Node b;
    private final Node c;

    Call3(PrimitiveFunction.Three primitive, Node a, Node b, Node c) {
      this.primitive = primitive;
      this.a = a;
      this.b = b;
      this.c = c;
    }

    @Override
    Object eval(Env env, Budget budget) {
      Object x = a.eval(env, budget);
      Object y = b.eval(env, budget);
      Object z = c.eval(env, budget);
      budget.step();
      return PrimitiveFunction.thrown(primitive.f.apply(x, y, z, budget));
    }
  }

  /** A primitive of four arguments applied to all four. */
  static final class Call4 extends Node {
    private final PrimitiveFunction.Four primitive;
    private final Node a;
    private final Node b;
    private final Node c;
    private final Node d;

    Call4(PrimitiveFunction.Four primitive, Node a, Node b, Node c, Node d) {
      this.primitive = primitive;
      this.a = a;
      this.b = b;
      this.c = c;
      this.d = d;
    }

    @Override
    Object eval(Env env, Budget budget) {
      Object w = a.eval(env, budget);
      Object x = b.eval(env, budget);
      Object y = c.eval(env, budget);
      Object z = d.eval(env, budget);
      budget.step();
      return PrimitiveFunction.thrown(primitive.f.apply(w, x, y, z, budget));
    }
  }
}

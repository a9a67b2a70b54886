package reverie.engine.enumerate;

import reverie.dsl.eval.Curried;
import reverie.dsl.eval.PrimitiveTable;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;

/**
 * Makes {@link Code} for the enumerator: one node per finished subtree, heads precompiled per
 * production.
 */
final class CodeBuilder {
  private final PrimitiveTable table;
  private final Code[] productions;
  private final Code[] variables = new Code[32];

  CodeBuilder(CompiledGrammar grammar, PrimitiveTable table) {
    this.table = table;
    // Variables first: the bodies of inventions compiled below refer to them.
    variables[0] = Code.Innermost.INSTANCE;
    for (int i = 1; i < variables.length; i++) {
      variables[i] = new Code.Variable(i);
    }
    productions = new Code[grammar.programs.length];
    for (int i = 0; i < productions.length; i++) {
      productions[i] = compile(grammar.programs[i]);
    }
  }

  /**
   * The code of a candidate's head: a production index, or {@code -(j + 1)} for the variable {@code
   * $j}.
   */
  Code head(int head) {
    if (head >= 0) {
      return productions[head];
    }
    int j = -head - 1;
    return j < variables.length ? variables[j] : new Code.Variable(j);
  }

  Code lambda(Code body) {
    return new Code.Lambda(body);
  }

  /** The code of {@code head} applied to one argument. */
  Code apply(Code head, Code argument) {
    return new Code.Apply(head, argument);
  }

  /** The code of {@code head} applied to two arguments. */
  Code apply(Code head, Code first, Code second) {
    return new Code.Apply2(head, first, second);
  }

  /**
   * The code of {@code head} applied to all of {@code arguments}, which it keeps (no caller changes
   * an argument array once built).
   */
  Code apply(Code head, Code[] arguments) {
    if (arguments.length == 1) {
      return new Code.Apply(head, arguments[0]);
    }
    if (arguments.length == 2) {
      return new Code.Apply2(head, arguments[0], arguments[1]);
    }
    if (!(head instanceof Code.Constant c && c.value == Curried.IF)) {
      return new Code.ApplyAll(head, arguments);
    }
    // A fully applied if is lazy in its branches; one that returns a function takes the rest one or
    // two at a time.
    Code code = new Code.If(arguments[0], arguments[1], arguments[2]);
    int used = 3;
    while (used < arguments.length) {
      if (used + 2 <= arguments.length) {
        code = new Code.Apply2(code, arguments[used], arguments[used + 1]);
        used += 2;
      } else {
        code = new Code.Apply(code, arguments[used]);
        used++;
      }
    }
    return code;
  }

  /** Compiles a whole program (used for the bodies of inventions). */
  Code compile(Program p) {
    if (p instanceof Index i) {
      return head(-i.index() - 1);
    }
    if (p instanceof Abstraction a) {
      return lambda(compile(a.body()));
    }
    if (p instanceof Primitive prim) {
      return new Code.Constant(table.valueOf(prim));
    }
    if (p instanceof Invented inv) {
      return compile(inv.body());
    }
    if (p instanceof Application) {
      java.util.List<Program> args = p.applicationArguments();
      Code[] codes = new Code[args.size()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = compile(args.get(i));
      }
      return apply(compile(p.applicationHead()), codes);
    }
    throw new AssertionError(p);
  }
}

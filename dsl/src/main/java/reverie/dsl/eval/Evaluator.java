package reverie.dsl.eval;

import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;

/**
 * Compiles programs into trees of {@link Node}s over a domain's primitive implementations, once per
 * program; the result runs on many examples, in several threads at once.
 *
 * <p>Applications whose head is a primitive given all its arguments become direct calls, and {@code
 * (if c a b)} evaluates one branch only; everything else is curried application of {@link
 * FunctionValue}s. Inventions compile to their body, once per {@link #compile} call. Primitives
 * take their values from a {@link PrimitiveTable}, which the enumerator's fast path shares.
 */
public final class Evaluator {
  /** Shared nodes for the variables $0..$15, which are immutable like every node. */
  private static final Node[] VARIABLES = new Node[16];

  static {
    VARIABLES[0] = new Node.Innermost();
    for (int i = 1; i < VARIABLES.length; i++) {
      VARIABLES[i] = new Node.Variable(i);
    }
  }

  private final PrimitiveTable table;

  /** One shared node per primitive, so that compiling allocates only the program's shape. */
  private final ImmutableMap<String, Node> constants;

  /** An evaluator for the primitives of {@code table}. */
  public Evaluator(PrimitiveTable table) {
    this.table = table;
    ImmutableMap.Builder<String, Node> nodes = ImmutableMap.builder();
    table.entries().forEach((name, value) -> nodes.put(name, new Node.Constant(value)));
    this.constants = nodes.buildOrThrow();
  }

  /**
   * An evaluator for primitives implemented by {@code implementations} (see {@link
   * PrimitiveTable}).
   */
  public Evaluator(Map<String, Object> implementations) {
    this(PrimitiveTable.of(implementations));
  }

  /**
   * Compiles {@code program}; throws {@link reverie.dsl.InputException} for a primitive without
   * implementation.
   */
  public CompiledProgram compile(Program program) {
    return new CompiledProgram(new Compilation().compile(program));
  }

  /** The state of one compilation: the inventions compiled so far. */
  private final class Compilation {
    private final Map<Invented, Node> inventions = new HashMap<>();

    Node compile(Program p) {
      if (p instanceof Index index) {
        int i = index.index();
        return i < VARIABLES.length ? VARIABLES[i] : new Node.Variable(i);
      }
      if (p instanceof Abstraction lambda) {
        return new Node.Lambda(compile(lambda.body()));
      }
      if (p instanceof Primitive primitive) {
        Node constant = constants.get(primitive.name());
        return constant != null ? constant : new Node.Constant(implementation(primitive));
      }
      if (p instanceof Invented invented) {
        Node body = inventions.get(invented);
        if (body == null) {
          body = compile(invented.body());
          inventions.put(invented, body);
        }
        return body;
      }
      if (p instanceof Application) {
        return application(p.applicationHead(), p.applicationArguments());
      }
      throw new AssertionError(p);
    }

    private Node application(Program head, List<Program> arguments) {
      int used = 0;
      Node node = null;
      if (head instanceof Primitive primitive) {
        Object f = implementation(primitive);
        if (f == Curried.IF && arguments.size() >= 3) {
          node =
              new Node.If(
                  compile(arguments.get(0)), compile(arguments.get(1)), compile(arguments.get(2)));
          used = 3;
        } else if (f instanceof PrimitiveFunction pf && arguments.size() >= pf.arity()) {
          node = call(pf, arguments);
          used = pf.arity();
        }
      }
      if (node == null) {
        node = compile(head);
      }
      while (used < arguments.size()) {
        if (used + 2 <= arguments.size()) {
          node =
              new Node.Apply2(node, compile(arguments.get(used)), compile(arguments.get(used + 1)));
          used += 2;
        } else {
          node = new Node.Apply(node, compile(arguments.get(used)));
          used++;
        }
      }
      return node;
    }

    private Node call(PrimitiveFunction f, List<Program> arguments) {
      if (f instanceof PrimitiveFunction.One one) {
        return new Node.Call1(one, compile(arguments.get(0)));
      }
      if (f instanceof PrimitiveFunction.Two two) {
        return new Node.Call2(two, compile(arguments.get(0)), compile(arguments.get(1)));
      }
      if (f instanceof PrimitiveFunction.Three three) {
        return new Node.Call3(
            three, compile(arguments.get(0)), compile(arguments.get(1)), compile(arguments.get(2)));
      }
      PrimitiveFunction.Four four = (PrimitiveFunction.Four) f;
      return new Node.Call4(
          four,
          compile(arguments.get(0)),
          compile(arguments.get(1)),
          compile(arguments.get(2)),
          compile(arguments.get(3)));
    }

    private Object implementation(Primitive primitive) {
      return table.valueOf(primitive);
    }
  }
}

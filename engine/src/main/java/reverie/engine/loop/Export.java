package reverie.engine.loop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collection;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;

/** A checkpoint's frontiers in the formats other tools read: DreamCoder's compressor input and Stitch's program list. */
public final class Export {
  /** Beta-reduction steps allowed when inlining inventions for Stitch; bodies are small, so this is generous. */
  private static final int MAX_STEPS = 10_000;

  private Export() {}

  /** DreamCoder's compressor input (the checkpoint's library as {@code DSL}), as JSON text. */
  public static String dreamcoder(Grammar grammar, Collection<TaskFrontier> frontiers) {
    return Json.pretty(FrontierJson.toJson(grammar, frontiers));
  }

  /**
   * Stitch's programs-list JSON: every frontier program, its inventions inlined and beta-reduced so that
   * only primitives remain, printed with {@code lam}.
   */
  public static String stitch(Collection<TaskFrontier> frontiers) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (TaskFrontier f : frontiers) {
      for (Solution s : f.solutions()) {
        Program p = s.program().inlineInventions();
        p = p.betaNormalForm(MAX_STEPS).orElse(p);
        list.add(stitchText(p));
      }
    }
    return Json.pretty(list);
  }

  /** Stitch's syntax: DreamCoder's with {@code lam} for lambda. */
  static String stitchText(Program p) {
    StringBuilder b = new StringBuilder();
    print(p, b);
    return b.toString();
  }

  private static void print(Program p, StringBuilder b) {
    if (p instanceof Index i) {
      b.append('$').append(i.index());
    } else if (p instanceof Primitive prim) {
      b.append(prim.name());
    } else if (p instanceof Abstraction a) {
      b.append("(lam ");
      print(a.body(), b);
      b.append(')');
    } else if (p instanceof Application) {
      b.append('(');
      print(p.applicationHead(), b);
      for (Program arg : p.applicationArguments()) {
        b.append(' ');
        print(arg, b);
      }
      b.append(')');
    } else if (p instanceof Invented inv) {
      print(inv.body(), b);
    } else {
      throw new AssertionError(p);
    }
  }
}

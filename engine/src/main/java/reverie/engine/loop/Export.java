package reverie.engine.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.engine.enumerate.FrontierJson;

/**
 * A checkpoint's frontiers in the formats other tools read: DreamCoder's compressor input and
 * Stitch's program list.
 */
public final class Export {
  /**
   * Beta-reduction steps allowed when inlining inventions for Stitch; bodies are small, so this is
   * generous.
   */
  private static final int MAX_STEPS = 10_000;

  private Export() {}

  /**
   * DreamCoder's compressor input (the checkpoint's library as {@code DSL}), as JSON text; tasks
   * without a program are left out. This is also the text of a checkpoint's frontier files.
   */
  public static String dreamcoder(Grammar grammar, Collection<Frontier> frontiers) {
    return Json.pretty(FrontierJson.toJson(grammar, solved(frontiers)));
  }

  /**
   * DreamCoder's compressor input for a checkpoint's stored frontier file, whose frontiers were
   * read as {@code frontiers}: the file's {@code DSL} is kept as stored, since it has the
   * production types that an untyped reading lacks, and the frontiers are written anew, so that an
   * older checkpoint's type-string requests come out as the type objects DreamCoder reads.
   */
  public static String dreamcoder(Path storedFrontiers, Collection<Frontier> frontiers) {
    JsonNode dsl = Json.required(Json.read(storedFrontiers), "DSL", storedFrontiers.toString());
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("DSL", dsl);
    root.set("frontiers", FrontierJson.frontiersToJson(solved(frontiers)));
    return Json.pretty(root);
  }

  private static List<Frontier> solved(Collection<Frontier> frontiers) {
    return frontiers.stream().filter(f -> !f.isEmpty()).toList();
  }

  /**
   * Stitch's programs-list JSON: every frontier program, its inventions inlined and beta-reduced so
   * that only primitives remain, printed with {@code lam}.
   */
  public static String stitch(Collection<Frontier> frontiers) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (Frontier f : frontiers) {
      for (FrontierEntry s : f.entries()) {
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

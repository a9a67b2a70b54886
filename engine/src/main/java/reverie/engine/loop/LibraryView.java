package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;

/**
 * A readable view of a library: its inventions in order with short names ({@code f0}, {@code f1},
 * ...), bodies printed with earlier inventions by name, each invention's depth (inventions built
 * from inventions) and its uses in a set of frontiers.
 */
public final class LibraryView {
  private final ImmutableList<Invented> inventions;
  private final ImmutableMap<Invented, String> names;
  private final Map<Invented, Integer> depths = new HashMap<>();

  public LibraryView(Grammar grammar) {
    ImmutableList.Builder<Invented> b = ImmutableList.builder();
    ImmutableMap.Builder<Invented, String> n = ImmutableMap.builder();
    int i = 0;
    for (Production p : grammar.productions()) {
      if (p.program() instanceof Invented inv) {
        b.add(inv);
        n.put(inv, "f" + i++);
      }
    }
    inventions = b.build();
    names = n.buildKeepingLast();
  }

  /** The inventions in library order. */
  public ImmutableList<Invented> inventions() {
    return inventions;
  }

  /**
   * The short name of an invention of this library ({@code f0}, ...), or its DreamCoder form
   * otherwise.
   */
  public String name(Invented invention) {
    String name = names.get(invention);
    return name != null ? name : invention.toString();
  }

  /** 1 + the deepest invention in the body; 1 for an invention made of primitives only. */
  public int depth(Invented invention) {
    Integer known = depths.get(invention);
    if (known != null) {
      return known;
    }
    int deepest = 0;
    for (Invented used : directInventions(invention.body())) {
      deepest = Math.max(deepest, depth(used));
    }
    depths.put(invention, deepest + 1);
    return deepest + 1;
  }

  /** The depth of the deepest invention; 0 for a library of primitives only. */
  public int depth() {
    int d = 0;
    for (Invented i : inventions) {
      d = Math.max(d, depth(i));
    }
    return d;
  }

  /**
   * The inventions a program mentions outside of invention bodies, in order of first appearance.
   */
  public static Set<Invented> directInventions(Program p) {
    Set<Invented> found = new LinkedHashSet<>();
    collect(p, found);
    return found;
  }

  private static void collect(Program p, Set<Invented> into) {
    if (p instanceof Invented i) {
      into.add(i);
    } else if (p instanceof Application a) {
      collect(a.function(), into);
      collect(a.argument(), into);
    } else if (p instanceof Abstraction a) {
      collect(a.body(), into);
    }
  }

  /** DreamCoder's printed form, with this library's inventions by name. */
  public String readable(Program p) {
    StringBuilder b = new StringBuilder();
    print(p, b);
    return b.toString();
  }

  private void print(Program p, StringBuilder b) {
    if (p instanceof Index i) {
      b.append('$').append(i.index());
    } else if (p instanceof Primitive prim) {
      b.append(prim.name());
    } else if (p instanceof Invented inv) {
      String name = names.get(inv);
      if (name != null) {
        b.append(name);
      } else {
        b.append('#');
        print(inv.body(), b);
      }
    } else if (p instanceof Abstraction a) {
      b.append("(lambda ");
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
    } else {
      throw new AssertionError(p);
    }
  }

  /**
   * For each invention, the tasks whose frontier has a program using it directly, and the count of
   * such programs.
   */
  public ImmutableMap<Invented, Usage> usage(Iterable<Frontier> frontiers) {
    Map<Invented, List<String>> tasks = new HashMap<>();
    Map<Invented, Integer> programs = new HashMap<>();
    for (Invented i : inventions) {
      tasks.put(i, new ArrayList<>());
      programs.put(i, 0);
    }
    for (Frontier f : frontiers) {
      Set<Invented> inTask = new LinkedHashSet<>();
      for (FrontierEntry s : f.entries()) {
        for (Invented i : directInventions(s.program())) {
          if (programs.containsKey(i)) {
            programs.merge(i, 1, Integer::sum);
            inTask.add(i);
          }
        }
      }
      inTask.forEach(i -> tasks.get(i).add(f.task()));
    }
    ImmutableMap.Builder<Invented, Usage> b = ImmutableMap.builder();
    for (Invented i : inventions) {
      b.put(i, new Usage(ImmutableList.copyOf(tasks.get(i)), programs.get(i)));
    }
    return b.buildKeepingLast();
  }

  /**
   * How an invention is used: the tasks (in frontier order) and the number of frontier programs.
   */
  public record Usage(ImmutableList<String> tasks, int programCount) {}
}

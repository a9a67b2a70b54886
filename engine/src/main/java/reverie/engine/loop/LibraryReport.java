package reverie.engine.loop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;

/**
 * What {@code reverie library} shows about one checkpoint's library: every invention (readable
 * body, type, arity, log-weight, uses in the frontiers, tasks using it, an example application),
 * the primitives with their weights and the library's depth; rendered as text, JSON or a Graphviz
 * graph of invention dependencies.
 */
public record LibraryReport(
    int iteration,
    int depth,
    ImmutableList<InventionInfo> inventions,
    ImmutableList<PrimitiveInfo> primitives,
    double logVariable) {

  /** How many task names are listed per invention. */
  static final int TASKS_SHOWN = 3;

  /** One invention of the library. */
  public record InventionInfo(
      String name,
      String readable,
      String dreamcoder,
      String type,
      int arity,
      double logWeight,
      int depth,
      int uses,
      int taskCount,
      ImmutableList<String> tasks,
      ImmutableList<String> dependsOn,
      Optional<String> example,
      ImmutableList<String> agreesWith,
      Optional<String> prunedShape) {}

  /** One primitive with its log-weight. */
  public record PrimitiveInfo(String name, String type, double logWeight) {}

  /**
   * Evaluates an example use of an invention: given a task that uses it and the application found
   * in that task's program, returns a line such as {@code (f0 $0) on [1, 2] = [2, 3]}, or empty
   * when it cannot.
   */
  @FunctionalInterface
  public interface ExampleRunner {
    Optional<String> run(String task, Program application, int lambdas, LibraryView view);
  }

  /** What makes an invention redundant, as the run's domain and tasks tell. */
  public interface Redundancy {
    /**
     * Compares two inventions on the inputs it tries: a description such as {@code "on every input
     * tried"} when they agree on every one, else empty.
     */
    Optional<String> agreement(Invented a, Type aType, Invented b, Type bType);

    /**
     * A shape the domain's symmetry rules prune in the invention's body, or a body too trivial to
     * name a function (an argument permutation, a parameter applied to constants), if any.
     */
    Optional<String> prunedShape(Invented invention);

    /** Finds nothing. */
    Redundancy NONE =
        new Redundancy() {
          @Override
          public Optional<String> agreement(Invented a, Type aType, Invented b, Type bType) {
            return Optional.empty();
          }

          @Override
          public Optional<String> prunedShape(Invented invention) {
            return Optional.empty();
          }
        };
  }

  /**
   * The report of {@code checkpoint}'s library; {@code runner} evaluates the example applications.
   */
  public static LibraryReport of(Checkpoint<?> checkpoint, ExampleRunner runner) {
    return of(checkpoint, runner, Redundancy.NONE);
  }

  /**
   * The report of {@code checkpoint}'s library; {@code runner} evaluates the example applications,
   * and {@code redundancy} marks every two inventions that agree and every pruned shape.
   */
  public static LibraryReport of(
      Checkpoint<?> checkpoint, ExampleRunner runner, Redundancy redundancy) {
    Grammar grammar = checkpoint.grammar();
    LibraryView view = new LibraryView(grammar);
    Map<Invented, LibraryView.Usage> usage = view.usage(checkpoint.frontiers().values());
    Map<Invented, List<String>> agreements = agreements(grammar, view, redundancy);
    ImmutableList.Builder<InventionInfo> inventions = ImmutableList.builder();
    ImmutableList.Builder<PrimitiveInfo> primitives = ImmutableList.builder();
    for (Production p : grammar.productions()) {
      if (p.program() instanceof Primitive prim) {
        primitives.add(new PrimitiveInfo(prim.name(), p.type().toString(), p.logWeight()));
        continue;
      }
      Invented inv = (Invented) p.program();
      LibraryView.Usage u = usage.get(inv);
      List<String> deps = new ArrayList<>();
      for (Invented d : LibraryView.directInventions(inv.body())) {
        deps.add(view.name(d));
      }
      Optional<String> example = Optional.empty();
      for (String task : u.tasks()) {
        example = exampleFor(inv, checkpoint.frontiers().get(task), runner, view);
        if (example.isPresent()) {
          break;
        }
      }
      inventions.add(
          new InventionInfo(
              view.name(inv),
              view.readable(inv.body()),
              inv.toString(),
              p.type().toString(),
              p.type().functionArguments().size(),
              p.logWeight(),
              view.depth(inv),
              u.programCount(),
              u.tasks().size(),
              ImmutableList.copyOf(u.tasks().subList(0, Math.min(TASKS_SHOWN, u.tasks().size()))),
              ImmutableList.copyOf(deps),
              example,
              ImmutableList.copyOf(agreements.getOrDefault(inv, List.of())),
              redundancy.prunedShape(inv)));
    }
    return new LibraryReport(
        checkpoint.iteration(),
        view.depth(),
        inventions.build(),
        primitives.build(),
        grammar.logVariable());
  }

  /** For each invention, "fN (on ...)" for every other invention it agrees with. */
  private static Map<Invented, List<String>> agreements(
      Grammar grammar, LibraryView view, Redundancy redundancy) {
    List<Production> inventions = new ArrayList<>();
    for (Production p : grammar.productions()) {
      if (p.program() instanceof Invented) {
        inventions.add(p);
      }
    }
    Map<Invented, List<String>> out = new java.util.HashMap<>();
    for (int i = 0; i < inventions.size(); i++) {
      for (int j = i + 1; j < inventions.size(); j++) {
        Production a = inventions.get(i);
        Production b = inventions.get(j);
        Invented ia = (Invented) a.program();
        Invented ib = (Invented) b.program();
        Optional<String> same = redundancy.agreement(ia, a.type(), ib, b.type());
        if (same.isPresent()) {
          out.computeIfAbsent(ia, k -> new ArrayList<>())
              .add(view.name(ib) + " (" + same.get() + ")");
          out.computeIfAbsent(ib, k -> new ArrayList<>())
              .add(view.name(ia) + " (" + same.get() + ")");
        }
      }
    }
    return out;
  }

  /**
   * Tries the applications of {@code inv} in the task's programs, outermost first, until one
   * evaluates.
   */
  private static Optional<String> exampleFor(
      Invented inv, Frontier frontier, ExampleRunner runner, LibraryView view) {
    if (frontier == null) {
      return Optional.empty();
    }
    for (FrontierEntry s : frontier.entries()) {
      for (Occurrence o : occurrences(s.program(), inv)) {
        Optional<String> line = runner.run(frontier.task(), o.application(), o.lambdas(), view);
        if (line.isPresent()) {
          return line;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * An application headed by an invention, under {@code lambdas} enclosing lambdas of its program.
   */
  public record Occurrence(Program application, int lambdas) {}

  /** The maximal applications headed by {@code inv} in {@code program}, outermost first. */
  public static List<Occurrence> occurrences(Program program, Invented inv) {
    List<Occurrence> found = new ArrayList<>();
    applications(program, inv, 0, found);
    return found;
  }

  /** Collects the maximal applications headed by {@code inv}, outermost first. */
  private static void applications(Program p, Invented inv, int lambdas, List<Occurrence> into) {
    if (p instanceof Abstraction a) {
      applications(a.body(), inv, lambdas + 1, into);
    } else if (p instanceof Application || p instanceof Invented) {
      Program head = p.applicationHead();
      if (head.equals(inv)) {
        into.add(new Occurrence(p, lambdas));
      } else if (!(head instanceof Invented)) {
        applications(head, inv, lambdas, into);
      }
      for (Program arg : p.applicationArguments()) {
        applications(arg, inv, lambdas, into);
      }
    }
  }

  /** The inventions whose bodies use invention {@code name}, in library order. */
  public List<String> usedIn(String name) {
    List<String> names = new ArrayList<>();
    for (InventionInfo i : inventions) {
      if (i.dependsOn().contains(name)) {
        names.add(i.name());
      }
    }
    return names;
  }

  /** The report as readable text. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Library at iteration %d: %d inventions, depth %d, %d primitives%n",
            iteration,
            inventions.size(),
            depth,
            primitives.size()));
    for (InventionInfo i : inventions) {
      b.append(String.format(Locale.ROOT, "%n%s = %s%n", i.name(), i.readable()));
      b.append(
          String.format(
              Locale.ROOT,
              "    type %s, arity %d, log-weight %.3f, depth %d%n",
              i.type(),
              i.arity(),
              i.logWeight(),
              i.depth()));
      b.append(
          String.format(
              Locale.ROOT,
              "    used by %d frontier programs in %d tasks%s%n",
              i.uses(),
              i.taskCount(),
              i.tasks().isEmpty()
                  ? ""
                  : ": "
                      + String.join(", ", i.tasks())
                      + (i.taskCount() > i.tasks().size() ? ", ..." : "")));
      List<String> inside = usedIn(i.name());
      if (!inside.isEmpty()) {
        // Programs that use a later invention run this one too, which the direct count leaves out.
        b.append(
                inside.size() == 1
                    ? "    and inside the body of "
                    : "    and inside the bodies of ")
            .append(String.join(", ", inside))
            .append('\n');
      }
      i.example().ifPresent(e -> b.append("    e.g. ").append(e).append('\n'));
      for (String other : i.agreesWith()) {
        b.append("    REDUNDANT: agrees with ").append(other).append('\n');
      }
      i.prunedShape().ifPresent(p -> b.append("    REDUNDANT: ").append(p).append('\n'));
    }
    b.append(
        String.format(Locale.ROOT, "%nPrimitives (log-weight; variables %.3f):%n", logVariable));
    for (PrimitiveInfo p : primitives) {
      b.append(
          String.format(Locale.ROOT, "  %-12s %8.3f  %s%n", p.name(), p.logWeight(), p.type()));
    }
    return b.toString();
  }

  /** The report as one JSON document with snake_case keys. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("iteration", iteration);
    o.put("library_size", inventions.size());
    o.put("library_depth", depth);
    o.put("log_variable", logVariable);
    ArrayNode inv = o.putArray("inventions");
    for (InventionInfo i : inventions) {
      ObjectNode n = inv.addObject();
      n.put("name", i.name());
      n.put("body", i.readable());
      n.put("dreamcoder", i.dreamcoder());
      n.put("type", i.type());
      n.put("arity", i.arity());
      n.put("log_weight", i.logWeight());
      n.put("depth", i.depth());
      n.put("uses", i.uses());
      n.put("task_count", i.taskCount());
      i.tasks().forEach(n.putArray("tasks")::add);
      i.dependsOn().forEach(n.putArray("depends_on")::add);
      usedIn(i.name()).forEach(n.putArray("used_in")::add);
      i.example().ifPresentOrElse(e -> n.put("example", e), () -> n.putNull("example"));
      i.agreesWith().forEach(n.putArray("agrees_with")::add);
      i.prunedShape()
          .ifPresentOrElse(p -> n.put("pruned_shape", p), () -> n.putNull("pruned_shape"));
    }
    ArrayNode prims = o.putArray("primitives");
    for (PrimitiveInfo p : primitives) {
      prims
          .addObject()
          .put("name", p.name())
          .put("type", p.type())
          .put("log_weight", p.logWeight());
    }
    return o;
  }

  /**
   * The dependency graph of the inventions (an edge from each invention to those its body uses) for
   * Graphviz.
   */
  public String toDot() {
    StringBuilder b =
        new StringBuilder(
            "digraph library {\n  rankdir=BT;\n  node [shape=box, fontname=\"monospace\"];\n");
    for (InventionInfo i : inventions) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %s [label=\"%s\\n%s\\nuses %d\"];%n",
              i.name(),
              i.name(),
              escape(i.readable()),
              i.uses()));
    }
    for (InventionInfo i : inventions) {
      for (String d : new TreeSet<>(i.dependsOn())) {
        b.append("  ").append(i.name()).append(" -> ").append(d).append(";\n");
      }
    }
    return b.append("}\n").toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** The inventions by name. */
  public ImmutableMap<String, InventionInfo> byName() {
    ImmutableMap.Builder<String, InventionInfo> b = ImmutableMap.builder();
    inventions.forEach(i -> b.put(i.name(), i));
    return b.buildOrThrow();
  }
}

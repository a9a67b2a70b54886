package reverie.engine.enumerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.tasks.SymmetryRule;
import reverie.tasks.SymmetryRules;

/**
 * A domain's {@link SymmetryRules} compiled against a grammar's productions, as the two checks the
 * enumerator makes.
 *
 * <p><b>Refused heads</b>, checked when a hole's candidates are tried: a rule whose pattern is a
 * primitive {@code h} applied to pattern variables except at argument {@code k}, which is {@code m}
 * lambdas around a head {@code c} applied to pattern variables, all distinct and without conditions
 * ({@code (car (cons ?a ?b))}, {@code (map (lambda $0) ?l)}), applies exactly when {@code c} is
 * chosen for argument {@code k} of {@code h} under {@code m} lambdas. A table lookup per hole and
 * an array read per candidate decide it before anything below is searched.
 *
 * <p><b>Rules decided on completion</b>: every other rule is decided when the last place it needs
 * (a variable used twice or named by a condition, or the last fixed part) is complete: that is the
 * completion of argument {@code k} of some application node {@code D} of the pattern. Then the
 * pattern is matched ({@link Matcher}) against the frames around {@code D}'s, where the arguments
 * not yet searched may only meet variables that decide nothing. This matcher is the enumerator's
 * own, allocation-free; the tests check it against the rules' ({@link SymmetryRule#match}).
 */
final class CompiledSymmetries {
  /** The most lambdas between a parent and a refused head that the table covers. */
  static final int MAX_LAMBDAS = 3;

  static final CompiledSymmetries NONE = new CompiledSymmetries();

  /** The heads refused for one (parent production, argument, lambdas) key. */
  static final class Refusal {
    // The number of the rule that refuses each production, plus one; 0 where none does.
    final int[] productions;
    int[] variables = new int[0];

    /** Distinct per refusal of one compiled rule set: part of the memo key of cost bounds. */
    final int id;

    Refusal(int productionCount, int id) {
      productions = new int[productionCount];
      this.id = id;
    }

    /** Whether a candidate with this head (a production, or {@code -(j + 1)} for {@code $j}). */
    boolean refuses(int head) {
      return rule(head) >= 0;
    }

    /** The number of the rule that refuses this head ({@link #refuses}), or -1. */
    int rule(int head) {
      if (head >= 0) {
        return productions[head] - 1;
      }
      int j = -head - 1;
      return j < variables.length ? variables[j] - 1 : -1;
    }
  }

  /**
   * A rule decided when an argument completes, matched {@code ascend} application frames up: its
   * pattern compiled to {@link Node}s, its variables numbered, its conditions as codes.
   */
  static final class Deferred {
    final SymmetryRule rule;
    // The rule's place in the rule set.
    final int number;
    final int ascend;
    // heads[level]: the production at the head of the pattern's spine {@code level} application
    // frames below its root, on the way to the deciding argument; a frame with another head cannot
    // match, which the climb checks before anything else.
    final int[] heads;
    // arguments[level]: which argument of the frame {@code level} levels below the root the path
    // to the deciding argument takes.
    final int[] arguments;
    final Node pattern;
    final int variables;
    // conditions[i] = {kind, variable, other variable}
    final int[][] conditions;

    /**
     * The head the completed argument must have for the rule to apply (a production, {@code -(j +
     * 1)} for {@code $j}, or {@link Candidate#LAMBDA}), or {@link #ANY_HEAD} where the pattern has
     * a variable there. Most completions fail this one comparison, so the matcher is not called.
     */
    final int valueHead;

    Deferred(
        SymmetryRule rule, int number, int[] heads, int[] arguments, Map<Program, Integer> index) {
      this.rule = rule;
      this.number = number;
      this.ascend = heads.length - 1;
      this.heads = heads;
      this.arguments = arguments;
      Map<String, Integer> slots = new HashMap<>();
      List<String> deciding = rule.decidingVariables();
      this.pattern = Node.of(rule.pattern(), slots, deciding);
      this.variables = slots.size();
      this.valueHead = headAt(pattern, arguments, index);
      this.conditions = new int[rule.conditions().size()][];
      for (int i = 0; i < conditions.length; i++) {
        SymmetryRule.Condition c = rule.conditions().get(i);
        if (c instanceof SymmetryRule.Less l) {
          conditions[i] = new int[] {LESS, slots.get(l.smaller()), slots.get(l.larger())};
        } else if (c instanceof SymmetryRule.Closed k) {
          conditions[i] = new int[] {CLOSED, slots.get(k.variable()), 0};
        } else {
          conditions[i] = new int[] {ONCE, slots.get(((SymmetryRule.Once) c).variable()), 0};
        }
      }
    }
  }

  /** A {@link Deferred#valueHead} that any completed argument may have. */
  static final int ANY_HEAD = Integer.MAX_VALUE;

  /**
   * The head a term must have to match the pattern node reached from {@code pattern} through
   * argument {@code arguments[level]} at each level (and the lambdas between levels).
   */
  private static int headAt(Node pattern, int[] arguments, Map<Program, Integer> index) {
    Node n = pattern;
    for (int level = 0; level < arguments.length; level++) {
      if (n.kind != Node.SPINE) {
        return ANY_HEAD;
      }
      n = n.arguments[arguments[level]];
      if (level < arguments.length - 1) {
        while (n.kind == Node.LAMBDA) {
          n = n.body;
        }
      }
    }
    switch (n.kind) {
      case Node.LAMBDA:
        return Candidate.LAMBDA;
      case Node.LEAF:
      case Node.SPINE:
        Program head = n.leaf;
        if (head instanceof Index i) {
          return -(i.index() + 1);
        }
        Integer production = index.get(head);
        return production == null ? ANY_HEAD : production;
      default:
        return ANY_HEAD;
    }
  }

  private static final int LESS = 0;
  private static final int CLOSED = 1;
  private static final int ONCE = 2;

  /** A pattern node: a variable, a leaf (primitive or index), a lambda, or a primitive's spine. */
  static final class Node {
    static final int VARIABLE = 0;
    static final int LEAF = 1;
    static final int LAMBDA = 2;
    static final int SPINE = 3;

    final int kind;
    final int slot;
    final boolean deciding;
    final Program leaf;
    final Node[] arguments;
    final Node body;

    private Node(int kind, int slot, boolean deciding, Program leaf, Node[] arguments, Node body) {
      this.kind = kind;
      this.slot = slot;
      this.deciding = deciding;
      this.leaf = leaf;
      this.arguments = arguments;
      this.body = body;
    }

    static Node of(Program p, Map<String, Integer> slots, List<String> deciding) {
      if (SymmetryRule.isVariable(p)) {
        String name = ((Primitive) p).name();
        int slot = slots.computeIfAbsent(name, k -> slots.size());
        return new Node(VARIABLE, slot, deciding.contains(name), null, null, null);
      }
      if (p instanceof Abstraction l) {
        return new Node(LAMBDA, -1, false, null, null, of(l.body(), slots, deciding));
      }
      if (p instanceof Application) {
        List<Program> args = p.applicationArguments();
        Node[] nodes = new Node[args.size()];
        for (int i = 0; i < nodes.length; i++) {
          nodes[i] = of(args.get(i), slots, deciding);
        }
        return new Node(SPINE, -1, false, p.applicationHead(), nodes, null);
      }
      return new Node(LEAF, -1, false, p, null, null);
    }
  }

  // early[h][k][m]; null where nothing is refused.
  private final Refusal[][][] early;
  // deferred[h][k]; null where no rule is decided.
  private final Deferred[][][] deferred;
  // byHead[h][k][slot(v)]: the rules of deferred[h][k] that a completed argument with head v can
  // match, in the same order; null where none can.
  private final Deferred[][][][] byHead;
  // reachedFromBelow[h][k]: whether a rule decided inside argument k of an application of h (not
  // by that argument's completion itself) climbs to that application; null rows where none does.
  private final boolean[][] reachedFromBelow;
  private final int productions;
  private final boolean any;
  // The rules' texts by number (their order in the domain's rule set).
  private final String[] texts;
  private int refusals;

  private CompiledSymmetries() {
    early = new Refusal[0][][];
    deferred = new Deferred[0][][];
    byHead = new Deferred[0][][][];
    productions = 0;
    any = false;
    texts = new String[0];
    reachedFromBelow = new boolean[0][];
  }

  private CompiledSymmetries(CompiledGrammar grammar, SymmetryRules rules) {
    int n = grammar.programs.length;
    Map<Program, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(grammar.programs[i], i);
    }
    early = new Refusal[n][][];
    deferred = new Deferred[n][][];
    reachedFromBelow = new boolean[n][];
    boolean found = false;
    for (int number = 0; number < rules.rules().size(); number++) {
      SymmetryRule rule = rules.rules().get(number);
      if (!allIn(rule.pattern(), index)) {
        continue; // the grammar cannot build this shape
      }
      int root = index.get(rule.pattern().applicationHead());
      int arity = CompiledGrammar.arity(grammar.schemes[root]);
      if (rule.pattern().applicationArguments().size() > arity) {
        continue; // the enumerator never applies the head to more arguments than its type takes
      }
      found = true;
      if (!addRefusal(grammar, index, root, arity, rule, number)) {
        addDeferred(index, rule, number, grammar);
      }
    }
    any = found;
    texts = rules.rules().stream().map(SymmetryRule::text).toArray(String[]::new);
    productions = n;
    byHead = new Deferred[n][][][];
    for (int h = 0; h < n; h++) {
      if (deferred[h] == null) {
        continue;
      }
      byHead[h] = new Deferred[deferred[h].length][][];
      for (int k = 0; k < deferred[h].length; k++) {
        if (deferred[h][k] != null) {
          byHead[h][k] = new Deferred[n + 2 + MAX_VARIABLE_HEADS][];
          for (int slot = 0; slot < byHead[h][k].length; slot++) {
            byHead[h][k][slot] = matching(deferred[h][k], slot);
          }
        }
      }
    }
  }

  // Variables $0 .. $(MAX_VARIABLE_HEADS - 1) as heads get a slot each; deeper ones share one.
  private static final int MAX_VARIABLE_HEADS = 8;

  /** The slot of a completed argument's head in {@link #byHead}. */
  private int slot(int head) {
    if (head >= 0) {
      return head;
    }
    if (head == Candidate.LAMBDA) {
      return productions;
    }
    return productions + 1 + Math.min(-head - 1, MAX_VARIABLE_HEADS);
  }

  /** The rules of {@code rules} whose value head fits the heads of {@code slot}; null if none. */
  private Deferred[] matching(Deferred[] rules, int slot) {
    List<Deferred> out = new ArrayList<>();
    for (Deferred d : rules) {
      // Deeper variables share a slot, so its list may hold a rule for another variable: the
      // matcher still decides exactly.
      if (d.valueHead == ANY_HEAD || slot(d.valueHead) == slot) {
        out.add(d);
      }
    }
    return out.isEmpty() ? null : out.toArray(new Deferred[0]);
  }

  private static boolean allIn(Program p, Map<Program, Integer> index) {
    if (p instanceof Application a) {
      return allIn(a.function(), index) && allIn(a.argument(), index);
    }
    if (p instanceof Abstraction l) {
      return allIn(l.body(), index);
    }
    return !(p instanceof Primitive) || SymmetryRule.isVariable(p) || index.containsKey(p);
  }

  static CompiledSymmetries of(CompiledGrammar grammar, SymmetryRules rules) {
    return rules.isEmpty() ? NONE : new CompiledSymmetries(grammar, rules);
  }

  boolean isEmpty() {
    return !any;
  }

  /** How many rules the set has, numbered in its order (those this grammar cannot build too). */
  int ruleCount() {
    return texts.length;
  }

  /** The text of rule {@code number}. */
  String ruleText(int number) {
    return texts[number];
  }

  /**
   * Whether a rule decided somewhere inside argument {@code k} of an application of production
   * {@code h} can need that application (and the frames above it) to match: whether what is refused
   * inside such an argument depends on more than the argument itself.
   */
  boolean reachedFromBelow(int h, int k) {
    boolean[] byArgument = h >= 0 && h < reachedFromBelow.length ? reachedFromBelow[h] : null;
    return byArgument != null && byArgument[k];
  }

  /** The refused heads at argument {@code k} of production {@code h} under {@code m} lambdas. */
  Refusal refusal(int h, int k, int m) {
    if (h < 0 || h >= early.length || m > MAX_LAMBDAS) {
      return null;
    }
    Refusal[][] byArgument = early[h];
    if (byArgument == null || k >= byArgument.length) {
      return null;
    }
    return byArgument[k][m];
  }

  /**
   * The rules decided when argument {@code k} of an application of production {@code h} ends that
   * can match an argument whose head is {@code valueHead} (as in {@link Deferred#valueHead}); null
   * if none. A rule whose pattern fixes another head there is left out; the rest keep their order.
   */
  Deferred[] deferred(int h, int k, int valueHead) {
    if (h < 0 || h >= byHead.length) {
      return null;
    }
    Deferred[][][] byArgument = byHead[h];
    if (byArgument == null || k >= byArgument.length || byArgument[k] == null) {
      return null;
    }
    return byArgument[k][slot(valueHead)];
  }

  /** Adds a rule to the refused heads if it has their form; returns whether it did. */
  private boolean addRefusal(
      CompiledGrammar grammar,
      Map<Program, Integer> index,
      int root,
      int arity,
      SymmetryRule rule,
      int number) {
    if (!rule.conditions().isEmpty() || !rule.decidingVariables().isEmpty()) {
      return false;
    }
    List<Program> arguments = rule.pattern().applicationArguments();
    int fixed = -1;
    for (int a = 0; a < arguments.size(); a++) {
      if (!SymmetryRule.isVariable(arguments.get(a))) {
        if (fixed >= 0) {
          return false;
        }
        fixed = a;
      }
    }
    if (fixed < 0) {
      return false;
    }
    Program inner = arguments.get(fixed);
    int lambdas = 0;
    while (inner instanceof Abstraction l) {
      inner = l.body();
      lambdas++;
    }
    if (lambdas > MAX_LAMBDAS) {
      return false;
    }
    for (Program a : inner.applicationArguments()) {
      if (!SymmetryRule.isVariable(a)) {
        return false;
      }
    }
    Program head = inner.applicationHead();
    int candidate;
    if (head instanceof Index i) {
      if (i.index() >= lambdas) {
        return false;
      }
      candidate = -(i.index() + 1);
    } else if (head instanceof Primitive && !SymmetryRule.isVariable(head)) {
      candidate = index.get(head);
      if (inner.applicationArguments().size()
          != CompiledGrammar.arity(grammar.schemes[candidate])) {
        return false; // the enumerator applies the head to all its arguments
      }
    } else {
      return false;
    }
    if (candidate < 0 && !inner.applicationArguments().isEmpty()) {
      return false;
    }
    if (early[root] == null) {
      early[root] = new Refusal[arity][MAX_LAMBDAS + 1];
    }
    Refusal r = early[root][fixed][lambdas];
    if (r == null) {
      r = new Refusal(grammar.programs.length, ++refusals);
      early[root][fixed][lambdas] = r;
    }
    if (candidate >= 0) {
      if (r.productions[candidate] == 0) {
        r.productions[candidate] = number + 1;
      }
    } else {
      int j = -candidate - 1;
      if (r.variables.length <= j) {
        r.variables = Arrays.copyOf(r.variables, j + 1);
      }
      if (r.variables[j] == 0) {
        r.variables[j] = number + 1;
      }
    }
    return true;
  }

  private void addDeferred(
      Map<Program, Integer> index, SymmetryRule rule, int number, CompiledGrammar g) {
    List<String> deciding = rule.decidingVariables();
    List<int[]> path = new ArrayList<>();
    List<int[]> last = new ArrayList<>();
    visitArguments(rule.pattern(), deciding, path, last, index);
    if (last.isEmpty()) {
      // Only the root's head is fixed and no variable decides: any application of it matches, which
      // is known once its first argument is complete.
      last.add(new int[] {index.get(rule.pattern().applicationHead()), 0});
    }
    int[] decision = last.get(last.size() - 1);
    int h = decision[0];
    int k = decision[1];
    if (deferred[h] == null) {
      deferred[h] = new Deferred[CompiledGrammar.arity(g.schemes[h])][];
    }
    Deferred[] old = deferred[h][k] == null ? new Deferred[0] : deferred[h][k];
    Deferred[] now = Arrays.copyOf(old, old.length + 1);
    int[] heads = new int[last.size()];
    int[] arguments = new int[last.size()];
    for (int level = 0; level < heads.length; level++) {
      heads[level] = last.get(level)[0];
      arguments[level] = last.get(level)[1];
    }
    now[old.length] = new Deferred(rule, number, heads, arguments, index);
    deferred[h][k] = now;
    // Every level above the deciding frame is climbed to from inside one of its arguments.
    for (int level = 0; level < heads.length - 1; level++) {
      int above = heads[level];
      if (reachedFromBelow[above] == null) {
        reachedFromBelow[above] = new boolean[CompiledGrammar.arity(g.schemes[above])];
      }
      reachedFromBelow[above][arguments[level]] = true;
    }
  }

  /**
   * Visits the arguments of a pattern spine in preorder; {@code path} holds (head production,
   * argument) for the spines above the place visited, and {@code last} becomes a copy of it at
   * every place that decides: a fixed node below the root's head, or a deciding variable. Its final
   * value names the argument whose completion decides the rule.
   */
  private static void visitArguments(
      Program spine,
      List<String> deciding,
      List<int[]> path,
      List<int[]> last,
      Map<Program, Integer> index) {
    int h = index.get(spine.applicationHead());
    List<Program> arguments = spine.applicationArguments();
    for (int a = 0; a < arguments.size(); a++) {
      path.add(new int[] {h, a});
      visit(arguments.get(a), deciding, path, last, index);
      path.remove(path.size() - 1);
    }
  }

  private static void visit(
      Program p,
      List<String> deciding,
      List<int[]> path,
      List<int[]> last,
      Map<Program, Integer> index) {
    if (SymmetryRule.isVariable(p)) {
      if (deciding.contains(((Primitive) p).name())) {
        last.clear();
        last.addAll(path);
      }
      return;
    }
    last.clear();
    last.addAll(path);
    if (p instanceof Abstraction l) {
      visit(l.body(), deciding, path, last, index);
    } else if (p instanceof Application) {
      visitArguments(p, deciding, path, last, index);
    }
  }

  /**
   * Matches deferred rules against the partial program around a frame, without building it: one per
   * enumerating thread, since it keeps the bindings and the frames it climbed in scratch arrays.
   */
  static final class Matcher {
    private Program[] bound = new Program[8];
    private Frame[] levels = new Frame[8];
    // lambdas[level]: lambda frames between levels[level] and levels[level + 1].
    private int[] lambdas = new int[8];

    /**
     * Whether {@code d} applies now that {@code value}, argument {@code f.arity - f.remaining} of
     * frame {@code f}, is complete: the pattern's root is {@code d.ascend} application frames up,
     * and the arguments not yet searched may only be variables that decide nothing.
     */
    boolean applies(Deferred d, Frame f, Program value) {
      if (levels.length <= d.ascend) {
        levels = new Frame[d.ascend + 1];
        lambdas = new int[d.ascend + 1];
      }
      levels[d.ascend] = f;
      Frame x = f.parent;
      for (int level = d.ascend - 1; level >= 0; level--) {
        int between = 0;
        while (x != null && x.partial == null) {
          between++;
          x = x.parent;
        }
        if (x == null || x.headId != d.heads[level]) {
          return false;
        }
        levels[level] = x;
        lambdas[level] = between;
        x = x.parent;
      }
      if (bound.length < d.variables) {
        bound = new Program[d.variables];
      }
      java.util.Arrays.fill(bound, 0, d.variables, null);
      return spineAt(d.pattern, 0, d.ascend, value) && conditionsHold(d);
    }

    private boolean conditionsHold(Deferred d) {
      for (int[] c : d.conditions) {
        Program a = bound[c[1]];
        boolean holds =
            switch (c[0]) {
              case LESS -> SymmetryRules.compare(a, bound[c[2]]) < 0;
              case CLOSED -> !SymmetryRules.hasFreeIndex(a, 0);
              default -> usesAtMostOnce(a, 0);
            };
        if (!holds) {
          return false;
        }
      }
      return true;
    }

    /** Matches a spine against the application of frame {@code levels[level]}. */
    private boolean spineAt(Node spine, int level, int last, Program value) {
      Frame x = levels[level];
      if (spine.kind != Node.SPINE || spine.arguments.length != x.arity) {
        return false;
      }
      int current = x.arity - x.remaining;
      Program p = x.partial;
      for (int i = current - 1; i >= 0; i--) {
        Application a = (Application) p;
        if (!program(spine.arguments[i], a.argument())) {
          return false;
        }
        p = a.function();
      }
      if (!spine.leaf.equals(p)) {
        return false;
      }
      Node here = spine.arguments[current];
      if (level == last) {
        if (!program(here, value)) {
          return false;
        }
      } else {
        for (int m = 0; m < lambdas[level] && here.kind != Node.VARIABLE; m++) {
          if (here.kind != Node.LAMBDA) {
            return false;
          }
          here = here.body;
        }
        // A variable here spans the unfinished argument: it must decide nothing.
        if (here.kind == Node.VARIABLE ? here.deciding : !spineAt(here, level + 1, last, value)) {
          return false;
        }
      }
      for (int i = current + 1; i < spine.arguments.length; i++) {
        Node later = spine.arguments[i];
        if (later.kind != Node.VARIABLE || later.deciding) {
          return false; // not searched yet: it cannot decide
        }
      }
      return true;
    }

    /** Matches a node against a complete term, binding variables. */
    private boolean program(Node n, Program p) {
      switch (n.kind) {
        case Node.VARIABLE:
          Program earlier = bound[n.slot];
          if (earlier == null) {
            bound[n.slot] = p;
            return true;
          }
          return earlier.equals(p);
        case Node.LEAF:
          return n.leaf.equals(p);
        case Node.LAMBDA:
          return p instanceof Abstraction l && program(n.body, l.body());
        default:
          for (int i = n.arguments.length - 1; i >= 0; i--) {
            if (!(p instanceof Application a) || !program(n.arguments[i], a.argument())) {
              return false;
            }
            p = a.function();
          }
          return n.leaf.equals(p);
      }
    }
  }

  /** Whether {@code $target} occurs at most once in {@code p}, and not under a lambda of p. */
  static boolean usesAtMostOnce(Program p, int target) {
    return uses(p, target) <= 1;
  }

  private static int uses(Program p, int target) {
    if (p instanceof Index i) {
      return i.index() == target ? 1 : 0;
    }
    if (p instanceof Application a) {
      int n = uses(a.function(), target);
      return n > 1 ? n : n + uses(a.argument(), target);
    }
    if (p instanceof Abstraction l) {
      return mentions(l.body(), target + 1) ? 2 : 0;
    }
    return 0;
  }

  private static boolean mentions(Program p, int target) {
    if (p instanceof Index i) {
      return i.index() == target;
    }
    if (p instanceof Application a) {
      return mentions(a.function(), target) || mentions(a.argument(), target);
    }
    if (p instanceof Abstraction l) {
      return mentions(l.body(), target + 1);
    }
    return false;
  }
}

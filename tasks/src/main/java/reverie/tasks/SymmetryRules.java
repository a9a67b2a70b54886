package reverie.tasks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;

/**
 * A domain's {@link SymmetryRule}s: which programs contain a shape that a no larger program does
 * better ({@link #violation}), and the rewriting of a program by the rules that have a replacement
 * ({@link #normalize}). Also the order on programs that rules such as {@code (+ ?a ?b) -> (+ ?b ?a)
 * if ?b < ?a} use ({@link #compare}).
 */
public record SymmetryRules(ImmutableList<SymmetryRule> rules) {

  /** No rules: nothing is pruned. */
  public static final SymmetryRules NONE = new SymmetryRules(ImmutableList.of());

  /** Rewrites at most this many times per program; the rules terminate well before it. */
  static final int MAX_REWRITES = 10_000;

  public SymmetryRules {
    rules = ImmutableList.copyOf(rules);
  }

  /** The rules written as text, parsed with {@code primitives} ({@link SymmetryRule#parse}). */
  public static SymmetryRules parse(PrimitiveResolver primitives, List<String> texts) {
    ImmutableList.Builder<SymmetryRule> b = ImmutableList.builder();
    for (String t : texts) {
      b.add(SymmetryRule.parse(t, primitives));
    }
    return new SymmetryRules(b.build());
  }

  /** These rules followed by {@code more}. */
  public SymmetryRules plus(SymmetryRules more) {
    return new SymmetryRules(
        ImmutableList.<SymmetryRule>builder().addAll(rules).addAll(more.rules).build());
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Where a rule applies in a program. */
  public record Violation(SymmetryRule rule, Program node) {
    @Override
    public String toString() {
      return node + " (" + rule + ")";
    }
  }

  /**
   * The first place in {@code p} (in preorder, every subterm including partial applications) where
   * a rule applies; empty when none does. Inventions are opaque.
   */
  public Optional<Violation> violation(Program p) {
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    for (SymmetryRule r : rules) {
      if (r.match(p).isPresent()) {
        return Optional.of(new Violation(r, p));
      }
    }
    if (p instanceof Application a) {
      Optional<Violation> v = violation(a.function());
      return v.isPresent() ? v : violation(a.argument());
    }
    if (p instanceof Abstraction l) {
      return violation(l.body());
    }
    return Optional.empty();
  }

  /** Every place in {@code p} where a rule applies, in preorder. */
  public List<Violation> violations(Program p) {
    List<Violation> out = new ArrayList<>();
    collect(p, out);
    return out;
  }

  private void collect(Program p, List<Violation> out) {
    for (SymmetryRule r : rules) {
      if (r.match(p).isPresent()) {
        out.add(new Violation(r, p));
      }
    }
    if (p instanceof Application a) {
      collect(a.function(), out);
      collect(a.argument(), out);
    } else if (p instanceof Abstraction l) {
      collect(l.body(), out);
    }
  }

  /**
   * {@code p} rewritten by the rules with a replacement, innermost first, until none applies (or
   * {@link #MAX_REWRITES} rewrites were made). The result is never larger, and computes the same
   * output as {@code p} wherever {@code p} succeeds; it may still contain a shape that a rule
   * without replacement refuses.
   */
  public Program normalize(Program p) {
    if (rules.isEmpty()) {
      return p;
    }
    int[] budget = {MAX_REWRITES};
    return normalize(p, budget);
  }

  private Program normalize(Program p, int[] budget) {
    Program q = p;
    if (p instanceof Application a) {
      Program f = normalize(a.function(), budget);
      Program x = normalize(a.argument(), budget);
      q = f == a.function() && x == a.argument() ? p : new Application(f, x);
    } else if (p instanceof Abstraction l) {
      Program b = normalize(l.body(), budget);
      q = b == l.body() ? p : new Abstraction(b);
    }
    if (budget[0] <= 0) {
      return q;
    }
    for (SymmetryRule r : rules) {
      if (!r.rewrites()) {
        continue;
      }
      Optional<ImmutableMap<String, Program>> m = r.match(q);
      if (m.isPresent()) {
        budget[0]--;
        // The replacement's new nodes may enable rules inside it, so it is normalized again.
        return normalize(r.instantiate(m.get()), budget);
      }
    }
    return q;
  }

  /**
   * The order of {@link SymmetryRule.Less}: smaller programs first ({@link Program#size()}), then
   * structurally (indices, primitives by name, inventions, lambdas, applications). Because size
   * comes first, a term that is no larger than {@code c} comes before {@code (f c d)}: sorting the
   * operands of a right-nested sum by it satisfies the commutativity and associativity rules at
   * every level at once.
   */
  public static int compare(Program a, Program b) {
    int c = Integer.compare(a.size(), b.size());
    return c != 0 ? c : structural(a, b);
  }

  private static int structural(Program a, Program b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof Index i) {
      return Integer.compare(i.index(), ((Index) b).index());
    }
    if (a instanceof Primitive p) {
      return p.name().compareTo(((Primitive) b).name());
    }
    if (a instanceof Invented i) {
      return structural(i.body(), ((Invented) b).body());
    }
    if (a instanceof Abstraction l) {
      return structural(l.body(), ((Abstraction) b).body());
    }
    Application x = (Application) a;
    Application y = (Application) b;
    int f = structural(x.function(), y.function());
    return f != 0 ? f : structural(x.argument(), y.argument());
  }

  private static int rank(Program p) {
    if (p instanceof Index) {
      return 0;
    }
    if (p instanceof Primitive) {
      return 1;
    }
    if (p instanceof Invented) {
      return 2;
    }
    if (p instanceof Abstraction) {
      return 3;
    }
    return 4;
  }

  /** Whether {@code p} has a free index at or above {@code depth} (counted at its root). */
  public static boolean hasFreeIndex(Program p, int depth) {
    if (p instanceof Index i) {
      return i.index() >= depth;
    }
    if (p instanceof Application a) {
      return hasFreeIndex(a.function(), depth) || hasFreeIndex(a.argument(), depth);
    }
    if (p instanceof Abstraction l) {
      return hasFreeIndex(l.body(), depth + 1);
    }
    return false;
  }
}

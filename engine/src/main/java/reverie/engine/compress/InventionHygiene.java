package reverie.engine.compress;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Multiset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.SymmetryRule;
import reverie.tasks.SymmetryRules;

/**
 * Keeps the library free of redundant inventions: refuses one whose body (with the inventions it
 * uses inlined and beta-reduced) contains a shape a symmetry rule prunes, one that is only an
 * argument permutation of a primitive or invention, one that only applies a parameter to constants,
 * and one that computes the same function as an existing primitive or invention, or as one learned
 * before it (checked with a {@link FunctionProbe}, under every permutation of the other's
 * arguments).
 */
public final class InventionHygiene implements InventionFilter {
  private static final int MAX_REDUCTION_STEPS = 2_000;

  private final SymmetryRules rules;
  private final Optional<FunctionProbe> probe;
  private final ImmutableList<Production> library;
  // Objections against the existing library, by candidate; the compressor asks about the same
  // bodies in every state of its beam.
  private final Map<Invented, Optional<String>> memo = new HashMap<>();

  /**
   * Hygiene against {@code grammar}'s productions with {@code rules}; without a probe, no behaviour
   * is compared.
   */
  public InventionHygiene(Grammar grammar, SymmetryRules rules, Optional<FunctionProbe> probe) {
    this.rules = rules;
    this.probe = probe;
    this.library = grammar.productions();
  }

  @Override
  public boolean admits(Invented candidate, List<Invented> learnedBefore) {
    return objection(candidate, learnedBefore).isEmpty();
  }

  /** Why {@code candidate} would be redundant; empty when it would not. */
  public synchronized Optional<String> objection(Invented candidate, List<Invented> learnedBefore) {
    Optional<String> known = memo.computeIfAbsent(candidate, this::againstLibrary);
    if (known.isPresent()) {
      return known;
    }
    for (Invented other : learnedBefore) {
      Optional<String> same = sameFunction(candidate, other, other.type());
      if (same.isPresent()) {
        return same;
      }
    }
    return Optional.empty();
  }

  private Optional<String> againstLibrary(Invented candidate) {
    Optional<String> shape = prunedShape(candidate);
    if (shape.isPresent()) {
      return shape;
    }
    Optional<String> trivial = trivialBody(candidate);
    if (trivial.isPresent()) {
      return trivial;
    }
    for (Production p : library) {
      if (p.program().equals(candidate)) {
        continue;
      }
      Optional<String> same = sameFunction(candidate, p.program(), p.type());
      if (same.isPresent()) {
        return same;
      }
    }
    return Optional.empty();
  }

  /**
   * A violation in the candidate's inlined, beta-normal body that is not already inside the
   * inventions it uses (those were admitted before, perhaps under other rules); operand order
   * aside.
   */
  public Optional<String> prunedShape(Invented candidate) {
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    for (SymmetryRules.Violation v : rules.violations(candidate.body())) {
      if (!ordersOnly(v.rule())) {
        return Optional.of("contains " + v);
      }
    }
    Optional<Program> normal =
        candidate.body().inlineInventions().betaNormalForm(MAX_REDUCTION_STEPS);
    if (normal.isEmpty()) {
      return Optional.empty();
    }
    Multiset<String> found = HashMultiset.create();
    for (SymmetryRules.Violation v : rules.violations(normal.get())) {
      if (!ordersOnly(v.rule())) {
        found.add(v.node() + " (" + v.rule() + ")");
      }
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Set<Invented> used = new HashSet<>();
    inventions(candidate.body(), used);
    for (Invented inner : used) {
      inner
          .body()
          .inlineInventions()
          .betaNormalForm(MAX_REDUCTION_STEPS)
          .ifPresent(
              b -> {
                for (SymmetryRules.Violation v : rules.violations(b)) {
                  found.remove(v.node() + " (" + v.rule() + ")");
                }
              });
    }
    return found.isEmpty()
        ? Optional.empty()
        : Optional.of("contains, once inlined, " + found.iterator().next());
  }

  /**
   * Why the candidate's body is too trivial to name a function of its own: it only permutes the
   * arguments of a primitive or invention, or only applies a parameter to constants and parameters.
   * Empty when it is not.
   */
  public Optional<String> trivialBody(Invented candidate) {
    Optional<Program> permuted = permutationOf(candidate.body());
    if (permuted.isPresent()) {
      return Optional.of("only permutes the arguments of " + permuted.get());
    }
    if (onlyAppliesAParameter(candidate.body())) {
      return Optional.of("only applies a parameter to constants and parameters");
    }
    return Optional.empty();
  }

  /**
   * Whether a rule only puts operands in order ({@code (+ ?a ?b) -> (+ ?b ?a) if ?b < ?a}): in a
   * body the operands are often the invention's parameters, whose de Bruijn indices order them
   * arbitrarily, and either order computes the same function.
   */
  private static boolean ordersOnly(SymmetryRule rule) {
    for (SymmetryRule.Condition c : rule.conditions()) {
      if (c instanceof SymmetryRule.Less) {
        return true;
      }
    }
    return false;
  }

  private static void inventions(Program p, Set<Invented> into) {
    if (p instanceof Invented i) {
      if (into.add(i)) {
        inventions(i.body(), into);
      }
    } else if (p instanceof Application a) {
      inventions(a.function(), into);
      inventions(a.argument(), into);
    } else if (p instanceof Abstraction l) {
      inventions(l.body(), into);
    }
  }

  /**
   * The head, when {@code body} is {@code (lambda ... (lambda (h $i ... $j)))} with the indices a
   * permutation of the lambdas' variables and {@code h} a primitive or invention.
   */
  static Optional<Program> permutationOf(Program body) {
    int n = 0;
    Program p = body;
    while (p instanceof Abstraction l) {
      n++;
      p = l.body();
    }
    Program head = p.applicationHead();
    List<Program> arguments = p.applicationArguments();
    if (n == 0
        || arguments.size() != n
        || !(head instanceof Primitive || head instanceof Invented)) {
      return Optional.empty();
    }
    boolean[] seen = new boolean[n];
    for (Program a : arguments) {
      if (!(a instanceof Index i) || i.index() >= n || seen[i.index()]) {
        return Optional.empty();
      }
      seen[i.index()] = true;
    }
    return Optional.of(head);
  }

  /**
   * Whether {@code body} is {@code (lambda ... (lambda ($i a ...)))} with every {@code a} a
   * primitive, an invention or a parameter: such an invention ({@code (lambda (lambda ($1 3 $0)))})
   * only saves writing a constant at its one call site, and every task that uses it is as short
   * with the constant in place; the compressor finds it because one constant is cheaper than a leaf
   * of the grammar's choosing, not because it names a reusable function.
   */
  static boolean onlyAppliesAParameter(Program body) {
    int n = 0;
    Program p = body;
    while (p instanceof Abstraction l) {
      n++;
      p = l.body();
    }
    if (n == 0 || !(p.applicationHead() instanceof Index head) || head.index() >= n) {
      return false;
    }
    List<Program> arguments = p.applicationArguments();
    if (arguments.isEmpty()) {
      return false;
    }
    for (Program a : arguments) {
      if (!(a instanceof Primitive
          || a instanceof Invented
          || (a instanceof Index i && i.index() < n))) {
        return false;
      }
    }
    return true;
  }

  private Optional<String> sameFunction(Invented candidate, Program other, Type otherType) {
    if (probe.isEmpty()
        || otherType.functionArguments().size() != candidate.type().functionArguments().size()) {
      return Optional.empty();
    }
    Optional<int[]> p =
        probe.get().redundantWith(candidate.body(), candidate.type(), other, otherType);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    List<Integer> order = new ArrayList<>();
    boolean identity = true;
    for (int i = 0; i < p.get().length; i++) {
      order.add(p.get()[i]);
      identity &= p.get()[i] == i;
    }
    return Optional.of(
        "computes what "
            + other
            + " computes"
            + (identity ? "" : " with its arguments in the order " + order)
            + " on every input tried");
  }
}

package reverie.tasks;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reverie.dsl.InputException;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * A shape of program that never needs to be searched, because a no larger program computes the same
 * outputs wherever it succeeds: {@code (car (cons ?a ?b)) -> ?a}, {@code (+ ?a ?b) -> (+ ?b ?a) if
 * ?b < ?a}, {@code (car empty)} (always fails). Plain data a domain supplies ({@link
 * Domain#symmetries()}); the enumerator never emits a program with such a shape, and the compressor
 * neither learns nor keeps one.
 *
 * <p>The text form is {@code PATTERN [-> REPLACEMENT] [if CONDITION [and CONDITION]...]}. A pattern
 * is a program in which names starting with {@code ?} are pattern variables; a variable used twice
 * must match equal terms; {@code $i} in a pattern refers to a lambda of the pattern itself.
 * Conditions are {@code ?x < ?y} (in the order of {@link SymmetryRules#compare}), {@code closed ?x}
 * (the term has no free variable, so it is a constant) and {@code once ?x} (see {@link Once}). A
 * replacement may apply a lambda of its own ({@code ((lambda ?b) (car ?l))}), which is beta-reduced
 * when the rule rewrites. A rule without replacement only refuses the shape: it always fails, or
 * its smaller equivalent is not one pattern (a constant condition picks one branch of an {@code
 * if}).
 *
 * <p>What a rule promises, and the tests check on random programs and inputs: wherever the matched
 * program succeeds, the replacement succeeds with the same output, and it is no larger ({@link
 * Program#size()}). The one exception is 64-bit overflow in a reassociated sum or product, where
 * the two orders can fail differently.
 *
 * @param text the rule as written
 * @param pattern the shape, with pattern variables
 * @param replacement what the shape rewrites to, or empty when the rule only refuses it
 * @param conditions what must also hold for the rule to apply
 */
public record SymmetryRule(
    String text,
    Program pattern,
    Optional<Program> replacement,
    ImmutableList<Condition> conditions) {

  /** What must hold of the terms the pattern variables match. */
  public sealed interface Condition permits Less, Closed, Once {}

  /** The term of {@code smaller} comes strictly before that of {@code larger}. */
  public record Less(String smaller, String larger) implements Condition {}

  /** The term of {@code variable} has no free variable. */
  public record Closed(String variable) implements Condition {}

  /**
   * The term of {@code variable} uses the variable of the pattern's lambda just around it at most
   * once, and not inside a lambda of its own: substituting a term for it adds that term once and
   * evaluates it at most once.
   */
  public record Once(String variable) implements Condition {}

  /** The type given to pattern variables while parsing; patterns are not type-checked. */
  private static final Type ANY = Type.variable(0);

  public SymmetryRule {
    checkArgument(
        pattern instanceof Application,
        "rule %s: a pattern is an application of a primitive",
        text);
    checkArgument(
        pattern.applicationHead() instanceof Primitive head && !isVariable(head),
        "rule %s: a pattern's head is a primitive",
        text);
    conditions = ImmutableList.copyOf(conditions);
    checkSpines(pattern, text);
    Map<String, Integer> depths = new HashMap<>();
    variableDepths(pattern, 0, depths, text);
    Set<String> closed = new HashSet<>();
    for (Condition c : conditions) {
      if (c instanceof Closed k) {
        closed.add(k.variable());
      }
    }
    replacement.ifPresent(r -> checkReplacement(r, 0, depths, closed, text));
    for (Condition c : conditions) {
      for (String v : conditionVariables(c)) {
        checkArgument(depths.containsKey(v), "rule %s: condition on unknown %s", text, v);
      }
    }
    checkArgument(pattern.isClosed(), "rule %s: a pattern's $i must be bound inside it", text);
  }

  /**
   * Parses a rule's text; names resolve with {@code primitives}, and {@code ?name} is a pattern
   * variable. An {@link InputException} names the rule when the text is malformed.
   */
  public static SymmetryRule parse(String text, PrimitiveResolver primitives) {
    PrimitiveResolver withVariables =
        name ->
            name.startsWith("?") && name.length() > 1
                ? Optional.of(new Primitive(name, ANY))
                : primitives.resolve(name);
    PrimitiveResolver untyped =
        new PrimitiveResolver() {
          @Override
          public Optional<Primitive> resolve(String name) {
            return withVariables.resolve(name);
          }

          @Override
          public boolean typed() {
            return false;
          }
        };
    String rest = text.strip();
    List<Condition> conditions = new ArrayList<>();
    int when = topLevel(rest, " if ");
    if (when >= 0) {
      for (String c : rest.substring(when + 4).split(" and ")) {
        conditions.add(condition(c.strip(), text));
      }
      rest = rest.substring(0, when).strip();
    }
    Optional<Program> replacement = Optional.empty();
    int arrow = topLevel(rest, "->");
    if (arrow >= 0) {
      replacement = Optional.of(Program.parse(rest.substring(arrow + 2).strip(), untyped));
      rest = rest.substring(0, arrow).strip();
    }
    try {
      return new SymmetryRule(
          text, Program.parse(rest, untyped), replacement, ImmutableList.copyOf(conditions));
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
  }

  private static Condition condition(String c, String rule) {
    String[] words = c.split("\\s+");
    if (words.length == 2 && words[0].equals("closed") && isVariableName(words[1])) {
      return new Closed(words[1]);
    }
    if (words.length == 2 && words[0].equals("once") && isVariableName(words[1])) {
      return new Once(words[1]);
    }
    if (words.length == 3
        && words[1].equals("<")
        && isVariableName(words[0])
        && isVariableName(words[2])) {
      return new Less(words[0], words[2]);
    }
    throw new InputException("rule " + rule + ": cannot read condition '" + c + "'");
  }

  private static int topLevel(String s, String token) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0 && s.startsWith(token, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code p} is a pattern variable. */
  public static boolean isVariable(Program p) {
    return p instanceof Primitive prim && isVariableName(prim.name());
  }

  private static boolean isVariableName(String name) {
    return name.startsWith("?") && name.length() > 1;
  }

  /** The variables a condition mentions. */
  public static List<String> conditionVariables(Condition c) {
    if (c instanceof Less l) {
      return List.of(l.smaller(), l.larger());
    }
    if (c instanceof Once o) {
      return List.of(o.variable());
    }
    return List.of(((Closed) c).variable());
  }

  /** Whether the rule rewrites (rather than only refuses). */
  public boolean rewrites() {
    return replacement.isPresent();
  }

  /**
   * The pattern variables that decide more than the shape: used twice or named by a condition. A
   * search that has not yet filled such a variable's place cannot tell whether the rule applies.
   */
  public ImmutableList<String> decidingVariables() {
    Map<String, Integer> uses = new LinkedHashMap<>();
    countVariables(pattern, uses);
    List<String> out = new ArrayList<>();
    uses.forEach(
        (v, n) -> {
          if (n > 1) {
            out.add(v);
          }
        });
    for (Condition c : conditions) {
      for (String v : conditionVariables(c)) {
        if (!out.contains(v)) {
          out.add(v);
        }
      }
    }
    return ImmutableList.copyOf(out);
  }

  private static void countVariables(Program p, Map<String, Integer> uses) {
    if (isVariable(p)) {
      uses.merge(((Primitive) p).name(), 1, Integer::sum);
    } else if (p instanceof Application a) {
      countVariables(a.function(), uses);
      countVariables(a.argument(), uses);
    } else if (p instanceof Abstraction l) {
      countVariables(l.body(), uses);
    }
  }

  /**
   * The terms the pattern variables match when this rule applies at {@code node} (its root); empty
   * when it does not.
   */
  public Optional<ImmutableMap<String, Program>> match(Program node) {
    Map<String, Program> bound = new HashMap<>();
    if (!match(pattern, node, bound)) {
      return Optional.empty();
    }
    for (Condition c : conditions) {
      if (c instanceof Less l) {
        Program a = bound.get(l.smaller());
        Program b = bound.get(l.larger());
        if (SymmetryRules.compare(a, b) >= 0) {
          return Optional.empty();
        }
      } else if (c instanceof Once o) {
        Program a = bound.get(o.variable());
        if (uses(a, 0) > 1) {
          return Optional.empty();
        }
      } else {
        Program a = bound.get(((Closed) c).variable());
        if (SymmetryRules.hasFreeIndex(a, 0)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(ImmutableMap.copyOf(bound));
  }

  private static boolean match(Program pattern, Program p, Map<String, Program> bound) {
    if (isVariable(pattern)) {
      Program earlier = bound.putIfAbsent(((Primitive) pattern).name(), p);
      // A variable seen twice must match equal terms.
      return earlier == null || earlier.equals(p);
    }
    if (pattern instanceof Application pa) {
      return p instanceof Application a
          && match(pa.function(), a.function(), bound)
          && match(pa.argument(), a.argument(), bound);
    }
    if (pattern instanceof Abstraction pl) {
      return p instanceof Abstraction l && match(pl.body(), l.body(), bound);
    }
    if (pattern instanceof Index || pattern instanceof Primitive) {
      return pattern.equals(p);
    }
    throw new AssertionError(pattern);
  }

  /** How often {@code $target} occurs in {@code p}; 2 (too often) when under a lambda of p. */
  private static int uses(Program p, int target) {
    if (p instanceof Index i) {
      return i.index() == target ? 1 : 0;
    }
    if (p instanceof Application a) {
      return uses(a.function(), target) + uses(a.argument(), target);
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

  /**
   * The replacement with the variables' terms substituted; where the replacement applies a lambda
   * of its own, the application is beta-reduced.
   */
  public Program instantiate(Map<String, Program> bound) {
    return instantiate(replacement.orElseThrow(), bound);
  }

  private static Program instantiate(Program p, Map<String, Program> bound) {
    if (isVariable(p)) {
      return bound.get(((Primitive) p).name());
    }
    if (p instanceof Application a) {
      Program x = instantiate(a.argument(), bound);
      if (a.function() instanceof Abstraction l) {
        return instantiate(l.body(), bound).substitute(0, x.shift(1)).shift(-1);
      }
      return new Application(instantiate(a.function(), bound), x);
    }
    if (p instanceof Abstraction l) {
      return new Abstraction(instantiate(l.body(), bound));
    }
    return p;
  }

  // Enumerated programs apply every primitive to all its arguments (they are eta-long), so a
  // pattern does too: that lets the enumerator decide a rule at the right node.
  private static void checkSpines(Program p, String text) {
    if (p instanceof Abstraction l) {
      checkSpines(l.body(), text);
    } else if (p instanceof Application) {
      Program head = p.applicationHead();
      checkArgument(
          head instanceof Primitive prim
              && !isVariable(prim)
              && prim.type().functionArguments().size() == p.applicationArguments().size(),
          "rule %s: %s is not a primitive applied to all its arguments",
          text,
          p);
      p.applicationArguments().forEach(a -> checkSpines(a, text));
    } else if (p instanceof Primitive prim && !isVariable(prim)) {
      checkArgument(
          prim.type().functionArguments().isEmpty(),
          "rule %s: %s is not applied to its arguments",
          text,
          p);
    }
  }

  private static void variableDepths(
      Program p, int depth, Map<String, Integer> depths, String text) {
    if (isVariable(p)) {
      Integer d = depths.putIfAbsent(((Primitive) p).name(), depth);
      checkArgument(
          d == null || d == depth, "rule %s: %s is used under different lambdas", text, p);
    } else if (p instanceof Application a) {
      variableDepths(a.function(), depth, depths, text);
      variableDepths(a.argument(), depth, depths, text);
    } else if (p instanceof Abstraction l) {
      variableDepths(l.body(), depth + 1, depths, text);
    }
  }

  // A replacement's variables sit under as many lambdas as in the pattern, so their terms are
  // substituted without shifting; a closed term (one with a closed condition) may move.
  private static void checkReplacement(
      Program p, int depth, Map<String, Integer> depths, Set<String> closed, String text) {
    if (isVariable(p)) {
      String name = ((Primitive) p).name();
      Integer d = depths.get(name);
      checkArgument(d != null, "rule %s: %s is not in the pattern", text, p);
      checkArgument(
          d == depth || closed.contains(name), "rule %s: %s moves under other lambdas", text, p);
    } else if (p instanceof Application a) {
      checkReplacement(a.function(), depth, depths, closed, text);
      checkReplacement(a.argument(), depth, depths, closed, text);
    } else if (p instanceof Abstraction l) {
      checkReplacement(l.body(), depth + 1, depths, closed, text);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}

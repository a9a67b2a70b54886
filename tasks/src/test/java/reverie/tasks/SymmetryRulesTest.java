package reverie.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reverie.dsl.InputException;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.ListValue;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;

/**
 * The list and text domains' symmetry rules: rewriting keeps every output where the program
 * succeeds, never grows a program, keeps its type, and ends where no rewriting rule applies.
 */
class SymmetryRulesTest {
  private static final String[] REQUESTS = {
    "list(int) -> list(int)",
    "list(int) -> int",
    "list(int) -> bool",
    "int -> int",
    "int -> list(int)",
    "list(int) -> int -> list(int)",
    "list(list(int)) -> list(int)"
  };

  private static final String[] TEXT_REQUESTS = {
    "list(char) -> list(char)", "list(char) -> int", "list(char) -> bool", "list(char) -> char"
  };

  @ParameterizedTest
  @ValueSource(strings = {"lists", "text"})
  void everyRewritePreservesOutputsAndNeverGrows(String name) {
    Domain domain = Domains.installed().byName(name);
    SymmetryRules rules = domain.symmetries();
    Grammar grammar = Grammar.uniform(domain.primitives());
    Scorer scorer = Scorer.of(domain);
    String[] requests = name.equals("lists") ? REQUESTS : TEXT_REQUESTS;
    Random random = new Random(20261201);
    Set<String> fired = new HashSet<>();
    int compared = 0;
    List<Program> programs = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      Type request = Type.parse(requests[i % requests.length]);
      grammar.sample(request, random, 7).ifPresent(programs::add);
      types.add(request);
      if (programs.size() < types.size()) {
        types.remove(types.size() - 1);
      }
    }
    // Instances of every rule, filled from a pool of small terms, so that rare shapes are tried.
    for (SymmetryRule r : rules.rules()) {
      for (Program instance : instances(r, domain)) {
        for (String t : requests) {
          Type request = Type.parse(t);
          if (request.functionArguments().size() == 1 && typeChecks(instance, request)) {
            programs.add(instance);
            types.add(request);
            break;
          }
        }
      }
    }
    for (int i = 0; i < programs.size(); i++) {
      Type request = types.get(i);
      Program p = programs.get(i);
      for (SymmetryRules.Violation v : rules.violations(p)) {
        if (v.rule().rewrites()) {
          fired.add(v.rule().text());
        }
      }
      Program q = rules.normalize(p);
      if (q.equals(p)) {
        continue;
      }
      assertTrue(q.size() <= p.size(), () -> p + " grew to " + q);
      TypeInference.check(q, request);
      for (SymmetryRules.Violation v : rules.violations(q)) {
        assertFalse(v.rule().rewrites(), () -> p + " -> " + q + " still has " + v);
      }
      var before = scorer.compile(p);
      var after = scorer.compile(q);
      for (int example = 0; example < 6; example++) {
        List<Object> inputs = new ArrayList<>();
        for (Type t : request.functionArguments()) {
          inputs.add(randomValue(t, random));
        }
        Object expected;
        try {
          expected = before.run(inputs, Budget.standard());
        } catch (EvaluationException e) {
          continue; // where the program fails, the rewritten one may do anything
        }
        Object actual = after.run(inputs, Budget.standard());
        assertEquals(expected, actual, () -> p + " -> " + q + " on " + inputs);
        compared++;
      }
    }
    assertTrue(compared > 1000, "compared " + compared);
    // Every rule that rewrites met some sampled program, so every replacement was tried.
    Set<String> never = new HashSet<>();
    for (SymmetryRule r : rules.rules()) {
      if (r.rewrites() && !fired.contains(r.text())) {
        never.add(r.text());
      }
    }
    assertTrue(never.isEmpty(), () -> "never met: " + never);
  }

  @Property(tries = 200, seed = "424242")
  void theOrderIsTotalAndComesBySizeFirst(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
    Domain lists = Domains.installed().byName("lists");
    Grammar g = Grammar.uniform(lists.primitives());
    Random random = new Random(seed);
    Type request = Type.parse(REQUESTS[seed % REQUESTS.length]);
    Optional<Program> a = g.sample(request, random, 5);
    Optional<Program> b = g.sample(request, random, 5);
    if (a.isEmpty() || b.isEmpty()) {
      return;
    }
    int ab = SymmetryRules.compare(a.get(), b.get());
    assertEquals(-Integer.signum(ab), Integer.signum(SymmetryRules.compare(b.get(), a.get())));
    assertEquals(ab == 0, a.get().equals(b.get()));
    if (a.get().size() < b.get().size()) {
      assertTrue(ab < 0);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(lambda (car (cons $0 empty)))|(lambda $0)",
        "(lambda (+ (+ $0 1) (length empty)))|(lambda (+ $0 1))",
        "(lambda (map (lambda $0) (cdr $0)))|(lambda (cdr $0))",
        "(lambda (if (empty? $0) $0 $0))|(lambda $0)",
        "(lambda (length (map (lambda (+ $0 1)) $0)))|(lambda (length $0))",
        "(lambda (car (map (lambda (+ $0 $0)) $0)))|(lambda (car (map (lambda (+ $0 $0)) $0)))",
        "(lambda (car (map (lambda (+ $0 1)) $0)))|(lambda (+ 1 (car $0)))",
        "(lambda (* (* $0 $0) 1))|(lambda (* $0 $0))"
      })
  void normalizesListPrograms(String program, String expected) {
    Domain lists = Domains.installed().byName("lists");
    Program p = Program.parse(program, lists.resolver());
    assertEquals(expected, lists.symmetries().normalize(p).toString());
  }

  @Test
  void refusalsAndConditions() {
    Domain lists = Domains.installed().byName("lists");
    SymmetryRules rules = lists.symmetries();
    assertTrue(rules.violation(parse(lists, "(lambda (car empty))")).isPresent());
    assertTrue(rules.violation(parse(lists, "(lambda (if (eq? 0 1) $0 empty))")).isPresent());
    assertTrue(rules.violation(parse(lists, "(lambda (+ (car $0) 1))")).isPresent());
    assertFalse(rules.violation(parse(lists, "(lambda (+ 1 (car $0)))")).isPresent());
    assertFalse(rules.violation(parse(lists, "(lambda (if (empty? $0) $0 empty))")).isPresent());
    // Inventions are opaque: a rule never sees inside one.
    assertFalse(
        rules.violation(parse(lists, "(lambda (#(lambda (car (cons $0 empty))) $0))")).isPresent());
  }

  @Test
  void malformedRulesAreRefusedNamingTheRule() {
    Domain lists = Domains.installed().byName("lists");
    InputException e =
        assertThrows(
            InputException.class, () -> SymmetryRule.parse("(+ ?a ?b) -> ?c", lists.resolver()));
    assertTrue(e.getMessage().contains("(+ ?a ?b) -> ?c"), e.getMessage());
    assertThrows(InputException.class, () -> SymmetryRule.parse("(+ ?a) -> ?a", lists.resolver()));
    assertThrows(
        InputException.class, () -> SymmetryRule.parse("(+ ?a ?b) if ?a <= ?b", lists.resolver()));
    assertThrows(
        InputException.class,
        () -> SymmetryRule.parse("(map (lambda ?b) ?l) -> ?b", lists.resolver()));
  }

  /**
   * Programs {@code (lambda PATTERN)} with the pattern's variables filled from a pool of small
   * terms over one list argument, those that type-check with a ground type.
   */
  private static List<Program> instances(SymmetryRule rule, Domain domain) {
    String[] pool =
        domain.name().equals("lists")
            ? new String[] {
              "$0",
              "(car $0)",
              "(length $0)",
              "1",
              "(cdr $0)",
              "(lambda (+ $0 1))",
              "(lambda $0)",
              "(lambda (lambda (+ $0 $1)))",
              "(empty? $0)",
              "$1"
            }
            : new String[] {
              "$0",
              "(car $0)",
              "(length $0)",
              "1",
              "(cdr $0)",
              "SPACE",
              "(lambda (cons $0 empty))",
              "(lambda $0)",
              "(empty? $0)",
              "$1"
            };
    String text = rule.pattern().toString();
    List<String> variables = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?[a-z]+").matcher(text);
    while (m.find()) {
      if (!variables.contains(m.group())) {
        variables.add(m.group());
      }
    }
    List<Program> out = new ArrayList<>();
    int combinations = (int) Math.pow(pool.length, variables.size());
    for (int c = 0; c < combinations && out.size() < 12; c++) {
      String filled = text;
      int code = c;
      for (String v : variables) {
        filled =
            filled
                .replace(v + " ", pool[code % pool.length] + " ")
                .replace(v + ")", pool[code % pool.length] + ")");
        code /= pool.length;
      }
      try {
        // $1 in the pool is the list argument seen from under one lambda of the pattern.
        Program p = Program.parse("(lambda " + filled + ")", domain.resolver());
        TypeInference.infer(p);
        if (p.isClosed() && rule.match(body(p)).isPresent()) {
          out.add(p);
        }
      } catch (RuntimeException notWellTyped) {
        // the next combination
      }
    }
    return out;
  }

  private static boolean typeChecks(Program p, Type request) {
    try {
      TypeInference.check(p, request);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Program body(Program lambda) {
    return ((reverie.dsl.program.Abstraction) lambda).body();
  }

  private static Program parse(Domain d, String text) {
    return Program.parse(text, d.resolver());
  }

  private static Object randomValue(Type type, Random random) {
    TypeConstructor c = (TypeConstructor) type;
    switch (c.name()) {
      case "int":
        return (long) random.nextInt(12) - 3;
      case "bool":
        return random.nextBoolean();
      case "char":
        // The text domain's characters are code points.
        return " .,-()abcAB".codePointAt(random.nextInt(11));
      default:
        Object[] items = new Object[random.nextInt(6)];
        for (int i = 0; i < items.length; i++) {
          items[i] = randomValue(c.arguments().get(0), random);
        }
        return ListValue.wrap(items);
    }
  }
}

package reverie.engine.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;
import reverie.tasks.Suites;

/** Library hygiene on list inventions, and the probe behind it. */
class InventionHygieneTest {
  private static final Domain LISTS = Domains.installed().byName("lists");
  private static final Grammar BASE = Grammar.uniform(LISTS.primitives());
  private static final FunctionProbe PROBE =
      FunctionProbe.of(Scorer.of(LISTS), Suites.byName("lists").tasks(), BASE, 17);

  private static Invented invented(String body) {
    Program p = Program.parse(body, LISTS.resolver());
    return new Invented(p, TypeInference.infer(p));
  }

  private static Grammar withLibrary(String... bodies) {
    List<Program> library = new ArrayList<>();
    for (String b : bodies) {
      library.add(invented(b));
    }
    return BASE.withLibrary(library);
  }

  private static Optional<String> objection(Grammar g, String candidate, String... before) {
    List<Invented> learned = new ArrayList<>();
    for (String b : before) {
      learned.add(invented(b));
    }
    return new InventionHygiene(g, LISTS.symmetries(), Optional.of(PROBE))
        .objection(invented(candidate), learned);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // The issue's f3: an identity map around a map.
        "(lambda (lambda (map (lambda $0) (map $1 $0))))|contains",
        "(lambda (car (cons $0 empty)))|contains",
        "(lambda (lambda (cons $0 $1)))|permutes the arguments of cons",
        // Subtraction of a negation is addition.
        "(lambda (lambda (- $1 (- 0 $0))))|computes what +",
        // A fold that conses is map.
        "(lambda (lambda (fold $0 empty (lambda (lambda (cons ($3 $1) $0))))))|computes what map",
        "(lambda (cdr (cons 0 $0)))|contains",
        // Seen in a towers library: a constant passed to a function parameter.
        "(lambda (lambda ($1 3 $0)))|only applies a parameter",
        "(lambda ($0 empty))|only applies a parameter",
        // Seen in a list library: constants that are themselves inventions.
        "(lambda ($0 #(+ 1 1) #(+ 1 #(+ 1 1))))|only applies a parameter"
      })
  void refusesRedundantInventions(String body, String reason) {
    Optional<String> o = objection(BASE, body);
    assertTrue(o.isPresent() && o.get().contains(reason), () -> body + ": " + o);
  }

  @Test
  void admitsNewFunctionsAndOperandsInAnyOrder() {
    assertEquals(Optional.empty(), objection(BASE, "(lambda (map (lambda (+ $0 1)) $0))"));
    // Only the order of +'s operands, which the parameters' indices decide: either is fine.
    assertEquals(Optional.empty(), objection(BASE, "(lambda (lambda (+ (car $1) $0)))"));
    assertEquals(
        Optional.empty(),
        objection(BASE, "(lambda (lambda (lambda (map (lambda ($3 $0 $2)) $0))))"));
    // A parameter applied to a computed argument is a function of its own.
    assertEquals(Optional.empty(), objection(BASE, "(lambda (lambda ($1 (+ 1 $0))))"));
  }

  @Test
  void refusesWhatAnInventionOrAnEarlierOneComputes() {
    // The issue's f8: f1 under another name (here written with fold).
    Grammar g = withLibrary("(lambda (lambda (lambda (map (lambda ($3 $0 $2)) $0))))");
    Optional<String> o =
        objection(
            g, "(lambda (lambda (lambda (fold $0 empty (lambda (lambda (cons ($4 $1 $3) $0)))))))");
    assertTrue(o.isPresent() && o.get().contains("computes what #"), o::toString);
    Optional<String> earlier =
        objection(
            BASE, "(lambda (map (lambda (+ 1 $0)) $0))", "(lambda (map (lambda (+ $0 1)) $0))");
    assertTrue(earlier.isPresent(), earlier::toString);
  }

  @Test
  void probeTellsAgreementRefinementAndDifference() {
    Invented add = invented("(lambda (lambda (+ $1 $0)))");
    Invented sub = invented("(lambda (lambda (- $1 $0)))");
    Invented headOrFail = invented("(lambda (car (cons (car $0) $0)))");
    Invented car = invented("(lambda (car $0))");
    assertEquals(
        FunctionProbe.Verdict.UNKNOWN_OR_DIFFERENT,
        PROBE.compare(add.body(), add.type(), sub.body(), sub.type(), new int[] {0, 1}));
    assertEquals(
        FunctionProbe.Verdict.AGREE,
        PROBE.compare(add.body(), add.type(), add.body(), add.type(), new int[] {1, 0}));
    assertEquals(
        FunctionProbe.Verdict.UNKNOWN_OR_DIFFERENT,
        PROBE.compare(sub.body(), sub.type(), sub.body(), sub.type(), new int[] {1, 0}));
    assertEquals(
        FunctionProbe.Verdict.AGREE,
        PROBE.compare(headOrFail.body(), headOrFail.type(), car.body(), car.type(), new int[] {0}));
    Invented second = invented("(lambda (car (cdr $0)))");
    // car (cdr l) fails on one-element lists where car does not: it refines nothing of car's.
    assertEquals(
        FunctionProbe.Verdict.UNKNOWN_OR_DIFFERENT,
        PROBE.compare(second.body(), second.type(), car.body(), car.type(), new int[] {0}));
    Invented guarded = invented("(lambda (if (empty? (cdr $0)) (car empty) (car $0)))");
    assertEquals(
        FunctionProbe.Verdict.REFINES,
        PROBE.compare(guarded.body(), guarded.type(), car.body(), car.type(), new int[] {0}));
  }
}

package reverie.engine.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.program.EtaLong;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeVariable;

class CompressorTest {

  private static List<List<Program>> tasks(String... programs) {
    List<List<Program>> out = new ArrayList<>();
    for (String p : programs) {
      out.add(List.of(Program.parse(p, PrimitiveResolver.untyped())));
    }
    return out;
  }

  private static CompressionConfig config(int arity, int iterations) {
    return CompressionConfig.defaults()
        .withMaxArity(arity)
        .withIterations(iterations)
        .withThreads(1);
  }

  @Test
  void findsTheSharedStructureOfThePaperExample() {
    // Stitch paper, section 2: the best arity-2 abstraction is (+ 3 (* ? ?))
    List<List<Program>> corpus =
        tasks(
            "(lam (+ 3 (* (+ 2 4) 2)))",
            "(lam (map (lam (+ 3 (* 4 (+ 3 $0)))) $0))",
            "(lam (* 2 (+ 3 (* $0 (+ 2 1)))))");
    CompressionResult r =
        Compressor.compress(corpus, config(2, 1).withStructurePenalty(0.0).withBeam(1));
    assertEquals(1, r.abstractions().size());
    LearnedAbstraction a = r.abstractions().get(0);
    assertEquals("(+ 3 (* #0 #1))", a.body());
    assertEquals("#(lambda (lambda (+ 3 (* $1 $0))))", a.dreamcoder());
    assertEquals(3, a.uses());
    assertEquals(
        "(lambda (fn_0 (+ 2 4) 2))".replace("fn_0", a.invented().toString()),
        r.rewrittenByTask().get(0).get(0).toString());
    assertEquals("(lambda (map (lambda (fn_0 4 (+ 3 $0))) $0))", r.rewritten().get(1));
    assertEquals("(lambda (* 2 (fn_0 $0 (+ 2 1))))", r.rewritten().get(2));
  }

  @Test
  void reusedArgumentAndUtilityMatchTheCostChange() {
    List<List<Program>> corpus =
        tasks(
            "(f (g a b c) (g a b c) d)", "(f (g x y z) (g x y z) e)", "(f (g p q r) (g p q r) s)");
    CompressionResult r = Compressor.compress(corpus, config(3, 1));
    LearnedAbstraction a = r.abstractions().get(0);
    // the reused argument: (g ...) appears twice but is passed once
    assertTrue(a.body().startsWith("(f #0 #0"), a.body());
    assertTrue(r.rewritten().get(0).contains("(fn_0 (g a b c)"), r.rewritten().get(0));
    long before = Costs.corpus(corpus);
    long after = Costs.corpus(r.rewrittenByTask());
    assertEquals(before, r.originalCost());
    assertEquals(after, r.finalCost());
    // the body cost counts #i as a leaf, while the invention's lambdas cost 1 each and its $i 100
    assertEquals(before - after - (Costs.of(a.invented().body()) - a.arity()), a.utility());
  }

  @Test
  void eachTaskCountsByItsCheapestProgram() {
    // task 0 has a cheap alternative that needs no abstraction: its expensive program must not
    // count
    List<List<Program>> corpus = new ArrayList<>();
    PrimitiveResolver u = PrimitiveResolver.untyped();
    corpus.add(List.of(Program.parse("(h (k 1 2 3) (k 4 5 6))", u), Program.parse("z", u)));
    corpus.add(List.of(Program.parse("(h (k 7 8 9) (k 1 1 1))", u)));
    corpus.add(List.of(Program.parse("(h (k 2 2 3) (k 3 3 1))", u)));
    CompressionResult r = Compressor.compress(corpus, config(3, 3));
    assertEquals(Costs.corpus(corpus), r.originalCost());
    assertEquals(Costs.corpus(r.rewrittenByTask()), r.finalCost());
  }

  @Test
  void argumentsMayNotCaptureVariablesBoundInsideTheBody() {
    // (lam (foo $0 X)): $0 refers to the abstraction's own lambda, so it can be in the body, not an
    // argument
    List<List<Program>> corpus =
        tasks(
            "(lam (foo $0 (bar 1 2 3)))",
            "(lam (foo $0 (bar 4 5 6)))",
            "(lam (foo $0 (bar 7 8 9)))");
    CompressionResult r = Compressor.compress(corpus, config(2, 1));
    String body = r.abstractions().get(0).body();
    assertTrue(body.startsWith("(lambda (foo $0"), body);
    assertTrue(r.rewritten().get(0).startsWith("(fn_0 "), r.rewritten().get(0));
  }

  @Test
  void singleTaskAbstractionsAreDropped() {
    List<List<Program>> corpus = new ArrayList<>();
    PrimitiveResolver u = PrimitiveResolver.untyped();
    corpus.add(List.of(Program.parse("(f (g a b c d e) (g a b c d e))", u)));
    corpus.add(List.of(Program.parse("x", u)));
    assertTrue(Compressor.compress(corpus, config(2, 2)).abstractions().isEmpty());
    assertFalse(
        Compressor.compress(corpus, config(2, 2).withAllowSingleTask(true))
            .abstractions()
            .isEmpty());
  }

  @Test
  void stopsEarlyWithoutUsefulAbstractions() {
    CompressionResult r = Compressor.compress(tasks("(a b)", "(c d)"), config(3, 10));
    assertTrue(r.abstractions().isEmpty());
    assertEquals(r.originalCost(), r.finalCost());
    assertEquals(1.0, r.crMin(), 1e-12);
  }

  @Test
  void typedCompressionKeepsWellTypedAbstractionsWithTheirTypes() {
    Type tInt = Type.of("int");
    Primitive plus = new Primitive("+", Type.arrow(tInt, tInt, tInt));
    Primitive one = new Primitive("1", tInt);
    Primitive two = new Primitive("2", tInt);
    Primitive map = new Primitive("map", Type.parse("(t0 -> t1) -> list(t0) -> list(t1)"));
    PrimitiveResolver r = PrimitiveResolver.of(List.of(plus, one, two, map));
    List<List<Program>> corpus = new ArrayList<>();
    for (String p :
        List.of(
            "(lambda (map (lambda (+ (+ $0 1) 2)) $0))",
            "(lambda (map (lambda (+ (+ $0 2) 2)) $0))",
            "(lambda (map (lambda (+ (+ $0 1) 1)) $0))")) {
      corpus.add(List.of(Program.parse(p, r)));
    }
    CompressionResult result = Compressor.compress(corpus, config(2, 2).withTyped(true));
    assertFalse(result.abstractions().isEmpty());
    for (LearnedAbstraction a : result.abstractions()) {
      assertNotEquals(new TypeVariable(0), a.invented().type(), a.dreamcoder());
      assertEquals(TypeInference.infer(a.invented().body()), a.invented().type());
    }
    for (List<Program> task : result.rewrittenByTask()) {
      TypeInference.check(task.get(0), Type.parse("list(int) -> list(int)"));
    }
  }

  @Test
  void typedCompressionLearnsNoMereEtaExpansionOfAPrimitive() {
    // Eta-long programs map a primitive through (lambda (car $0)); (lambda (lambda (map (lambda ($2
    // $0)) $0))) would shorten each of them by the wrapper, but the loop eta-expands its arguments
    // again, and it is map itself.
    Primitive car = new Primitive("car", Type.parse("list(t0) -> t0"));
    Primitive cdr = new Primitive("cdr", Type.parse("list(t0) -> list(t0)"));
    Primitive length = new Primitive("length", Type.parse("list(t0) -> int"));
    Primitive map = new Primitive("map", Type.parse("(t0 -> t1) -> list(t0) -> list(t1)"));
    PrimitiveResolver r = PrimitiveResolver.of(List.of(car, cdr, length, map));
    List<List<Program>> corpus = new ArrayList<>();
    for (String f : List.of("car", "cdr", "length")) {
      for (String xs : List.of("$0", "(cdr $0)", "(cdr (cdr $0))")) {
        corpus.add(List.of(Program.parse("(lambda (map (lambda (" + f + " $0)) " + xs + "))", r)));
      }
    }
    CompressionResult typed = Compressor.compress(corpus, config(2, 3).withTyped(true));
    for (LearnedAbstraction a : typed.abstractions()) {
      Program reduced = EtaLong.reduce(a.invented().body());
      assertFalse(reduced instanceof Primitive, a.dreamcoder() + " is " + reduced);
    }
    CompressionResult untyped = Compressor.compress(corpus, config(2, 3));
    assertTrue(
        untyped.abstractions().stream()
            .anyMatch(a -> EtaLong.reduce(a.invented().body()).equals(map)),
        "untyped compression (as Stitch) still learns the wrapper: " + untyped.abstractions());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // bodies the loop learned before they were refused, and what they reduce to
        "(lambda (lambda (map $1 $0)))|true",
        "(lambda (lambda (lambda ($2 $1 $0))))|true",
        "(lambda (lambda (lambda (lambda ($3 (lambda (lambda ($4 $1 $0))) $1 $0)))))|true",
        "(lambda (lambda (lambda (#(lambda (lambda (lambda (map (lambda ($3 $0 $2)) $0)))) (lambda"
            + " (lambda ($4 $1 $0))) $1 $0))))|true",
        "(lambda $0)|true",
        // real abstractions
        "(lambda (lambda (lambda (map (lambda ($3 $0 $2)) $0))))|false",
        "(lambda (map (lambda (+ $0 1)) $0))|false",
        "(lambda (lambda ($1 $0 (+ 1 1))))|false",
        "(+ 1 1)|false",
        "(lambda (cdr (cdr $0)))|false",
      })
  void refusesBodiesThatOnlyRewrap(String body, boolean refused) {
    Type tInt = Type.of("int");
    PrimitiveResolver r =
        PrimitiveResolver.of(
            List.of(
                new Primitive("+", Type.arrow(tInt, tInt, tInt)),
                new Primitive("1", tInt),
                new Primitive("cdr", Type.parse("list(t0) -> list(t0)")),
                new Primitive("map", Type.parse("(t0 -> t1) -> list(t0) -> list(t1)"))));
    assertEquals(refused, Compressor.onlyRewraps(Program.parse(body, r)), body);
  }
}

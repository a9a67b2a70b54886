package reverie.dsl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/** DreamCoder's continuation type: at such a hole only the innermost plain variable is a choice. */
class ContinuationTypeTest {
  private static final Type TURTLE = Type.of("turtle");
  private static final Type REQUEST = Type.arrow(TURTLE, TURTLE);
  private static final List<Primitive> PRIMITIVES =
      List.of(
          new Primitive("step", Type.arrow(TURTLE, TURTLE)),
          new Primitive("embed", Type.arrow(REQUEST, TURTLE, TURTLE)),
          new Primitive(
              "loop",
              Type.arrow(
                  Type.of("int"), Type.arrow(Type.of("int"), TURTLE, TURTLE), TURTLE, TURTLE)),
          new Primitive("one", Type.of("int")));
  private static final PrimitiveResolver RESOLVER = PrimitiveResolver.of(PRIMITIVES);
  private static final Grammar PLAIN = Grammar.uniform(PRIMITIVES);
  private static final Grammar CONTINUATION = Grammar.uniform(PRIMITIVES, Optional.of(TURTLE));

  private static double prior(Grammar g, String program) {
    return g.logPrior(Program.parse(program, RESOLVER), REQUEST);
  }

  @Test
  void anInnerTurtleHoleTakesOnlyTheInnermostContinuation() {
    // Each turtle hole: step, embed, loop and one variable: 1/4. Without the continuation type the
    // body's hole sees two turtle variables, which share the variable's quarter.
    String inner = "(lambda (embed (lambda $0) $0))";
    assertEquals(-3 * Math.log(4), prior(CONTINUATION, inner), 1e-12);
    assertEquals(-3 * Math.log(4) - Math.log(2), prior(PLAIN, inner), 1e-12);
    String outer = "(lambda (embed (lambda $1) $0))";
    assertEquals(Double.NEGATIVE_INFINITY, prior(CONTINUATION, outer));
    assertEquals(-3 * Math.log(4) - Math.log(2), prior(PLAIN, outer), 1e-12);
    // A loop body binds an int and a turtle; its turtle hole has the one turtle variable (the
    // count's hole has only the primitive one: no variable is an int there).
    assertEquals(
        -3 * Math.log(4),
        prior(CONTINUATION, "(lambda (loop one (lambda (lambda $0)) $0))"),
        1e-12);
  }

  @Test
  void samplesRefitsAndDerivedGrammarsKeepTheRule() {
    Random random = new Random(1);
    for (int i = 0; i < 200; i++) {
      Optional<Program> p = CONTINUATION.sample(REQUEST, random, 6);
      p.ifPresent(
          x ->
              assertTrue(
                  CONTINUATION.logPrior(x, REQUEST) > Double.NEGATIVE_INFINITY, x::toString));
    }
    Grammar refit =
        CONTINUATION.refit(
            List.of(
                new WeightedProgram(
                    Program.parse("(lambda (embed (lambda (step $0)) $0))", RESOLVER), REQUEST, 1)),
            1);
    assertEquals(Optional.of(TURTLE), refit.continuationType());
    assertEquals(Optional.of(TURTLE), CONTINUATION.withLibrary(PRIMITIVES).continuationType());
    ContextualGrammar contextual = ContextualGrammar.fromGrammar(CONTINUATION);
    assertEquals(Optional.of(TURTLE), contextual.continuationType());
    assertEquals(
        Double.NEGATIVE_INFINITY,
        contextual.logPrior(Program.parse("(lambda (embed (lambda $1) $0))", RESOLVER), REQUEST));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ContextualGrammar(
                CONTINUATION, PLAIN, ContextualGrammar.fromGrammar(CONTINUATION).library()));
    assertTrue(CONTINUATION.toString().startsWith("continuation : turtle\n"));
  }

  @Test
  void theContinuationTypeSurvivesJson() {
    String text = GrammarJson.write(GrammarJson.toJson(CONTINUATION));
    assertTrue(text.contains("\"continuationType\" : \"turtle\""), text);
    assertEquals(CONTINUATION, GrammarJson.readGrammar(text, RESOLVER));
    // DreamCoder writes it as a type object.
    String dreamCoder =
        text.replace(
            "\"continuationType\" : \"turtle\"",
            "\"continuationType\" : {\"constructor\": \"turtle\", \"arguments\": []}");
    assertEquals(CONTINUATION, GrammarJson.readGrammar(dreamCoder, RESOLVER));
    ContextualGrammar contextual = ContextualGrammar.fromGrammar(CONTINUATION);
    assertEquals(
        contextual,
        GrammarJson.readContextualGrammar(
            GrammarJson.write(GrammarJson.toJson(contextual)), RESOLVER));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Grammar(0, ImmutableList.of(), Optional.of(Type.arrow(TURTLE, TURTLE))));
  }
}

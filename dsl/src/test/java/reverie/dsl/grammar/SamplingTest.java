package reverie.dsl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;

class SamplingTest {
  static final List<String> REQUESTS =
      List.of(
          "list(int) -> list(int)", "list(int) -> int", "list(int) -> bool", "int -> list(int)");

  /**
   * 10,000 samples from the uniform list grammar: all well-typed, each with the log-prior the
   * grammar gives.
   */
  @Property(seed = "42", tries = 4)
  void samplesTypeCheckAndCarryTheirLogPrior(@ForAll("requests") String requestText) {
    Type request = Type.parse(requestText);
    Random random = new Random(requestText.hashCode());
    int accepted = 0;
    for (int attempt = 0; attempt < 20_000 && accepted < 2500; attempt++) {
      Optional<Sample> s = ListPrimitives.UNIFORM.sampleWithLogPrior(request, random, 8);
      if (s.isEmpty()) {
        continue;
      }
      accepted++;
      Program p = s.get().program();
      TypeInference.check(p, request);
      assertEquals(
          ListPrimitives.UNIFORM.logPrior(p, request), s.get().logPrior(), 1e-9, p::toString);
    }
    assertEquals(2500, accepted, "samples within depth 8");
  }

  @Provide
  Arbitrary<String> requests() {
    return Arbitraries.of(REQUESTS);
  }

  @Property(seed = "43", tries = 4)
  void contextualSamplesCarryTheirLogPrior(@ForAll("requests") String requestText) {
    Type request = Type.parse(requestText);
    Random random = new Random(requestText.hashCode() + 1);
    ContextualGrammar g =
        ContextualGrammarTest.randomContextual(GrammarJsonTest.withInvention(), random);
    for (int i = 0; i < 500; i++) {
      Optional<Sample> s = g.sampleWithLogPrior(request, random, 6);
      if (s.isPresent()) {
        TypeInference.check(s.get().program(), request);
        assertEquals(g.logPrior(s.get().program(), request), s.get().logPrior(), 1e-9);
        assertEquals(
            s.get().logPrior(), g.summarize(s.get().program(), request).logLikelihood(g), 1e-9);
      }
    }
  }

  @Test
  void frequenciesFollowTheGrammar() {
    // Accepted samples follow the grammar conditioned on fitting the depth bound.
    Type request = Type.parse("list(int) -> list(int)");
    Random random = new Random(7);
    Map<Program, Integer> counts = new HashMap<>();
    int n = 0;
    int attempts = 6_000;
    for (int i = 0; i < attempts; i++) {
      Optional<Program> p = ListPrimitives.UNIFORM.sample(request, random, 4);
      if (p.isPresent()) {
        counts.merge(p.get(), 1, Integer::sum);
        n++;
      }
    }
    // P(identity) = P(empty) = 1/11 unconditionally, so among all attempts each occurs with rate
    // 1/11.
    for (String s : List.of("(lambda $0)", "(lambda empty)", "(lambda (cdr $0))")) {
      Program p = ListPrimitives.parse(s);
      double expected = attempts * Math.exp(ListPrimitives.UNIFORM.logPrior(p, request));
      double sigma = Math.sqrt(expected);
      assertEquals(expected, counts.getOrDefault(p, 0), 5 * sigma, s);
    }
    assertTrue(n < attempts);
  }

  @Test
  void depthBoundGivesUp() {
    Type request = Type.parse("list(int) -> int");
    Random random = new Random(1);
    // At depth 1 only a leaf fits an int hole... but the uniform grammar is free to choose a
    // function, so
    // some attempts give up and none is deeper than the bound.
    int empty = 0;
    for (int i = 0; i < 200; i++) {
      Optional<Program> p = ListPrimitives.UNIFORM.sample(request, random, 1);
      if (p.isEmpty()) {
        empty++;
      } else {
        assertTrue(
            p.get().applicationArguments().isEmpty() || p.get().size() <= 2, p.get()::toString);
      }
    }
    assertTrue(empty > 0 && empty < 200);
  }
}

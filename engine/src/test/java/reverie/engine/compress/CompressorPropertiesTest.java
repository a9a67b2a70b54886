package reverie.engine.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.dsl.type.TypeVariable;

/** Rewriting preserves meaning and the reported utilities add up to the measured cost change. */
class CompressorPropertiesTest {
  private static final String[] HEADS = {"f", "g", "h"};
  private static final String[] LEAVES = {"a", "b", "c", "d"};

  private static Program prim(String name) {
    return new Primitive(name, new TypeVariable(0));
  }

  /**
   * Random programs without beta-redexes (heads are primitives), with lambdas and bound variables.
   */
  private static Program program(Random random, int depth, int bound) {
    double x = random.nextDouble();
    if (depth == 0 || x < 0.2) {
      if (bound > 0 && random.nextDouble() < 0.4) {
        return new Index(random.nextInt(bound));
      }
      return prim(LEAVES[random.nextInt(LEAVES.length)]);
    }
    if (x < 0.35) {
      return new Abstraction(program(random, depth - 1, bound + 1));
    }
    int arity = 1 + random.nextInt(3);
    Program p = prim(HEADS[random.nextInt(HEADS.length)]);
    for (int i = 0; i < arity; i++) {
      p = Program.apply(p, program(random, depth - 1, bound));
    }
    return p;
  }

  private static List<List<Program>> corpus(long seed) {
    Random random = new Random(seed);
    List<Program> templates = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      templates.add(program(random, 4, 0));
    }
    List<List<Program>> tasks = new ArrayList<>();
    int count = 6 + random.nextInt(8);
    for (int t = 0; t < count; t++) {
      List<Program> frontier = new ArrayList<>();
      int programs = 1 + random.nextInt(2);
      for (int k = 0; k < programs; k++) {
        // shared structure: a template applied under a fresh head, or a fresh program
        Program p =
            random.nextBoolean()
                ? Program.apply(
                    prim(HEADS[random.nextInt(3)]),
                    templates.get(random.nextInt(3)),
                    program(random, 3, 0))
                : new Abstraction(
                    Program.apply(
                        prim("f"), program(random, 4, 1), templates.get(random.nextInt(3))));
        frontier.add(p);
      }
      tasks.add(frontier);
    }
    return tasks;
  }

  @Property(tries = 40, seed = "20260130")
  void rewritingPreservesMeaningAndUtilityIsTheCostChange(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int arity) {
    List<List<Program>> corpus = corpus(seed);
    CompressionConfig config =
        CompressionConfig.defaults().withMaxArity(arity).withIterations(4).withThreads(1);
    CompressionResult r = Compressor.compress(corpus, config);
    for (int t = 0; t < corpus.size(); t++) {
      for (int k = 0; k < corpus.get(t).size(); k++) {
        Program original = corpus.get(t).get(k);
        Program rewritten = r.rewrittenByTask().get(t).get(k);
        Program inlined = rewritten.inlineInventions().betaNormalForm(100_000).orElseThrow();
        assertEquals(original, inlined, "task " + t + " program " + k + ": " + rewritten);
      }
    }
    assertEquals(Costs.corpus(corpus), r.originalCost());
    assertEquals(Costs.corpus(r.rewrittenByTask()), r.finalCost());
    long utilities = 0;
    long bodies = 0;
    for (LearnedAbstraction a : r.abstractions()) {
      utilities += a.utility();
      // the body cost counts #i as a leaf: the invention's lambdas are not part of it
      bodies += Costs.of(a.invented().body()) - a.arity();
      Invented inv = a.invented();
      assertEquals(a.arity(), countLambdas(inv.body(), a.arity()));
    }
    assertEquals(r.originalCost() - r.finalCost() - bodies, utilities);
  }

  @Property(tries = 15, seed = "7")
  void threadsDoNotChangeTheResult(@ForAll long seed) {
    List<List<Program>> corpus = corpus(seed);
    CompressionConfig one = CompressionConfig.defaults().withIterations(3).withThreads(1);
    CompressionResult a = Compressor.compress(corpus, one);
    CompressionResult b = Compressor.compress(corpus, one.withThreads(2));
    assertEquals(a.rewritten(), b.rewritten());
    assertEquals(a.abstractions(), b.abstractions());
  }

  private static int countLambdas(Program p, int max) {
    int n = 0;
    while (n < max && p instanceof Abstraction l) {
      p = l.body();
      n++;
    }
    return n;
  }
}

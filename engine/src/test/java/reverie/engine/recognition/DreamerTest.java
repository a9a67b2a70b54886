package reverie.engine.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reverie.dsl.program.Program;

/** Fantasies drop failures, constants and duplicate behaviours (keeping the smallest program). */
class DreamerTest {
  private static final Program LENGTH = TestLibrary.parse("(lambda (length $0))");
  private static final Program LENGTH_LONG =
      TestLibrary.parse("(lambda (length (cdr (cons 0 $0))))");
  private static final Program CAR = TestLibrary.parse("(lambda (car $0))");
  private static final Program ZERO = TestLibrary.parse("(lambda 0)");
  private static final Program SUM =
      TestLibrary.parse("(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))");

  @SuppressWarnings("unchecked")
  private static final Map<Program, Function<List<Long>, Long>> MEANING =
      Map.of(
          LENGTH, l -> (long) l.size(),
          LENGTH_LONG, l -> (long) l.size(),
          CAR, l -> l.isEmpty() ? null : l.get(0),
          ZERO, l -> 0L,
          SUM, l -> l.stream().mapToLong(Long::longValue).sum());

  @Test
  void keepsOneSmallestProgramPerBehaviour() {
    List<Program> order = List.of(LENGTH_LONG, CAR, ZERO, LENGTH, SUM, LENGTH_LONG);
    int[] next = {0};
    Dreamer.Sampler sampler = (request, random) -> Optional.of(order.get(next[0]++ % order.size()));
    @SuppressWarnings("unchecked")
    Dreamer.Runner runner =
        (program, request, tuples) -> {
          List<Object> outputs = new java.util.ArrayList<>();
          for (List<Object> tuple : tuples) {
            Long out = MEANING.get(program).apply((List<Long>) tuple.get(0));
            if (out == null) {
              return Optional.empty();
            }
            outputs.add(out);
          }
          return Optional.of(outputs);
        };
    ImmutableList<ImmutableList<Object>> tuples =
        ImmutableList.of(
            ImmutableList.of(List.of(1L, 2L)),
            ImmutableList.of(List.of()),
            ImmutableList.of(List.of(5L, 5L, 5L)));
    Dreamer dreamer =
        new Dreamer(
            sampler, runner, List.of(new Dreamer.Inputs("t", TestLibrary.LIST_TO_INT, tuples)), 1);
    List<Dreamer.Fantasy> fantasies = dreamer.dream(6, new SplittableRandom(1));
    // CAR fails on [], ZERO is constant, LENGTH_LONG is replaced by LENGTH (same outputs, smaller).
    assertEquals(List.of(LENGTH, SUM), fantasies.stream().map(Dreamer.Fantasy::program).toList());
    assertEquals(List.of(2L, 0L, 3L), fantasies.get(0).outputs());
    List<TrainingTask> tasks = dreamer.sample(1, new SplittableRandom(1));
    assertEquals(1, tasks.size());
    assertEquals(3, tasks.get(0).examples().size());
  }

  @Test
  void dreamsInTheListDomainAreDistinctNonConstantAndReproducible() {
    reverie.tasks.Domain lists = reverie.tasks.Domains.installed().byName("lists");
    reverie.dsl.grammar.Grammar grammar = reverie.dsl.grammar.Grammar.uniform(lists.primitives());
    ImmutableList<ImmutableList<Object>> tuples =
        ImmutableList.of(
            ImmutableList.of(List.of(1L, 2L, 3L)),
            ImmutableList.of(List.of()),
            ImmutableList.of(List.of(5L, 0L)),
            ImmutableList.of(List.of(7L)));
    Dreamer dreamer =
        Dreamer.of(
            reverie.tasks.Scorer.of(lists),
            grammar,
            List.of(
                new Dreamer.Inputs("a", TestLibrary.LIST_TO_LIST, tuples),
                new Dreamer.Inputs("b", TestLibrary.LIST_TO_INT, tuples)));
    List<Dreamer.Fantasy> fantasies = dreamer.dream(60, new SplittableRandom(5));
    org.junit.jupiter.api.Assertions.assertTrue(
        fantasies.size() >= 3, "only " + fantasies.size() + " fantasies");
    java.util.Set<List<Object>> behaviours = new java.util.HashSet<>();
    for (Dreamer.Fantasy f : fantasies) {
      org.junit.jupiter.api.Assertions.assertTrue(
          f.outputs().stream().distinct().count() > 1, f.toString());
      org.junit.jupiter.api.Assertions.assertTrue(
          behaviours.add(List.of(f.inputs().task(), f.outputs())), f.toString());
    }
    assertEquals(fantasies, dreamer.dream(60, new SplittableRandom(5)));
  }
}

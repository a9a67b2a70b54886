package reverie.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import reverie.dsl.eval.ListValue;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.engine.enumerate.Frontier;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Example;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * The wake searches under the library's prior and, once there is a model, under the model's grammar
 * too, each with its share of the budget: a task the model misreads is still solved.
 */
class EnumerationWakeTest {
  private static final Domain LISTS = Domains.installed().byName("lists");
  private static final Type LIST_TO_LIST = Type.parse("list(int) -> list(int)");
  private static final Grammar LIBRARY = Grammar.uniform(LISTS.primitives());
  private static final Program TAIL = Program.parse("(lambda (cdr $0))", LISTS.resolver());

  /** The tail of a list, from five examples. */
  private static Task tail() {
    List<Example> examples = new ArrayList<>();
    for (int n = 2; n < 7; n++) {
      Object[] in = new Object[n];
      Object[] out = new Object[n - 1];
      for (int i = 0; i < n; i++) {
        in[i] = (long) (3 * i + n);
        if (i > 0) {
          out[i - 1] = in[i];
        }
      }
      examples.add(Example.of(List.of(ListValue.wrap(in)), ListValue.wrap(out)));
    }
    return new Task("tail", LIST_TO_LIST, ImmutableList.copyOf(examples), "lists");
  }

  /** A "model" whose grammar all but forbids cdr, as a model misreading the task would. */
  private static ContextualGrammar misread(String model, Task task) {
    double[] w = LIBRARY.logWeights();
    w[LIBRARY.indexOf(Program.parse("cdr", LISTS.resolver()))] = -1000;
    return ContextualGrammar.fromGrammar(LIBRARY.withLogWeights(LIBRARY.logVariable(), w));
  }

  /** A prior that weighs cdr e^2 times as much as the library does, so its scores differ. */
  private static ContextualGrammar prior() {
    double[] w = LIBRARY.logWeights();
    w[LIBRARY.indexOf(Program.parse("cdr", LISTS.resolver()))] += 2;
    return ContextualGrammar.fromGrammar(LIBRARY.withLogWeights(LIBRARY.logVariable(), w));
  }

  private static WakePhase.Result wake(Optional<String> model, double priorShare) {
    Task task = tail();
    EnumerationWake<String> wake =
        new EnumerationWake<>(
            ImmutableMap.of(task.name(), task), EnumerationWakeTest::misread, Scorer.of(LISTS));
    RunConfig config =
        RunConfig.defaults()
            .withThreads(1)
            .withMaxPrograms(OptionalLong.of(2_000))
            .withPriorShare(priorShare);
    PhaseContext context =
        new PhaseContext(config, 1, "wake", 0, ProgressListener.SILENT, new StopSignal());
    return wake.solve(ImmutableList.of(task.name()), LIBRARY, prior(), model, context);
  }

  @Test
  void aTaskTheModelMisreadsIsSolvedInThePriorsShare() {
    assertTrue(wake(Optional.of("model"), 0).frontiers().get("tail").isEmpty());

    WakePhase.Result both = wake(Optional.of("model"), 0.5);
    Frontier f = both.frontiers().get("tail");
    assertEquals(TAIL, f.best().orElseThrow().program());
    // Scored under the library's grammar, not under the grammar that found it.
    assertEquals(LIBRARY.logPrior(TAIL, LIST_TO_LIST), f.best().orElseThrow().logPrior(), 1e-12);
    // The two passes share the program budget.
    assertTrue(both.programsEnumerated() <= 2_000, both.programsEnumerated() + " programs");

    assertEquals(TAIL, wake(Optional.empty(), 0).frontiers().get("tail").best().get().program());
  }
}

package reverie.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Example;
import reverie.tasks.Task;

class TaskRunnerTest {
  final Domain lists = Domains.installed().byName("lists");
  final Task inc =
      new Task(
          "inc",
          Type.parse("list(int) -> list(int)"),
          ImmutableList.of(
              Example.of(List.of(List.of(1L, 2L)), List.of(2L, 3L)),
              Example.of(List.of(List.of()), List.of())),
          "lists");
  final TaskRunner runner = new TaskRunner(Map.of("inc", inc), reverie.tasks.Scorer.of(lists));

  @Test
  void checksProgramsOnEveryExample() {
    assertTrue(
        runner.solves(
            "inc", Program.parse("(lambda (map (lambda (+ $0 1)) $0))", lists.resolver())));
    assertFalse(runner.solves("inc", Program.parse("(lambda $0)", lists.resolver())));
    assertFalse(runner.solves("no such task", Program.parse("(lambda $0)", lists.resolver())));
  }

  @Test
  void showsAnInventionAppliedToTheTasksFirstInput() {
    Invented mapInc =
        (Invented) Program.parse("#(lambda (map (lambda (+ $0 1)) $0))", lists.resolver());
    Grammar g =
        Grammar.uniform(
            ImmutableList.<Program>builder().addAll(lists.primitives()).add(mapInc).build());
    LibraryView view = new LibraryView(g);
    Program app = Program.apply(mapInc, new reverie.dsl.program.Index(0));
    Optional<String> line = runner.run("inc", app, 1, view);
    assertEquals("(f0 $0) with $0 = [1,2] gives [2,3]  (task inc)", line.orElseThrow());
    assertTrue(runner.run("inc", app, 2, view).isEmpty(), "under an inner lambda: not shown");
  }
}

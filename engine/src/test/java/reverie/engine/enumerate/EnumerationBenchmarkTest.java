package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.GeneratedTask;
import reverie.tasks.Task;

class EnumerationBenchmarkTest {

  @Test
  void listRequestsGetFifteenRandomExamplesAsBefore() {
    Domain lists = Domains.installed().byName("lists");
    Type request = Type.parse("list(int) -> list(int)");
    Task task = EnumerationBenchmark.unsolvable(lists, request, new Random(15));
    assertEquals(15, task.examples().size());
    assertEquals("unsolvable", task.name());
    assertEquals(task, EnumerationBenchmark.unsolvable(lists, request, new Random(15)));
  }

  @Test
  void otherRequestsGetTheHardestTaskOfTheDomainsOwnSuites() {
    Domain towers = Domains.installed().byName("towers");
    Type request = Type.parse("tower -> tower");
    Task task = EnumerationBenchmark.unsolvable(towers, request, new Random(15));
    int longest = 0;
    GeneratedTask chosen = null;
    for (GeneratedTask g : towers.suites().get(0).generatedTasks()) {
      longest = Math.max(longest, g.referenceProgram().length());
      if (g.task().equals(task)) {
        chosen = g;
      }
    }
    assertEquals(longest, chosen.referenceProgram().length());
    Domain lists = Domains.installed().byName("lists");
    assertThrows(
        InputException.class,
        () -> EnumerationBenchmark.unsolvable(lists, Type.parse("t0 -> t0"), new Random(1)));
  }

  @Test
  void aDomainWithoutListsIsBenchmarkedOnItsOwnTask() {
    Domain towers = Domains.installed().byName("towers");
    EnumerationBenchmark.Result r =
        EnumerationBenchmark.run(
            towers, Type.parse("tower -> tower"), Double.POSITIVE_INFINITY, 9.0, 1, true);
    assertTrue(r.programs() > 100, r.toString());
  }
}

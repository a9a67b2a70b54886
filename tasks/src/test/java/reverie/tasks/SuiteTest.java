package reverie.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reverie.dsl.InputException;

class SuiteTest {

  @Test
  void builtInListsSuiteHasTheRequiredSize() {
    Suite lists = Suites.byName("lists");
    assertTrue(lists.size() >= 200, "lists has " + lists.size() + " tasks");
    Set<String> families = new HashSet<>();
    for (GeneratedTask t : Suites.generatedTasks("lists")) {
      families.add(t.family());
      int n = t.task().examples().size();
      assertTrue(10 <= n && n <= 15, t.task().name() + " has " + n + " examples");
      assertEquals("lists", t.task().domain());
    }
    assertTrue(families.size() >= 40, "lists has " + families.size() + " families");
  }

  @Test
  void builtInTextSuiteHasTheRequiredSize() {
    Suite text = Suites.byName("text");
    assertTrue(text.size() >= 100, "text has " + text.size() + " tasks");
    for (Task t : text.tasks()) {
      int n = t.examples().size();
      assertTrue(4 <= n && n <= 8, t.name() + " has " + n + " examples");
      assertEquals("text", t.domain());
    }
  }

  @Test
  void builtInSuitesAreTheSameEveryTime() {
    assertEquals(Suites.byName("lists"), Suites.byName("lists"));
    assertEquals(Suites.byName("text"), Suites.byName("text"));
  }

  @Test
  void examplesHaveTheRequestTypes() {
    for (String name : Suites.names()) {
      for (Task t : Suites.byName(name).tasks()) {
        Domain d = Domains.installed().byName(t.domain());
        for (Example e : t.examples()) {
          for (int i = 0; i < t.arity(); i++) {
            assertTrue(hasType(d, e.inputs().get(i), t.inputTypes().get(i)), t.name());
          }
          assertTrue(hasType(d, e.output(), t.outputType()), t.name());
        }
      }
    }
  }

  /** Whether the value reads back equal from its JSON form as a value of {@code type}. */
  private static boolean hasType(Domain d, Object value, reverie.dsl.type.Type type) {
    try {
      return d.valueFromJson(d.valueToJson(value, type), type).equals(value);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Test
  void splitIsDeterministicAndPartitions() {
    Suite lists = Suites.byName("lists");
    Suite.Split a = lists.split(0.5, 7);
    Suite.Split b = lists.split(0.5, 7);
    assertEquals(a, b);
    assertEquals(Math.round(0.5 * lists.size()), a.train().size());
    assertEquals(lists.size(), a.train().size() + a.test().size());
    Set<Task> all = new HashSet<>(a.train().tasks());
    all.addAll(a.test().tasks());
    assertEquals(new HashSet<>(lists.tasks()), all);
    assertNotEquals(a.train(), lists.split(0.5, 8).train());
    assertEquals(0, lists.split(0.0, 1).train().size());
    assertEquals(lists.size(), lists.split(1.0, 1).train().size());
  }

  @Test
  void splitKeepingFamiliesPutsOneOfEachFamilyInTraining() {
    Suite lists = Suites.byName("lists");
    Suite.Split split = lists.splitKeepingFamilies(0.2, 3);
    assertEquals(split, lists.splitKeepingFamilies(0.2, 3));
    assertEquals(lists.size(), split.train().size() + split.test().size());
    Set<String> trained = new HashSet<>();
    split.train().tasks().forEach(t -> trained.add(Suite.family(t.name())));
    for (Task t : split.test().tasks()) {
      long relatives =
          lists.tasks().stream()
              .filter(o -> Suite.family(o.name()).equals(Suite.family(t.name())))
              .count();
      assertTrue(relatives < 2 || trained.contains(Suite.family(t.name())), t.name());
    }
    assertTrue(split.train().size() >= Math.round(0.2 * lists.size()));
    assertEquals("add-k", Suite.family("add-k with k=3"));
    assertEquals("sum", Suite.family("sum"));
  }

  @Test
  void unknownSuiteAndTaskAreInputErrors() {
    InputException e = assertThrows(InputException.class, () -> Suites.byName("nope"));
    assertTrue(e.getMessage().contains("lists, logo, text"), e.getMessage());
    InputException t =
        assertThrows(InputException.class, () -> Suites.byName("lists").task("nope"));
    assertTrue(t.getMessage().contains("no task 'nope' in suite 'lists'"), t.getMessage());
  }
}

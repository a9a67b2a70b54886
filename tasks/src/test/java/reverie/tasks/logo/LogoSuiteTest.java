package reverie.tasks.logo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reverie.tasks.GeneratedTask;
import reverie.tasks.Suite;
import reverie.tasks.Suites;

/** The built-in logo suite: its size, families, and that every target is a distinct drawing. */
class LogoSuiteTest {
  private static final List<GeneratedTask> TASKS = Suites.generatedTasks("logo");

  @Test
  void hasTheAdvertisedSizeAndFamilies() {
    assertEquals(LogoSuite.SIZE, TASKS.size());
    Set<String> families = new LinkedHashSet<>();
    TASKS.forEach(t -> families.add(t.family()));
    assertEquals(LogoSuite.FAMILIES, families.size(), families.toString());
    assertTrue(TASKS.size() >= 100);
    for (GeneratedTask t : TASKS) {
      assertEquals(t.family(), Suite.family(t.task().name()), t.task().name());
    }
  }

  @Test
  void everyTargetIsADistinctDrawingOnTheCanvas() {
    LogoDomain logo = new LogoDomain();
    Map<GreyImage, String> seen = new HashMap<>();
    for (GeneratedTask t : TASKS) {
      Turtle drawn = logo.draw(t.referenceProgram());
      assertTrue(drawn.drawing().onCanvas(), t.task().name());
      GreyImage target = (GreyImage) t.task().examples().get(0).output();
      assertEquals(28, target.size());
      String earlier = seen.put(target, t.task().name());
      assertEquals(null, earlier, t.task().name() + " draws the same image as " + earlier);
    }
  }

  @Test
  void aFamilyPreservingSplitKeepsAMemberOfEveryFamilyInTraining() {
    Suite.Split split = Suites.byName("logo").splitKeepingFamilies(0.5, 0);
    Set<String> trained = new LinkedHashSet<>();
    split.train().tasks().forEach(t -> trained.add(Suite.family(t.name())));
    assertEquals(LogoSuite.FAMILIES, trained.size());
  }
}

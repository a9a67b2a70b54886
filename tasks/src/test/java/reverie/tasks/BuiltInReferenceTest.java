package reverie.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in task's reference program passes all of its examples, through {@link
 * CheckReport#check}, for every installed domain's suites.
 */
class BuiltInReferenceTest {

  @ParameterizedTest
  @MethodSource("reverie.tasks.Suites#names")
  void referenceProgramsPassEveryExample(String suite) {
    List<String> failures = new ArrayList<>();
    for (GeneratedTask t : Suites.generatedTasks(suite)) {
      CheckReport report =
          Scorer.of(Domains.installed().byName(t.task().domain()))
              .check(t.task(), t.referenceProgram());
      if (!report.passed()) {
        failures.add(
            t.task().name()
                + ": "
                + t.referenceProgram()
                + " fails "
                + report.firstFailure().orElseThrow());
      }
    }
    assertEquals(List.of(), failures);
  }
}

package reverie.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import reverie.dsl.InputException;

/**
 * Coverage-guided fuzzing of the task-file readers, one target per layout (each starts from its own
 * seeds; the layout is recognised from the content, so the fuzzer may wander into the others):
 * DreamCoder's list tasks, DreamCoder-style text tasks with a request, and Reverie's suite format.
 * Every input reads as a suite that Reverie's format writes and reads back equal, or is refused
 * with a {@link TaskFormatException} naming the file.
 */
class TaskFileReaderFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void dreamCoderLists(byte[] input) {
    read(input);
  }

  @FuzzTest(maxDuration = "10m")
  void dreamCoderText(byte[] input) {
    read(input);
  }

  @FuzzTest(maxDuration = "10m")
  void reverieSuite(byte[] input) {
    read(input);
  }

  private static void read(byte[] input) {
    Suite suite;
    try {
      suite = TaskFiles.parse(input, "fuzz.json", "fuzz", Domains.installed());
    } catch (InputException e) {
      assertEquals(TaskFormatException.class, e.getClass(), e::getMessage);
      FuzzContract.rejected(e, "fuzz.json: ", FuzzContract.text(input));
      return;
    }
    assertFalse(suite.tasks().isEmpty());
    String written = Suites.toJsonString(suite);
    Suite again =
        TaskFiles.parse(
            written.getBytes(StandardCharsets.UTF_8), "again.json", "fuzz", Domains.installed());
    assertEquals(suite.tasks(), again.tasks(), written);
  }
}

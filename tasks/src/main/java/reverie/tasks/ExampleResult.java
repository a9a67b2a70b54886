package reverie.tasks;

import java.util.Optional;

/**
 * What a program did on one example: the value it returned, or why it failed (a partial primitive,
 * an exhausted budget); it passes when the value equals the expected output.
 */
public record ExampleResult(
    int index, Example example, Optional<Object> actual, Optional<String> error) {

  public ExampleResult {
    if (actual.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("an example result has either a value or an error");
    }
  }

  /** Whether the program returned the expected output. */
  public boolean passed() {
    return actual.isPresent() && example.output().equals(actual.get());
  }
}

package reverie.tasks;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One input/output pair of a task: the arguments given to the program, left to right, and the value
 * it must return. Values are the run-time values of {@link Domain}: {@link Long}, {@link Boolean},
 * {@link Integer} code points for characters, immutable lists of those.
 */
public record Example(ImmutableList<Object> inputs, Object output) {

  public Example {
    inputs = ImmutableList.copyOf(inputs);
    checkNotNull(output, "null output");
  }

  /** An example from any list of inputs. */
  public static Example of(List<?> inputs, Object output) {
    return new Example(ImmutableList.copyOf(inputs), output);
  }
}

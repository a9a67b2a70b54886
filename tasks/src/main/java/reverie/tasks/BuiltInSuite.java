package reverie.tasks;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;

/**
 * A suite that a domain generates by code ({@code --suite NAME}): its name, one line about it, and
 * its tasks with their families and reference programs, generated on first use and then kept.
 */
public final class BuiltInSuite {
  /**
   * The seed of the built-in suites; fixed so that every run and every machine sees the same tasks.
   */
  public static final long SEED = 20240601L;

  private final String name;
  private final String description;
  private final Supplier<ImmutableList<GeneratedTask>> tasks;

  /** A suite whose tasks {@code generator} makes (called once, on first use). */
  public BuiltInSuite(
      String name,
      String description,
      java.util.function.Supplier<ImmutableList<GeneratedTask>> generator) {
    checkArgument(!name.isEmpty(), "empty suite name");
    this.name = name;
    this.description = description;
    this.tasks = Suppliers.memoize(generator::get);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The tasks with their families and reference programs. */
  public ImmutableList<GeneratedTask> generatedTasks() {
    return tasks.get();
  }

  /** The suite of {@code domain}: the tasks without their reference programs. */
  public Suite suite(String domain) {
    return new Suite(
        name,
        domain,
        generatedTasks().stream()
            .map(GeneratedTask::task)
            .collect(ImmutableList.toImmutableList()));
  }
}

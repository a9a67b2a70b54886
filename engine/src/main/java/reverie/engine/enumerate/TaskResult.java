package reverie.engine.enumerate;

import reverie.tasks.Task;

/**
 * What solving did for one task: its frontier, the CPU seconds charged to it (its share of the
 * enumeration it took part in), and how many programs were checked against it.
 */
public record TaskResult(Task task, Frontier frontier, double seconds, long programsTried) {

  public boolean solved() {
    return !frontier.isEmpty();
  }
}

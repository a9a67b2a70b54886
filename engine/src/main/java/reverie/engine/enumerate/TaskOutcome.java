package reverie.engine.enumerate;

/**
 * What a search did for one task: its frontier, the CPU seconds charged to it (its share of the
 * job's enumeration), and how many programs were checked against it.
 */
public record TaskOutcome(String task, Frontier frontier, double cpuSeconds, long programsTried) {

  public boolean solved() {
    return !frontier.isEmpty();
  }
}

package reverie.engine.recognition;

/**
 * What a training run did: steps, how many replay and fantasy tasks it drew from, the mean loss
 * over the first and last tenth of the steps (nats per task), and the wall time.
 */
public record TrainingReport(
    int steps, int replays, int fantasies, double firstLoss, double lastLoss, double seconds) {

  public double stepsPerSecond() {
    return seconds > 0 ? steps / seconds : Double.POSITIVE_INFINITY;
  }
}

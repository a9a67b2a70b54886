package reverie.engine.recognition;

/**
 * A progress report during training: steps done, the mean loss over the steps since the last
 * report, time.
 */
public record TrainingProgress(int step, int steps, double meanLoss, double seconds) {}

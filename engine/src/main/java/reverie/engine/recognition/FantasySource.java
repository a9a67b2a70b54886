package reverie.engine.recognition;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where fantasies come from: programs sampled from the current grammar and run on real tasks'
 * inputs, already filtered (no failures, no constant outputs, one program per distinct output
 * vector). See {@link Dreamer}.
 */
@FunctionalInterface
public interface FantasySource {

  /** Up to {@code count} fantasies, drawn with {@code random} (deterministic for a given state). */
  List<TrainingTask> sample(int count, SplittableRandom random);

  /** No fantasies: train on replays alone. */
  static FantasySource none() {
    return (count, random) -> List.of();
  }
}

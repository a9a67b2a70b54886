package reverie.engine.loop;

import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.Optional;
import reverie.dsl.grammar.Grammar;
import reverie.engine.enumerate.Frontier;

/**
 * Sleep, dreaming: trains the recognition model on replays of the frontiers and on fantasies
 * sampled from the grammar, and saves and loads it as part of a checkpoint.
 *
 * @param <M> the recognition model type
 */
public interface DreamPhase<M> {

  /**
   * A model trained for {@code grammar} on {@code frontiers}, continuing from {@code previous} when
   * it fits the grammar; empty when recognition is off.
   */
  Optional<M> dream(
      Grammar grammar,
      ImmutableMap<String, Frontier> frontiers,
      Optional<M> previous,
      PhaseContext context);

  /**
   * Writes {@code model} into {@code directory} (a fresh, empty folder of a checkpoint being
   * written).
   */
  void save(M model, Path directory);

  /**
   * Reads a model written by {@link #save} for {@code grammar}; an {@link
   * reverie.dsl.InputException} if bad.
   */
  M load(Path directory, Grammar grammar);

  /** No recognition model (DreamCoder's {@code --no-recognition} ablation). */
  static <M> DreamPhase<M> none() {
    return new DreamPhase<>() {
      @Override
      public Optional<M> dream(
          Grammar grammar,
          ImmutableMap<String, Frontier> frontiers,
          Optional<M> previous,
          PhaseContext context) {
        return Optional.empty();
      }

      @Override
      public void save(M model, Path directory) {
        throw new IllegalStateException("no recognition model to save");
      }

      @Override
      public M load(Path directory, Grammar grammar) {
        throw new IllegalStateException("this run has no recognition model");
      }
    };
  }
}

package reverie.engine.loop;

import java.nio.file.Path;
import java.util.Optional;
import reverie.engine.enumerate.JobRunner;
import reverie.engine.recognition.RecognitionModel;
import reverie.tasks.Domains;

/**
 * The wake-sleep loop with Reverie's own phases: enumeration ({@link EnumerationWake}), compression
 * and refit ({@link CompressionAbstraction}), and the recognition model ({@link RecognitionDream},
 * or none with {@code --no-recognition}); and the checkpoints such a loop writes, for {@code
 * reverie solve|dream --checkpoint}.
 */
public final class StandardLoop {
  /**
   * Inventions the compressor may add in one iteration (it stops earlier when none is worth
   * adding).
   */
  public static final int ABSTRACTIONS_PER_ITERATION = 3;

  private StandardLoop() {}

  /** The loop over {@code tasks}, checkpointing into {@code store}. */
  public static WakeSleepLoop<RecognitionModel> create(
      RunTasks tasks, CheckpointStore store, ProgressListener progress, StopSignal stop) {
    return create(tasks, store, progress, stop, Optional.empty());
  }

  /**
   * The loop over {@code tasks}, checkpointing into {@code store}, its wake and test jobs run by
   * {@code runner} when present (a cluster; compression, recognition and checkpoints stay here).
   */
  public static WakeSleepLoop<RecognitionModel> create(
      RunTasks tasks,
      CheckpointStore store,
      ProgressListener progress,
      StopSignal stop,
      Optional<JobRunner> runner) {
    return new WakeSleepLoop<>(
        store,
        tasks.split(),
        tasks.baseGrammar(),
        tasks.resolver(),
        new EnumerationWake<RecognitionModel>(
            tasks.tasks(), RecognitionDream::predict, tasks.scorer(), runner),
        new CompressionAbstraction(
            ABSTRACTIONS_PER_ITERATION,
            tasks.runner()::solves,
            tasks.domain().symmetries(),
            tasks::hygiene),
        dream(tasks, store),
        progress,
        stop);
  }

  private static DreamPhase<RecognitionModel> dream(RunTasks tasks, CheckpointStore store) {
    return store.config().recognition()
        ? new RecognitionDream(tasks.tasks(), tasks.split().train(), tasks.scorer())
        : DreamPhase.none();
  }

  /**
   * A verified checkpoint of a run with the run's tasks: its library and, if trained, its
   * recognition model.
   */
  public record Loaded(RunTasks tasks, Checkpoint<RecognitionModel> checkpoint) {}

  /**
   * Opens the checkpoint of {@code dir} at {@code iteration} (the latest when empty), verified
   * against its manifest and against the run's own tasks ({@link RunTasks#open}: its copy of the
   * task file; the caller prints {@link RunTasks#warnings}); an {@link reverie.dsl.InputException}
   * when it is missing, corrupt, of another version or names tasks the run does not have.
   */
  public static Loaded open(Path dir, Optional<Integer> iteration, Domains domains) {
    CheckpointStore store = CheckpointStore.open(dir);
    RunTasks tasks = RunTasks.open(store, domains);
    int i = store.resolveIteration(iteration);
    DreamPhase<RecognitionModel> loader =
        new RecognitionDream(tasks.tasks(), tasks.split().train(), tasks.scorer());
    Checkpoint<RecognitionModel> checkpoint = store.load(i, tasks.resolver(), loader);
    tasks.check(checkpoint, store.folder(i));
    return new Loaded(tasks, checkpoint);
  }
}

/**
 * The wake-sleep loop: {@link reverie.engine.loop.WakeSleepLoop} alternates wake ({@link
 * reverie.engine.loop.WakePhase}: search for programs), abstraction ({@link
 * reverie.engine.loop.AbstractionPhase}: learn inventions and refit the grammar) and dreaming
 * ({@link reverie.engine.loop.DreamPhase}: train the recognition model), evaluating the test split
 * after each iteration.
 *
 * <p>A run lives in one directory ({@link reverie.engine.loop.CheckpointStore}): its {@link
 * reverie.engine.loop.RunConfig}, one verified {@link reverie.engine.loop.Checkpoint} per
 * iteration, {@code metrics.jsonl} ({@link reverie.engine.loop.IterationMetrics}) and the {@link
 * reverie.engine.loop.LearningCurve}. Every file is written atomically ({@link
 * reverie.engine.loop.AtomicFiles}), so a killed run resumes from its last complete iteration.
 * {@link reverie.engine.loop.LibraryReport} and {@link reverie.engine.loop.Export} read checkpoints
 * for {@code reverie library} and {@code reverie export}.
 */
package reverie.engine.loop;

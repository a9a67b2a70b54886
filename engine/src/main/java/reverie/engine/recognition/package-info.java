/**
 * The recognition model: DreamCoder's second sleep phase ("dreaming").
 *
 * <p>{@link reverie.engine.recognition.RecognitionModel} predicts, from a task's examples, a
 * contextual grammar ({@link reverie.dsl.grammar.ContextualGrammar}) under which that task's
 * solution is likely; the wake phase then enumerates each task under its own grammar. It is trained
 * ({@link reverie.engine.recognition.RecognitionModel#train}) on replays (solved tasks' frontiers,
 * {@link reverie.engine.recognition.TrainingTask}) and fantasies ({@link
 * reverie.engine.recognition.Dreamer}: programs sampled from the library, run on real inputs).
 *
 * <p>Inside: a {@link reverie.engine.recognition.Featurizer} turns examples into tokens, an {@code
 * ExampleEncoder} (a tabulated 1-D convolution, or a bag of embeddings) into a vector, tanh layers
 * into the task embedding ({@link reverie.engine.recognition.RecognitionModel#embed}), and a linear
 * layer into one log-weight per (context, production or variable). The loss, minus the log-prior of
 * the frontier programs, is computed from {@code UseCounts}: how often each (context, choice) was
 * used and normalised over, so one softmax per normaliser gives its gradient. Everything is plain
 * Java on {@code double[]}.
 */
package reverie.engine.recognition;

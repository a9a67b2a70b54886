package reverie.tasks;

/**
 * How a domain presents a task's examples to the recognition model: the seam through which a domain
 * brings its own input representation. The engine has one encoder per kind of featurizer (a
 * convolution over token sequences for {@link SequenceFeaturizer}, a small convolutional network
 * over pictures for {@link ImageFeaturizer}); the kind is closed so that the engine can tell, at
 * compile time, that it has an encoder for every kind.
 */
public sealed interface Featurizer permits SequenceFeaturizer, ImageFeaturizer {

  /**
   * The name stored with a trained model; a model is only reused by a featurizer of the same name
   * (and vocabulary).
   */
  String name();
}

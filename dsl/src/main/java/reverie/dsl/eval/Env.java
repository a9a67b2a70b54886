package reverie.dsl.eval;

/**
 * One frame of a run-time environment: the value of {@code $0}; {@code $i} is {@code i} frames up.
 */
final class Env {
  final Object value;
  final Env parent;

  Env(Object value, Env parent) {
    this.value = value;
    this.parent = parent;
  }
}

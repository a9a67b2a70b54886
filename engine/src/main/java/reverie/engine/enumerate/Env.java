package reverie.engine.enumerate;

/**
 * The types of the variables in scope, innermost ({@code $0}) first, as an immutable linked list.
 */
final class Env {
  final FastType type;
  final Env next;
  final int size;

  Env(FastType type, Env next) {
    this.type = type;
    this.next = next;
    this.size = next == null ? 1 : next.size + 1;
  }

  static int size(Env e) {
    return e == null ? 0 : e.size;
  }
}

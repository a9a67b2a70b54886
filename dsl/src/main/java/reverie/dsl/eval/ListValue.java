package reverie.dsl.eval;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The immutable lists that primitives build: a slice of an array that is never written after
 * construction, so that {@code cdr} is a constant-time view. Equal to any {@link List} with equal
 * elements.
 */
public final class ListValue extends AbstractList<Object> implements RandomAccess {
  /** The empty list. */
  public static final ListValue EMPTY = new ListValue(new Object[0], 0, 0);

  private final Object[] items;
  private final int from;
  private final int to;

  private ListValue(Object[] items, int from, int to) {
    this.items = items;
    this.from = from;
    this.to = to;
  }

  /** A list of {@code items}, which the caller hands over and must not change any more. */
  public static ListValue wrap(Object[] items) {
    return items.length == 0 ? EMPTY : new ListValue(items, 0, items.length);
  }

  /** {@code head} in front of {@code tail} (copies the tail). */
  public static ListValue cons(Object head, List<?> tail) {
    Object[] items = new Object[tail.size() + 1];
    items[0] = head;
    for (int i = 1; i < items.length; i++) {
      items[i] = tail.get(i - 1);
    }
    return new ListValue(items, 0, items.length);
  }

  @Override
  public Object get(int index) {
    if (index < 0 || index >= to - from) {
      throw new IndexOutOfBoundsException("index " + index + " of a list of " + (to - from));
    }
    return items[from + index];
  }

  @Override
  public int size() {
    return to - from;
  }

  /**
   * Equal to any list with equal elements, as {@link AbstractList#equals} says, but sizes first:
   * the wake compares every candidate's output with the expected one, and most differ in length.
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof List<?> other) || other.size() != size()) {
      return false;
    }
    if (other instanceof ListValue v) {
      for (int i = from, j = v.from; i < to; i++, j++) {
        if (!items[i].equals(v.items[j])) {
          return false;
        }
      }
      return true;
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }

  @Override
  public ListValue subList(int fromIndex, int toIndex) {
    if (fromIndex < 0 || toIndex > size() || fromIndex > toIndex) {
      throw new IndexOutOfBoundsException(
          "sublist " + fromIndex + ".." + toIndex + " of " + size());
    }
    return fromIndex == toIndex ? EMPTY : new ListValue(items, from + fromIndex, from + toIndex);
  }
}

package reverie.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * ListValue's own equality must agree with java.util.List's everywhere: the wake decides that a
 * program solves a task by comparing its output with the expected one, whichever side is a
 * ListValue, a slice of one, or another list.
 */
class ListValueProperties {

  @Property
  void equalityAgreesWithArrayLists(
      @ForAll @Size(max = 6) List<@IntRange(min = -2, max = 2) Integer> a,
      @ForAll @Size(max = 6) List<@IntRange(min = -2, max = 2) Integer> b,
      @ForAll @IntRange(max = 3) int drop) {
    List<Object> left = longs(a);
    List<Object> right = longs(b);
    ListValue l = ListValue.wrap(left.toArray());
    ListValue r = ListValue.wrap(right.toArray());
    boolean expected = left.equals(right);
    assertEquals(expected, l.equals(r));
    assertEquals(expected, l.equals(right));
    assertEquals(expected, right.equals(l));
    if (expected) {
      assertEquals(l.hashCode(), r.hashCode());
      assertEquals(right.hashCode(), l.hashCode());
    }
    // Slices start inside their array: compare the same slices both ways.
    int ld = Math.min(drop, l.size());
    int rd = Math.min(drop, r.size());
    boolean slices = left.subList(ld, left.size()).equals(right.subList(rd, right.size()));
    assertEquals(slices, l.subList(ld, l.size()).equals(r.subList(rd, r.size())));
    assertEquals(slices, l.subList(ld, l.size()).equals(right.subList(rd, right.size())));
  }

  @Property
  void aListValueIsNeverEqualToANonList(
      @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 2) Integer> a) {
    ListValue l = ListValue.wrap(longs(a).toArray());
    assertEquals(false, l.equals(a.isEmpty() ? "" : a.get(0)));
    assertEquals(false, l.equals(null));
  }

  private static List<Object> longs(List<Integer> ints) {
    List<Object> out = new ArrayList<>();
    for (int i : ints) {
      out.add((long) i);
    }
    return out;
  }
}

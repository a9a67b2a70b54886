package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reverie.dsl.type.Type;

class CountTest {
  @Test
  void counts() {
    ProgramEnumeration e = new ProgramEnumeration(ListGrammar.uniform(), Type.parse("list(int) -> list(int)"));
    List<String> seen = new ArrayList<>();
    ProgramEnumeration.Outcome o = e.run(1, 12, w -> (p, lp) -> seen.add(lp + " " + p), () -> false);
    seen.stream().limit(20).forEach(System.out::println);
    assertEquals(672, o.programs());
  }
}

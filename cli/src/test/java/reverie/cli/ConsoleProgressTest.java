package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  @Test
  void withoutATerminalEachStepIsOnePlainLine() {
    StringWriter text = new StringWriter();
    ConsoleProgress p = ConsoleProgress.plain(new PrintWriter(text, true));
    p.message("iteration 1 of 3");
    p.start("wake", 10);
    p.step(4, "2 solved");
    p.step(10, "5 solved");
    p.finish("5/10 solved");
    List<String> lines = text.toString().lines().toList();
    assertEquals(5, lines.size(), text.toString());
    assertEquals("iteration 1 of 3", lines.get(0));
    assertEquals("wake: started (10 steps)", lines.get(1));
    assertTrue(lines.get(2).startsWith("wake: 4/10 2 solved ("), lines.get(2));
    assertTrue(lines.get(4).startsWith("wake: 5/10 solved ("), lines.get(4));
    assertTrue(lines.get(4).endsWith("elapsed)"), lines.get(4));
  }
}

package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  @Test
  void withoutATerminalProgressIsAPlainLineEveryFewSeconds() {
    StringWriter text = new StringWriter();
    long[] now = {0};
    ConsoleProgress p = new ConsoleProgress(new PrintWriter(text, true), null, () -> now[0]);
    p.message("iteration 1 of 3");
    p.start("wake", 1000);
    for (int i = 1; i <= 400; i++) {
      now[0] += 10_000_000L; // 10 ms a step: 4 s in all
      p.step(i, i / 4 + " solved");
    }
    now[0] += ConsoleProgress.LINE_INTERVAL_NANOS;
    p.step(401, "100 solved");
    for (int i = 402; i <= 1000; i++) {
      now[0] += 10_000_000L;
      p.step(i, i / 4 + " solved");
    }
    p.finish("250/1000 solved");
    List<String> lines = text.toString().lines().toList();
    assertEquals(
        List.of(
            "iteration 1 of 3",
            "wake: started (1000 steps)",
            "wake: 401/1000 100 solved (0:09 elapsed)",
            "wake: 901/1000 225 solved (0:14 elapsed)",
            "wake: 250/1000 solved (0:14 elapsed)"),
        lines);
    assertFalse(text.toString().contains("\r"));
  }

  @Test
  void onATerminalTheBarRedrawsItsLine() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    StringWriter text = new StringWriter();
    ConsoleProgress p =
        new ConsoleProgress(
            new PrintWriter(text, true),
            new PrintStream(terminal, true, StandardCharsets.UTF_8),
            System::nanoTime);
    p.start("wake", 3);
    p.step(1, "0 solved");
    p.step(3, "2 solved");
    p.finish("2/3 solved");
    assertTrue(terminal.toString(StandardCharsets.UTF_8).contains("\r"), terminal.toString());
    assertTrue(text.toString().startsWith("wake: 2/3 solved ("), text.toString());
  }

  @Test
  void stderrOfTheTestsIsNoTerminal() {
    // Surefire's stderr is a pipe: the tests' runs print plain lines, as a log file would get.
    assertFalse(ConsoleProgress.stderrIsTerminal());
  }
}

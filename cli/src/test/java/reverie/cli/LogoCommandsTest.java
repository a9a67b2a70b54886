package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The general commands on the logo domain: check, eval, type, and their one-line errors. */
class LogoCommandsTest {
  private static final String TRIANGLE =
      "(lambda (logo_forLoop 3 (lambda (lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 3) $0)))"
          + " $0))";

  @Test
  void checkPassesTheReferenceAndFailsALine() {
    CliRun pass =
        CliRun.of("check", "--suite", "logo", "--task", "polygon with n=3 length=1", TRIANGLE);
    assertEquals(0, pass.exitCode(), pass.out() + pass.err());
    assertTrue(pass.out().contains("PASS: 1/1"), pass.out());
    CliRun line =
        CliRun.of(
            "check",
            "--suite",
            "logo",
            "--task",
            "polygon with n=3 length=1",
            "(lambda (logo_FWRT logo_UL logo_ZA $0))");
    assertEquals(1, line.exitCode(), line.out());
    assertTrue(line.out().contains("actual a drawing of 1 segment, 1.00 x 0.00 units"), line.out());
  }

  @Test
  void aProgramOfTheWrongTypeIsOneLineAndExitCode3() {
    CliRun r =
        CliRun.of(
            "check",
            "--suite",
            "logo",
            "--task",
            "polygon with n=3 length=1",
            "(lambda (logo_FWRT logo_UL $0))");
    assertEquals(3, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("is not of type turtle -> turtle"), r.err());
  }

  @Test
  void aRunawayDrawingFailsCleanlyOnTheBudget() {
    String runaway =
        "(lambda (logo_forLoop logo_IFTY (lambda (lambda (logo_forLoop logo_IFTY (lambda (lambda"
            + " (logo_forLoop logo_IFTY (lambda (lambda (logo_forLoop logo_IFTY (lambda (lambda"
            + " (logo_FWRT logo_epsL logo_epsA $0))) $0))) $0))) $0))) $0))";
    CliRun r = CliRun.of("check", "--suite", "logo", "--task", "circle with size=1", runaway);
    assertEquals(1, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("budget exceeded"), r.out());
    CliRun draw = CliRun.of("draw", "--domain", "logo", runaway, "--out", "never.png");
    assertEquals(3, draw.exitCode(), draw.err());
    assertTrue(draw.err().contains("budget exceeded"), draw.err());
  }

  @Test
  void evalAndTypeWorkOnDrawings() {
    CliRun type = CliRun.of("type", "--domain", "logo", TRIANGLE);
    assertEquals(0, type.exitCode(), type.err());
    assertEquals("turtle -> turtle", type.out().strip());
    CliRun eval = CliRun.of("eval", "--domain", "logo", TRIANGLE, "\"start\"");
    assertEquals(0, eval.exitCode(), eval.err());
    assertTrue(eval.out().startsWith("{\"size\":28,\"pixels\":\""), eval.out());
  }
}

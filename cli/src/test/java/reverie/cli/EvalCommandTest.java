package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code reverie type} and {@code reverie eval}, run in-process. */
class EvalCommandTest {

  /** Exit code, standard output and standard error of one command line. */
  record Outcome(int code, String out, String err) {}

  static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString().strip(), err.toString().strip());
  }

  @ParameterizedTest(name = "type {0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
"""
(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))     | list(int) -> int
(lambda (map (lambda (+ $0 1)) $0))                  | list(int) -> list(int)
(lambda (lambda (cons $1 $0)))                       | t0 -> list(t0) -> list(t0)
unfold                                               | t0 -> (t0 -> bool) -> (t0 -> t1) -> (t0 -> t0) -> list(t1)
""")
  void typePrintsTheInferredType(String program, String type) {
    Outcome o = run("type", "--domain", "lists", program);
    assertEquals(new Outcome(0, type, ""), o);
    assertEquals(o, run("type", program));
  }

  @ParameterizedTest(name = "eval {0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
"""
lists | (lambda (map (lambda (+ $0 1)) $0))             | [1,2,3]     |            | [2,3,4]
lists | (lambda (lambda (cons $1 $0)))                  | 1           | [2,3]      | [1,2,3]
lists | (lambda (lambda (cons $1 $0)))                  | []          | []         | [[]]
lists | (lambda (cdr $0))                               | [true,false]|            | [false]
lists | (lambda (is-prime $0))                          | 7           |            | true
lists | (range 3)                                       |             |            | [0,1,2]
text  | (lambda (map (lambda (if (char-eq? $0 ',') '.' $0)) $0)) | "a,b" |      | "a.b"
text  | (lambda (cdr $0))                               | "ab"        |            | "b"
text  | (lambda (car $0))                               | "ab"        |            | "a"
""")
  void evalPrintsTheResultAsJson(
      String domain, String program, String a, String b, String expected) {
    String[] args =
        b == null
            ? (a == null
                ? new String[] {"eval", "--domain", domain, program}
                : new String[] {"eval", "--domain", domain, program, a})
            : new String[] {"eval", "--domain", domain, program, a, b};
    assertEquals(new Outcome(0, expected, ""), run(args));
  }

  @ParameterizedTest(name = "eval {0} {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
"""
(lambda (car $0))                  | []     | reverie: evaluation failed: car of an empty list
(lambda (+ $0 1))                  | "abc"  | reverie: argument 1: expected an int, found "abc"
(lambda (lambda (+ $0 $1)))        | 1      | reverie: the program (lambda (lambda (+ $0 $1))) of type int -> int -> int takes 2 arguments, given 1
(lambda (+ $0 1)                   | 1      | reverie: column 1: this '(' is never closed in '(lambda (+ $0 1)'
(lambda (unfold $0 (lambda (eq? 0 1)) (lambda $0) (lambda (+ $0 1)))) | 0 | reverie: evaluation failed: unfold did not stop within 50 steps
""")
  void badInputExitsWithCode3(String program, String argument, String message) {
    assertEquals(new Outcome(3, "", message), run("eval", program, argument));
  }

  @org.junit.jupiter.api.Test
  void hundredMillionCellsFailWithinTheBudget() {
    Outcome o =
        run(
            "eval",
            "(lambda (map (lambda (map (lambda (map (lambda (range 99)) (range 99))) (range 99)))"
                + " (range 99)))",
            "0");
    assertEquals(3, o.code());
    assertTrue(o.err().startsWith("reverie: evaluation failed: "), o.err());
    assertTrue(o.err().contains("budget exceeded"), o.err());
  }

  @org.junit.jupiter.api.Test
  void malformedJsonIsBadInput() {
    Outcome o = run("eval", "(lambda (+ $0 1))", "[1");
    assertEquals(3, o.code());
    assertEquals(
        "reverie: argument 1: the text ends in the middle of an array (line 1, column 3)", o.err());
  }

  @ParameterizedTest(name = "eval {0} {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          (lambda (+ $0 1)) | 1 2      | reverie: argument 1: unexpected text after the JSON value (line 1, column 3)
          (lambda (+ $0 1)) | [1] x    | reverie: argument 1: unexpected word 'x' (line 1, column 6)
          (lambda (+ $0 1)) | 1,       | reverie: argument 1: unexpected character ',' (line 1, column 2)
          (lambda (+ $0 1)) | NaN      | reverie: argument 1: NaN is not a number (line 1, column 4)
          (lambda (+ $0 1)) | 1e400    | reverie: argument 1: number out of range
          (lambda (+ $0 99999999999999999999)) | 1 | reverie: column 15: integer literal 99999999999999999999 is out of range (it must fit in 64 bits) in '(lambda (+ $0 99999999999999999999))'
          """)
  void argumentsAreOneJsonValueEach(String program, String argument, String message) {
    assertEquals(new Outcome(3, "", message), run("eval", program, argument));
  }

  @org.junit.jupiter.api.Test
  void aLiteralOf19DigitsThatFitsIsAnInt() {
    assertEquals(
        new Outcome(0, "9223372036854775807", ""),
        run("eval", "(lambda (+ $0 9223372036854775806))", "1"));
  }

  @org.junit.jupiter.api.Test
  void illTypedProgramIsBadInput() {
    assertEquals(
        new Outcome(3, "", "reverie: in (+ $0 empty): cannot unify int -> int with list(t2) -> t3"),
        run("type", "(lambda (+ $0 empty))"));
  }

  @org.junit.jupiter.api.Test
  void helpAndUsage() {
    Outcome help = run("eval", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().startsWith("Evaluate a program on JSON arguments."), help.out());
    assertEquals(2, run("eval").code());
    assertEquals(2, run("type", "--bogus", "1").code());
  }

  @org.junit.jupiter.api.Test
  void unknownDomainIsAUsageError() {
    Outcome o = run("type", "--domain", "nope", "1");
    assertEquals(2, o.code());
    assertTrue(o.err().startsWith("reverie: unknown domain 'nope' (installed: "), o.err());
  }

  @org.junit.jupiter.api.Test
  void aCharacterOutsideTheBasicMultilingualPlaneIsOneCharacter() {
    String smile = new String(Character.toChars(0x1F642));
    assertEquals(
        new Outcome(0, "1", ""),
        run("eval", "--domain", "text", "(lambda (length $0))", "\"" + smile + "\""));
    assertEquals(
        new Outcome(0, "\"" + smile + "\"", ""),
        run("eval", "--domain", "text", "(lambda (car $0))", "\"" + smile + "b\""));
  }
}

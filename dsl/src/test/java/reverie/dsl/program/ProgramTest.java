package reverie.dsl.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reverie.dsl.program.TestPrimitives.parse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reverie.dsl.ParseException;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeError;

class ProgramTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(lambda (map (lambda (+ $0 1)) $0))",
        "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))",
        "#(lambda (+ $0 1))",
        "(lambda (#(lambda (lambda (cons $1 $0))) 1 $0))",
        "(#(+ 1) 0)",
        "$3",
        "empty"
      })
  void printsExactlyWhatItParsed(String text) {
    assertEquals(text, parse(text).toString());
  }

  @Test
  void naryApplicationIsCurried() {
    Program p = parse("(+ 0 1)");
    assertEquals(new Application(new Application(parse("+"), parse("0")), parse("1")), p);
    assertEquals(parse("+"), p.applicationHead());
    assertEquals(List.of(parse("0"), parse("1")), p.applicationArguments());
  }

  @Test
  void stitchLamIsLambda() {
    assertEquals(parse("(lambda (car $0))"), parse("(lam (car $0))"));
  }

  @Test
  void untypedResolverAcceptsAnyName() {
    Program p =
        Program.parse("(T (repeat (M 1 -0.5) 6) #(lam (C $0)))", PrimitiveResolver.untyped());
    assertEquals("(T (repeat (M 1 -0.5) 6) #(lambda (C $0)))", p.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(lambda (map (lambda (+ $0 1)) $0))|column 28: unknown primitive",
        "(lambda (car $0)|column 1: this '(' is never closed",
        "(lambda (car $0)))|column 18: unexpected ')' after a complete program",
        "(car $x)|column 6: bad variable '$x'",
        "#(lambda $1)|column 1: invention #(lambda $1) has free variables",
        "()|column 2: unexpected ')'",
        "lambda|column 1: 'lambda' must open a parenthesis"
      })
  void malformedProgramsNameTheColumn(String text, String expected) {
    String bad = text.replace("1)) $0))", "one)) $0))");
    ParseException e = assertThrows(ParseException.class, () -> parse(bad));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  @Test
  void inventionsAreTypedWhenParsed() {
    Invented i = (Invented) parse("#(lambda (lambda (cons $1 $0)))");
    assertEquals(Type.parse("t0 -> list(t0) -> list(t0)"), i.type());
    ParseException e = assertThrows(ParseException.class, () -> parse("#(lambda (+ $0 empty))"));
    assertTrue(e.getMessage().contains("ill-typed invention"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))|list(int) -> int",
        "(lambda (map (lambda (+ $0 1)) $0))|list(int) -> list(int)",
        "(lambda (lambda (cons $1 $0)))|t0 -> list(t0) -> list(t0)",
        "(lambda (#(lambda (lambda (cons $1 $0))) (car $0) $0))|list(t0) -> list(t0)",
        "(lambda (map (lambda (if (eq? $0 0) empty (cons $0 empty))) $0))|list(int) -> list(list(int))",
        "map|(t0 -> t1) -> list(t0) -> list(t1)"
      })
  void infersPrincipalTypes(String program, String type) {
    assertEquals(type, TypeInference.infer(parse(program)).toString());
  }

  @Test
  void illTypedProgramsReadAsSentences() {
    TypeError e =
        assertThrows(TypeError.class, () -> TypeInference.infer(parse("(lambda (+ $0 empty))")));
    assertTrue(e.getMessage().contains("cannot unify"), e.getMessage());
    assertThrows(TypeError.class, () -> TypeInference.infer(parse("(car $0)")));
  }

  @Test
  void checkAgainstARequest() {
    Program p = parse("(lambda (cdr $0))");
    assertEquals(
        Type.parse("list(int) -> list(int)"),
        TypeInference.check(p, Type.parse("list(int) -> list(int)")));
    assertThrows(TypeError.class, () -> TypeInference.check(p, Type.parse("int -> int")));
  }

  @Test
  void betaReductionSubstitutesAndShifts() {
    // (lambda ((lambda (lambda (cons $1 $0))) $0)) -> (lambda (lambda (cons $1 $0)))
    Program p = parse("(lambda ((lambda (lambda (cons $1 $0))) $0))");
    assertEquals(parse("(lambda (lambda (cons $1 $0)))"), p.betaNormalForm(100).orElseThrow());
    // A redex whose argument mentions an outer variable must not capture it.
    Program q = parse("(lambda (lambda ((lambda (lambda (cons $1 $0))) $1)))");
    assertEquals(
        parse("(lambda (lambda (lambda (cons $2 $0))))"), q.betaNormalForm(100).orElseThrow());
  }

  @Test
  void betaReductionIsBounded() {
    Program omega =
        Program.parse("((lambda ($0 $0)) (lambda ($0 $0)))", PrimitiveResolver.untyped());
    assertTrue(omega.betaNormalForm(1000).isEmpty());
  }

  @Test
  void freeIndicesAreCountedFromTheRoot() {
    assertEquals(Set.of(0, 2), parse("(cons $0 (lambda (cons $1 $3)))").freeIndices());
    assertTrue(parse("(lambda $0)").isClosed());
  }

  @Test
  void stableHashDependsOnStructureOnly() {
    assertEquals(parse("(lambda (car $0))").stableHash(), parse("(lam (car $0))").stableHash());
    assertNotEquals(
        parse("(lambda (car $0))").stableHash(), parse("(lambda (cdr $0))").stableHash());
  }

  @Test
  void sizeCountsLeavesAndLambdas() {
    assertEquals(6, parse("(lambda (map (lambda (+ $0 1)) $0))").size() - 1);
  }

  @Test
  void anIntegerLiteralBeyond64BitsIsOutOfRangeNotAnUnknownPrimitive() {
    ParseException e =
        assertThrows(ParseException.class, () -> parse("(+ 1 99999999999999999999999)"));
    assertEquals(
        "column 6: integer literal 99999999999999999999999 is out of range (it must fit in 64"
            + " bits) in '(+ 1 99999999999999999999999)'",
        e.getMessage());
  }

  @Test
  void aMessageQuotesAProgramWithLineBreaksOnOneLine() {
    ParseException e = assertThrows(ParseException.class, () -> parse("(+ 1\n nosuch)"));
    assertEquals("column 7: unknown primitive 'nosuch' in '(+ 1\\n nosuch)'", e.getMessage());
  }

  @Test
  void columnsCountCharactersNotUtf16Units() {
    ParseException e = assertThrows(ParseException.class, () -> parse("(+ 1 \uD83D\uDE42)"));
    assertEquals(
        "column 6: unknown primitive '\uD83D\uDE42' in '(+ 1 \uD83D\uDE42)'", e.getMessage());
  }

  @Test
  void nestingIsBoundedInsteadOfExhaustingTheStack() {
    String deep =
        "(".repeat(ProgramParser.MAX_NESTING + 1) + "0" + ")".repeat(ProgramParser.MAX_NESTING + 1);
    ParseException e = assertThrows(ParseException.class, () -> parse(deep));
    assertTrue(e.getMessage().contains("nested more than 1000 deep"), e.getMessage());
    String ok = "(".repeat(ProgramParser.MAX_NESTING) + "0" + ")".repeat(ProgramParser.MAX_NESTING);
    assertEquals(parse("0"), parse(ok));
  }

  @Test
  void anInventionOfABarePrimitiveIsRefusedSinceItWouldNotPrintBack() {
    // Found by ProgramFuzzTest: #(+) parsed, printed as #+ and did not parse back.
    ParseException e = assertThrows(ParseException.class, () -> parse("(map #(+) empty)"));
    assertEquals(
        "column 6: an invention's body must be a lambda or an application, not + in '(map #(+)"
            + " empty)'",
        e.getMessage());
    assertEquals("#(+ 1)", parse("#(+ 1)").toString());
  }
}

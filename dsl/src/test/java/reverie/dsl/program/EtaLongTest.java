package reverie.dsl.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reverie.dsl.program.TestPrimitives.parse;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.type.Type;

class EtaLongTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(lambda (map car $0))|list(list(int)) -> list(int)|(lambda (map (lambda (car $0)) $0))",
        "(map car)|list(list(int)) -> list(int)|(lambda (map (lambda (car $0)) $0))",
        "(lambda (lambda (map $1 $0)))|(int -> int) -> list(int) -> list(int)|(lambda (lambda (map (lambda ($2 $0)) $0)))",
        "+|int -> int -> int|(lambda (lambda (+ $1 $0)))",
        "(lambda (fold $0 0 +))|list(int) -> int|(lambda (fold $0 0 (lambda (lambda (+ $1 $0)))))",
      })
  void expandsFunctionTypedSubterms(String program, String request, String expected) {
    assertEquals(
        expected, EtaLong.expand(parse(program), Type.parse(request)).orElseThrow().toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(lambda (map (lambda (car $0)) $0))|(map car)",
        "(lambda (lambda (map (lambda ($2 $0)) $0)))|map",
        "(lambda (lambda (+ $1 $0)))|+",
        "(lambda (lambda (+ $0 $1)))|(lambda (lambda (+ $0 $1)))",
        "(lambda (map (lambda (+ $0 $0)) $0))|(map (lambda (+ $0 $0)))",
        "(lambda ($0 $0))|(lambda ($0 $0))",
        "(lambda (lambda (lambda (#(lambda (lambda (lambda (map (lambda ($3 $0 $2)) $0)))) (lambda"
            + " (lambda ($4 $1 $0))) $1 $0))))|#(lambda (lambda (lambda (map (lambda ($3 $0 $2))"
            + " $0))))",
      })
  void reducesEtaExpansions(String program, String expected) {
    assertEquals(expected, EtaLong.reduce(parse(program)).toString());
  }

  @Test
  void expandingTheReducedFormGivesBackEachSampledProgram() {
    // Sampled programs are eta-long, and the eta-long form of a beta-normal program is unique.
    Grammar g = Grammar.uniform(TestPrimitives.ALL);
    Random random = new Random(4);
    int changed = 0;
    for (String request :
        List.of("list(int) -> list(int)", "list(int) -> int", "int -> list(int) -> list(int)")) {
      Type type = Type.parse(request);
      for (int i = 0; i < 1000; i++) {
        var sample = g.sample(type, random, 6);
        if (sample.isPresent()) {
          Program p = sample.get();
          Program reduced = EtaLong.reduce(p);
          changed += reduced.equals(p) ? 0 : 1;
          assertEquals(
              p, EtaLong.expand(reduced, type).orElseThrow(), () -> "reduced to " + reduced);
        }
      }
    }
    assertTrue(changed > 50, "only " + changed + " samples had an eta-redex");
  }

  @Test
  void refusesIllTypedPrograms() {
    assertTrue(EtaLong.expand(parse("(lambda (car $0))"), Type.parse("int -> int")).isEmpty());
    assertTrue(EtaLong.expand(parse("((lambda $0) 1)"), Type.parse("int")).isEmpty());
  }

  @Test
  void eachSampledProgramIsAlreadyEtaLong() {
    // The grammar's language is eta-long, so expansion must leave its programs alone and keep their
    // prior.
    Grammar g = Grammar.uniform(TestPrimitives.ALL);
    Random random = new Random(3);
    Type request = Type.parse("list(int) -> list(int)");
    int checked = 0;
    for (int i = 0; i < 2000; i++) {
      var sample = g.sample(request, random, 6);
      if (sample.isPresent()) {
        Program p = sample.get();
        assertEquals(p, EtaLong.expand(p, request).orElseThrow());
        checked++;
      }
    }
    assertTrue(checked > 500, "only " + checked + " samples");
  }

  @Test
  void expandedProgramsHaveAPrior() {
    Grammar g = Grammar.uniform(TestPrimitives.ALL);
    Type request = Type.parse("list(list(int)) -> list(int)");
    Program reduced = parse("(lambda (map car $0))");
    assertEquals(Double.NEGATIVE_INFINITY, g.logPrior(reduced, request));
    assertTrue(
        g.logPrior(EtaLong.expand(reduced, request).orElseThrow(), request)
            > Double.NEGATIVE_INFINITY);
  }
}

package reverie.tasks.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.InputException;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.Evaluator;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

class ListDomainTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Domain LISTS = Domains.installed().byName("lists");
  private static final Evaluator EVALUATOR = new Evaluator(LISTS.implementations());

  /** Runs {@code program} on JSON inputs; returns its JSON output, or "error: <message>". */
  static String run(Domain domain, String program, String inputs, Budget budget) throws Exception {
    Program p = Program.parse(program, domain.resolver());
    Type type = TypeInference.infer(p);
    JsonNode json = JSON.readTree("[" + inputs + "]");
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      values.add(domain.valueFromJson(json.get(i), type.functionArguments().get(i)));
    }
    Type result = type;
    for (int i = 0; i < json.size(); i++) {
      result = result.resultType();
    }
    try {
      Object value = new Evaluator(domain.implementations()).compile(p).run(values, budget);
      return domain.valueToJson(value, result).toString();
    } catch (EvaluationException e) {
      return "error: " + e.getMessage();
    }
  }

  @ParameterizedTest(name = "{0} on {1} = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
"""
(lambda (map (lambda (+ $0 1)) $0))                        | [1,2,3]      | [2,3,4]
(lambda (map (lambda (+ $0 1)) $0))                        | []           | []
(lambda (map (lambda (car $0)) $0))                        | [[1],[]]     | error: car of an empty list
(lambda (unfold $0 (lambda (gt? $0 3)) (lambda (* $0 $0)) (lambda (+ $0 1)))) | 0 | [0,1,4,9]
(lambda (unfold $0 (lambda (eq? $0 0)) (lambda $0) (lambda (- $0 1))))         | 3 | [3,2,1]
(lambda (unfold $0 (lambda (eq? $0 0)) (lambda $0) (lambda (- $0 1))))         | 0 | []
(lambda (length (unfold $0 (lambda (eq? $0 0)) (lambda $0) (lambda (- $0 1))))) | 49 | 49
(lambda (unfold $0 (lambda (eq? $0 0)) (lambda $0) (lambda (- $0 1))))         | 50 | error: unfold did not stop within 50 steps
(lambda (unfold $0 (lambda (eq? 0 1)) (lambda $0) (lambda (+ $0 1))))          | 0  | error: unfold did not stop within 50 steps
(lambda (range $0))                                        | 4            | [0,1,2,3]
(lambda (range $0))                                        | 0            | []
(lambda (range $0))                                        | -3           | []
(lambda (length (range $0)))                               | 99           | 99
(lambda (range $0))                                        | 100          | error: range of 100 or more
(lambda (index 1 $0))                                      | [5,6,7]      | 6
(lambda (index $0 (range 3)))                              | 3            | error: index out of range
(lambda (index (- 0 1) $0))                                | [5,6,7]      | error: index out of range
(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))           | [1,2,3]      | 6
(lambda (fold $0 0 (lambda (lambda (- $1 $0)))))           | [1,2,3]      | 2
(lambda (fold $0 empty (lambda (lambda (cons $1 $0)))))    | [1,2,3]      | [1,2,3]
(lambda (fold $0 1 (lambda (lambda (car empty)))))         | []           | 1
(lambda (length $0))                                       | [[],[1],[]]  | 3
(lambda (length $0))                                       | []           | 0
(lambda (if (empty? $0) 0 (car $0)))                       | []           | 0
(lambda (if (empty? $0) 0 (car $0)))                       | [4]          | 4
(lambda (if (empty? $0) (car $0) 0))                       | [4]          | 0
(lambda (lambda (+ $0 $1)))                                | 2, 3         | 5
(lambda (+ $0 1))                                          | 9223372036854775807 | error: integer overflow
(lambda (lambda (- $0 $1)))                                | 2, 3         | 1
(lambda (- $0 1))                                          | -9223372036854775808 | error: integer overflow
empty                                                      |              | []
(lambda (cons $0 empty))                                   | true         | [true]
(lambda (lambda (cons $1 $0)))                             | [1], [[2]]   | [[1],[2]]
(lambda (car $0))                                          | [7,8]        | 7
(lambda (car $0))                                          | []           | error: car of an empty list
(lambda (cdr $0))                                          | [7,8]        | [8]
(lambda (cdr (cdr $0)))                                    | [7,8]        | []
(lambda (cdr $0))                                          | []           | error: cdr of an empty list
(lambda (empty? $0))                                       | []           | true
(lambda (empty? $0))                                       | [0]          | false
(lambda (cons 0 (cons 1 empty)))                           | []           | [0,1]
(lambda (lambda (* $0 $1)))                                | -4, 6        | -24
(lambda (* $0 $0))                                         | 4294967296   | error: integer overflow
(lambda (lambda (mod $1 $0)))                              | 7, 3         | 1
(lambda (lambda (mod $1 $0)))                              | -7, 3        | 2
(lambda (lambda (mod $1 $0)))                              | 7, -3        | -2
(lambda (lambda (mod $1 $0)))                              | 7, 0         | error: mod by zero
(lambda (lambda (gt? $1 $0)))                              | 3, 2         | true
(lambda (lambda (gt? $1 $0)))                              | 2, 2         | false
(lambda (lambda (eq? $1 $0)))                              | 1000, 1000   | true
(lambda (lambda (eq? $1 $0)))                              | 1, 2         | false
(lambda (map (lambda (is-prime $0)) $0))                   | [0,1,2,9,97,199,211,-3] | [false,false,true,false,true,true,false,false]
(lambda (map (lambda (is-square $0)) $0))                  | [0,1,2,4,15,16,1000000,4611686014132420609,9223372036854775807] | [true,true,false,true,false,true,true,true,false]
(lambda (is-square $0))                                    | -4           | error: is-square of a negative number
""")
  void primitivesBehaveAsInDreamCoder(String program, String inputs, String expected)
      throws Exception {
    assertEquals(expected, run(LISTS, program, inputs == null ? "" : inputs, Budget.standard()));
  }

  @Test
  void hasDreamCodersTwentyTwoPrimitives() {
    assertEquals(
        "map unfold range index fold length if + - empty cons car cdr empty? 0 1 * mod gt? eq?"
            + " is-prime is-square",
        String.join(" ", LISTS.primitives().stream().map(p -> p.name()).toList()));
    assertEquals(LISTS.primitives().size(), LISTS.implementations().size());
    assertEquals(
        "list(t0) -> t1 -> (t0 -> t1 -> t1) -> t1",
        LISTS.resolver().resolve("fold").orElseThrow().type().toString());
    assertEquals(
        "t0 -> (t0 -> bool) -> (t0 -> t1) -> (t0 -> t0) -> list(t1)",
        LISTS.resolver().resolve("unfold").orElseThrow().type().toString());
  }

  @Test
  void integerLiteralsAreIntsOutsideTheGrammar() throws Exception {
    assertEquals("[0,1,2]", run(LISTS, "(range 3)", "", Budget.standard()));
    assertEquals("int", TypeInference.infer(Program.parse("42", LISTS.resolver())).toString());
  }

  @Test
  void neverEndingUnfoldFailsQuickly() throws Exception {
    assertEquals(
        "error: unfold did not stop within 50 steps",
        run(
            LISTS,
            "(lambda (unfold $0 (lambda (eq? 0 1)) (lambda $0) (lambda (+ $0 1))))",
            "0",
            Budget.standard()));
  }

  /**
   * A step that returns its seed never stops the unfold; it fails on the first repeat, having
   * charged a handful of steps instead of fifty tests' worth, while an unfold that stops after a
   * repeated head value does not.
   */
  @Test
  void unfoldAtAFixedPointFailsAtOnce() throws Exception {
    Budget budget = Budget.standard();
    assertEquals(
        "error: unfold did not stop within 50 steps",
        run(
            LISTS,
            "(lambda (unfold $0 (lambda (eq? $0 0)) (lambda (+ $0 1)) (lambda $0)))",
            "3",
            budget));
    assertTrue(budget.steps() < 10, "steps: " + budget.steps());
    assertEquals(
        "[1,1,1]",
        run(
            LISTS,
            "(lambda (unfold $0 (lambda (eq? $0 3)) (lambda 1) (lambda (+ $0 1))))",
            "0",
            Budget.standard()));
  }

  @Test
  void hundredMillionCellsFailQuicklyWithoutRunningOutOfMemory() throws Exception {
    String program =
        "(lambda (map (lambda (map (lambda (map (lambda (range 99)) (range 99))) (range 99)))"
            + " (range 99)))";
    String out = run(LISTS, program, "0", Budget.standard());
    assertTrue(
        out.equals("error: allocation budget exceeded (list cells)")
            || out.equals("error: time budget exceeded"),
        out);
    assertEquals(
        "error: allocation budget exceeded (list cells)",
        run(LISTS, program, "0", Budget.of(Long.MAX_VALUE, 60_000_000_000L, 1_000_000)));
  }

  @Test
  void stepBudgetStopsLongComputations() throws Exception {
    String program =
        "(lambda (map (lambda (length (map (lambda (range 99)) (range 99)))) (range 99)))";
    assertEquals(
        "error: step budget exceeded",
        run(LISTS, program, "0", Budget.of(5_000, 60_000_000_000L, Long.MAX_VALUE)));
  }

  @ParameterizedTest(name = "{0} as {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          "abc"        | list(int)       | expected a list of int, found "abc"
          [1,"a"]      | list(int)       | expected an int, found "a" at [1]
          1.5          | int             | expected an int, found 1.5
          1            | bool            | expected a bool, found 1
          [[1],[true]] | list(list(int)) | expected an int, found true at [1][0]
          {"a":1}      | list(bool)      | expected a list of bool, found {"a":1}
          """)
  void badJsonIsRejectedWithAClearMessage(String json, String type, String message)
      throws Exception {
    InputException e =
        assertThrows(
            InputException.class, () -> LISTS.valueFromJson(JSON.readTree(json), Type.parse(type)));
    assertEquals(message, e.getMessage());
  }

  @Test
  void valuesRoundTripThroughJson() throws Exception {
    for (String[] c :
        new String[][] {
          {"[[1,2],[],[3]]", "list(list(int))"}, {"[true,false]", "list(bool)"}, {"-5", "int"}
        }) {
      Type type = Type.parse(c[1]);
      assertEquals(
          c[0], LISTS.valueToJson(LISTS.valueFromJson(JSON.readTree(c[0]), type), type).toString());
    }
  }
}

package reverie.tasks.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
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

class TextDomainTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Domain TEXT = Domains.installed().byName("text");

  private static String run(String program, String input) throws Exception {
    Program p = Program.parse(program, TEXT.resolver());
    Type type = TypeInference.check(p, Type.arrow(TextDomain.STRING, Type.variable(0)));
    Object in = TEXT.valueFromJson(JSON.readTree(input), type.argumentType());
    try {
      Object out =
          new Evaluator(TEXT.implementations()).compile(p).run(List.of(in), Budget.standard());
      return TEXT.valueToJson(out, type.resultType()).toString();
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
(lambda (map (lambda (if (char-eq? $0 ',') '.' $0)) $0))          | "a,b,c"   | "a.b.c"
(lambda (cons LPAREN (fold $0 (cons RPAREN empty) (lambda (lambda (cons $1 $0)))))) | "ab" | "(ab)"
(lambda (map (lambda (if (char-eq? $0 SPACE) '-' $0)) $0))         | "a b c"   | "a-b-c"
(lambda (fold $0 $0 (lambda (lambda (cons $1 $0)))))               | "xy"      | "xyxy"
(lambda (car $0))                                                  | ""        | error: car of an empty list
(lambda (index (+ 1 1) $0))                                        | "abc"     | "c"
(lambda (length $0))                                               | "a(b)c"   | 5
(lambda (char-eq? (car $0) ','))                                   | ",x"      | true
(lambda (cdr $0))                                                  | "a"       | ""
(lambda STRING)                                                    | "ab"      | ""
""")
  void primitivesBehaveAsInDreamCoder(String program, String input, String expected)
      throws Exception {
    assertEquals(expected, run(program, input));
  }

  @Test
  void hasDreamCodersBaseGrammar() {
    assertEquals(
        "map unfold range index fold length if + - empty cons car cdr empty? 0 1 char-eq? '.' ','"
            + " '-' SPACE LPAREN RPAREN STRING",
        String.join(" ", TEXT.primitives().stream().map(p -> p.name()).toList()));
    assertEquals(TEXT.primitives().size(), TEXT.implementations().size());
    assertEquals("char", TEXT.resolver().resolve("SPACE").orElseThrow().type().toString());
    assertEquals("list(char)", TEXT.resolver().resolve("STRING").orElseThrow().type().toString());
  }

  @Test
  void stringConstantCanBeBound() {
    TextDomain text = (TextDomain) TEXT;
    Program p =
        Program.parse("(lambda (fold STRING $0 (lambda (lambda (cons $1 $0)))))", text.resolver());
    Object out =
        new Evaluator(text.implementationsWithString("Dr. "))
            .compile(p)
            .run(
                List.of(TEXT.valueFromJson(JSON.valueToTree("Smith"), TextDomain.STRING)),
                Budget.standard());
    assertEquals("\"Dr. Smith\"", TEXT.valueToJson(out, TextDomain.STRING).toString());
  }

  @Test
  void charactersAreOneCharacterStrings() throws Exception {
    assertEquals((int) 'x', TEXT.valueFromJson(JSON.readTree("\"x\""), TextDomain.CHAR));
    assertEquals("\"x\"", TEXT.valueToJson((int) 'x', TextDomain.CHAR).toString());
    assertEquals(
        "[\"ab\",\"\"]",
        TEXT.valueToJson(
                TEXT.valueFromJson(JSON.readTree("[\"ab\",\"\"]"), Type.parse("list(list(char))")),
                Type.parse("list(list(char))"))
            .toString());
    InputException e =
        assertThrows(
            InputException.class,
            () -> TEXT.valueFromJson(JSON.readTree("\"xy\""), TextDomain.CHAR));
    assertEquals("expected a char (a one-character string), found \"xy\"", e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> TEXT.valueFromJson(JSON.readTree("7"), TextDomain.STRING));
    assertEquals("expected a string, found 7", e.getMessage());
  }

  @ParameterizedTest(name = "{0} on {1} = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          (lambda (length $0))            | "\uD83D\uDE42"      | 1
          (lambda (length $0))            | "a\uD83D\uDE42b"    | 3
          (lambda (car $0))               | "\uD83D\uDE42a"     | "\uD83D\uDE42"
          (lambda (cdr $0))               | "\uD83D\uDE42a"     | "a"
          (lambda (cons (car $0) $0))     | "\uD83D\uDE42"      | "\uD83D\uDE42\uD83D\uDE42"
          (lambda (char-eq? (car $0) (car (cdr $0))))  | "\uD83D\uDE42\uD83D\uDE43" | false
          """)
  void aCharacterIsACodePoint(String program, String input, String expected) throws Exception {
    // Outside the Basic Multilingual Plane a character is two UTF-16 units; it is still one
    // character (#18 item 7: length was 2 and car returned half a surrogate pair).
    Program p = Program.parse(program, TEXT.resolver());
    Type type = reverie.dsl.program.TypeInference.infer(p);
    Object in = TEXT.valueFromJson(JSON.readTree(input), type.functionArguments().get(0));
    Object out =
        new reverie.dsl.eval.Evaluator(TEXT.primitiveTable())
            .compile(p)
            .run(List.of(in), Budget.standard());
    Type result = type.finalResult();
    if (result instanceof reverie.dsl.type.TypeVariable) {
      result = TextDomain.CHAR;
    }
    assertEquals(JSON.readTree(expected).toString(), TEXT.valueToJson(out, result).toString());
  }
}

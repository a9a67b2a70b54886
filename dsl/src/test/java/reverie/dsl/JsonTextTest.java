package reverie.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTextTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [{"name": "a",%n                  | f.json: the text ends in the middle of an object (line 2, column 1)
          [1, 2                             | f.json: the text ends in the middle of an array (line 1, column 6)
          "abc                              | f.json: the text ends in the middle of a string (line 1, column 5)
          [NaN]                             | f.json: NaN is not a number (line 1, column 5)
          [Infinity]                        | f.json: Infinity is not a number (line 1, column 10)
          [1e400]                           | f.json: number out of range at [0]
          {"a": {"b": -1e999}}              | f.json: number out of range at .a.b
          {"a": 1, "a": 2}                  | f.json: the key 'a' appears twice (line 1, column 13)
          1 2                               | f.json: unexpected text after the JSON value (line 1, column 3)
          [tru]                             | f.json: unexpected word 'tru' (line 1, column 5)
          [1,]                              | f.json: unexpected character ']' (line 1, column 4)
          ''                                | f.json: empty (no JSON value)
          """)
  void badJsonReadsAsPlainWords(String text, String message) {
    InputException e =
        assertThrows(
            InputException.class, () -> JsonText.parse(text.replace("%n", "\n"), "f.json"));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      [[[[[[[[[[1]]]]]]]]]]
      {"x": [1, 2.5, "s", true, null]}
      """)
  void goodJsonIsRead(String text) {
    assertEquals(text.replace(" ", ""), JsonText.parse(text, "f.json").toString());
  }

  @org.junit.jupiter.api.Test
  void nestingIsBounded() {
    String deep = "[".repeat(JsonText.MAX_NESTING + 1) + "]".repeat(JsonText.MAX_NESTING + 1);
    InputException e = assertThrows(InputException.class, () -> JsonText.parse(deep, "f.json"));
    assertEquals("f.json: arrays and objects nested more than 200 deep", e.getMessage());
  }
}

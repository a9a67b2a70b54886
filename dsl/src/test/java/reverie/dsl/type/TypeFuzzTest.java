package reverie.dsl.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import reverie.dsl.FuzzContract;
import reverie.dsl.InputException;

/**
 * Coverage-guided fuzzing of the type parser: any text parses to a type that prints and parses back
 * to itself, or is refused with a {@link reverie.dsl.ParseException} naming the column.
 */
class TypeFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void parse(byte[] input) {
    String text = FuzzContract.text(input);
    Type type;
    try {
      type = Type.parse(text);
    } catch (InputException e) {
      FuzzContract.rejected(e, "column ", text);
      return;
    }
    assertEquals(type, Type.parse(type.toString()));
  }
}

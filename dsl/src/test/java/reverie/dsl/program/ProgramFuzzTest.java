package reverie.dsl.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import reverie.dsl.FuzzContract;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;

/**
 * Coverage-guided fuzzing of the program parser (and the type inference that typed parsing runs on
 * inventions): any text parses to a program that prints and parses back to itself, or is refused
 * with a {@link reverie.dsl.ParseException} naming the column. {@code mvn verify} replays the
 * inputs in {@code src/test/resources/reverie/dsl/program/ProgramFuzzTestInputs}; README's
 * "Reliability" section fuzzes it.
 */
class ProgramFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void parse(byte[] input) {
    String text = FuzzContract.text(input);
    Program program;
    try {
      program = Program.parse(text, TestPrimitives.RESOLVER);
    } catch (InputException e) {
      FuzzContract.rejected(e, "column ", text);
      return;
    }
    assertEquals(program, Program.parse(program.toString(), TestPrimitives.RESOLVER));
    try {
      Type type = TypeInference.infer(program);
      assertEquals(type, TypeInference.infer(program));
    } catch (InputException e) {
      FuzzContract.rejected(e, "", text);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void parseUntyped(byte[] input) {
    String text = FuzzContract.text(input);
    Program program;
    try {
      program = Program.parse(text, PrimitiveResolver.untyped());
    } catch (InputException e) {
      FuzzContract.rejected(e, "column ", text);
      return;
    }
    assertEquals(program, Program.parse(program.toString(), PrimitiveResolver.untyped()));
  }
}

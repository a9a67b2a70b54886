package reverie.dsl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import reverie.dsl.FuzzContract;
import reverie.dsl.InputException;

/**
 * Coverage-guided fuzzing of the grammar reader (grammars and contextual grammars, DreamCoder's
 * JSON): any text reads as a grammar that writes and reads back equal, or is refused with an {@link
 * InputException} naming the document and the field ({@code grammar.productions[0].expression:
 * ...}).
 */
class GrammarFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void read(byte[] input) {
    String text = FuzzContract.text(input);
    if (text.contains("noParent")) {
      ContextualGrammar g;
      try {
        g = GrammarJson.readContextualGrammar(text, ListPrimitives.RESOLVER);
      } catch (InputException e) {
        FuzzContract.rejected(e, "contextual grammar", text);
        return;
      }
      assertEquals(
          g,
          GrammarJson.readContextualGrammar(
              GrammarJson.write(GrammarJson.toJson(g)), ListPrimitives.RESOLVER));
      return;
    }
    Grammar g;
    try {
      g = GrammarJson.readGrammar(text, ListPrimitives.RESOLVER);
    } catch (InputException e) {
      FuzzContract.rejected(e, "grammar", text);
      return;
    }
    assertEquals(
        g,
        GrammarJson.readGrammar(GrammarJson.write(GrammarJson.toJson(g)), ListPrimitives.RESOLVER));
  }
}

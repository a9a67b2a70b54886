package reverie.dsl.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reverie.dsl.ParseException;

class TypeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "int",
        "list(int) -> int",
        "(t0 -> t1) -> list(t0) -> list(t1)",
        "t0 -> (t0 -> bool) -> (t0 -> t1) -> (t0 -> t0) -> list(t1)",
        "list(list(char)) -> list(char)",
        "pair(int, bool) -> int",
        "((int -> int) -> int) -> int"
      })
  void printsAsParsed(String text) {
    assertEquals(text, Type.parse(text).toString());
  }

  @Test
  void arrowsAssociateToTheRight() {
    Type t = Type.parse("int -> bool -> char");
    assertEquals(Type.of("int"), t.argumentType());
    assertEquals(Type.parse("bool -> char"), t.resultType());
    assertEquals(2, t.functionArguments().size());
    assertEquals(Type.of("char"), t.finalResult());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "list(", "int ->", "-> int", "list(int", "(int", "int)", "list(int,)"})
  void malformedTypesNameTheColumn(String text) {
    ParseException e = assertThrows(ParseException.class, () -> Type.parse(text));
    assertTrue(e.getMessage().startsWith("column "), e.getMessage());
  }

  @Test
  void unificationBindsAndUndoes() {
    TypeContext c = new TypeContext();
    Type a = c.fresh();
    Type b = c.fresh();
    int mark = c.mark();
    c.unify(Type.arrow(a, Type.of("list", b)), Type.parse("int -> list(bool)"));
    assertEquals(Type.of("int"), c.resolve(a));
    assertEquals(Type.of("bool"), c.resolve(b));
    c.undo(mark);
    assertEquals(a, c.resolve(a));
  }

  @Test
  void occursCheckRejectsInfiniteTypes() {
    TypeContext c = new TypeContext();
    Type a = c.fresh();
    assertFalse(c.tryUnify(a, Type.of("list", a)));
    TypeError e =
        assertThrows(
            TypeError.class, () -> c.unify(Type.parse("int -> int"), Type.parse("list(int)")));
    assertEquals("cannot unify int -> int with list(int)", e.getMessage());
  }

  @Test
  void failedUnificationLeavesNoBindings() {
    TypeContext c = new TypeContext();
    Type a = c.fresh();
    assertFalse(c.tryUnify(Type.arrow(a, Type.of("int")), Type.parse("bool -> char")));
    assertEquals(a, c.resolve(a));
  }

  @Test
  void instantiationRenamesApart() {
    TypeContext c = new TypeContext(Type.parse("t0 -> t1"));
    Type scheme = Type.parse("(t0 -> t1) -> list(t0) -> list(t1)");
    Type first = c.instantiate(scheme);
    Type second = c.instantiate(scheme);
    assertEquals(scheme, first.canonical());
    assertFalse(first.equals(second));
    assertTrue(c.tryUnify(first, Type.parse("(int -> bool) -> list(int) -> list(bool)")));
    assertTrue(c.tryUnify(second, Type.parse("(char -> char) -> list(char) -> list(char)")));
  }

  @Property(seed = "42", tries = 500)
  void parsePrintRoundTrip(@ForAll("types") Type t) {
    assertEquals(t, Type.parse(t.toString()));
  }

  @Property(seed = "7", tries = 300)
  void unifierMakesBothSidesEqual(@ForAll("types") Type a, @ForAll("types") Type b) {
    TypeContext c = new TypeContext(Type.arrow(a, b));
    Type bShifted = c.instantiate(b);
    if (c.tryUnify(a, bShifted)) {
      assertEquals(c.resolve(a), c.resolve(bShifted));
    }
  }

  @Provide
  Arbitrary<Type> types() {
    return Arbitraries.lazyOf(
        () -> Arbitraries.of("int", "bool", "char").map(Type::of),
        () -> Arbitraries.integers().between(0, 3).map(Type::variable),
        () -> types().map(t -> (Type) Type.of("list", t)),
        () -> types().tuple2().map(p -> Type.arrow(p.get1(), p.get2())));
  }

  @Test
  void nestingIsBoundedInsteadOfExhaustingTheStack() {
    String deep =
        "list(".repeat(TypeParser.MAX_NESTING) + "int" + ")".repeat(TypeParser.MAX_NESTING);
    ParseException e = assertThrows(ParseException.class, () -> Type.parse(deep));
    assertTrue(e.getMessage().contains("nested more than 500 deep"), e.getMessage());
    String arrows = "int -> ".repeat(TypeParser.MAX_NESTING) + "int";
    assertThrows(ParseException.class, () -> Type.parse(arrows));
    String ok = "list(".repeat(100) + "int" + ")".repeat(100);
    assertEquals(ok, Type.parse(ok).toString());
  }

  @Test
  void aMessageShowsControlCharactersEscaped() {
    ParseException e = assertThrows(ParseException.class, () -> Type.parse("int\u0007"));
    assertEquals(
        "column 4: unexpected '\\u0007' after a complete type in 'int\\u0007'", e.getMessage());
  }

  @Test
  void aTypeVariableBeyondIntIsRefused() {
    // Found by TypeFuzzTest: Integer.parseInt's NumberFormatException escaped.
    ParseException e = assertThrows(ParseException.class, () -> Type.parse("t444444445444"));
    assertEquals(
        "column 1: type variable t444444445444 is out of range in 't444444445444'", e.getMessage());
  }
}

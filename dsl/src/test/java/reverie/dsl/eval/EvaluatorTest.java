package reverie.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reverie.dsl.InputException;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

class EvaluatorTest {
  private static final Type INT = Type.of("int");
  private static final Type BOOL = Type.of("bool");
  private static final Type T0 = Type.variable(0);
  private static final AtomicInteger BOOMS = new AtomicInteger();
  private static final EvaluationException ODD = new EvaluationException("half of an odd number");
  private static final EvaluationException BY_ZERO = new EvaluationException("division by zero");

  /** A tiny arithmetic domain, enough to exercise the evaluator without the tasks module. */
  private static final ImmutableMap<String, Object> IMPLEMENTATIONS =
      ImmutableMap.<String, Object>builder()
          .put("0", 0L)
          .put("1", 1L)
          .put("+", Curried.fn2((Long x, Long y) -> x + y))
          .put("neg", Curried.fn1((Long x) -> -x))
          .put("sub3", Curried.fn3((Long x, Long y, Long z) -> x - y - z))
          .put("sub4", Curried.fn4((Long w, Long x, Long y, Long z) -> w - x - y - z))
          .put("zero?", Curried.fn1((Long x) -> x == 0))
          .put("if", Curried.IF)
          // Failures returned rather than thrown (see Curried).
          .put("half", Curried.fn1((Long x) -> x % 2 == 0 ? (Object) (x / 2) : ODD))
          .put("div", Curried.fn2((Long x, Long y) -> y == 0 ? BY_ZERO : (Object) (x / y)))
          .put(
              "boom",
              Curried.fn1(
                  (Long x) -> {
                    BOOMS.incrementAndGet();
                    throw new EvaluationException("boom");
                  }))
          .put(
              "loop",
              Curried.metered1(
                  (Long x, Budget b) -> {
                    while (true) {
                      b.step();
                    }
                  }))
          .put(
              "alloc",
              Curried.metered1(
                  (Long n, Budget b) -> {
                    b.allocate(n);
                    return ListValue.wrap(new Object[n.intValue()]);
                  }))
          .buildOrThrow();

  private static final PrimitiveResolver RESOLVER =
      PrimitiveResolver.of(
          List.of(
              new Primitive("0", INT),
              new Primitive("1", INT),
              new Primitive("+", Type.arrow(INT, INT, INT)),
              new Primitive("neg", Type.arrow(INT, INT)),
              new Primitive("sub3", Type.arrow(INT, INT, INT, INT)),
              new Primitive("sub4", Type.arrow(INT, INT, INT, INT, INT)),
              new Primitive("zero?", Type.arrow(INT, BOOL)),
              new Primitive("if", Type.arrow(BOOL, T0, T0, T0)),
              new Primitive("boom", Type.arrow(INT, INT)),
              new Primitive("half", Type.arrow(INT, INT)),
              new Primitive("div", Type.arrow(INT, INT, INT)),
              new Primitive("loop", Type.arrow(INT, INT)),
              new Primitive("alloc", Type.arrow(INT, Type.of("list", INT))),
              new Primitive("nowhere", INT)));

  private static final Evaluator EVALUATOR = new Evaluator(IMPLEMENTATIONS);

  private static Object run(String program, Object... inputs) {
    return EVALUATOR
        .compile(Program.parse(program, RESOLVER))
        .run(List.of(inputs), Budget.standard());
  }

  @Test
  void appliesCurriedProgramsToInputs() {
    assertEquals(3L, run("(lambda (lambda (+ $0 $1)))", 1L, 2L));
    assertEquals(-1L, run("(lambda (lambda (sub3 $1 $0 1)))", 1L, 1L));
    assertEquals(-2L, run("(lambda (sub4 $0 1 1 $0))", 3L));
    assertEquals(1L, run("1"));
  }

  @Test
  void partialApplicationsOfPrimitivesCollectTheirArguments() {
    // (+ 1) as a value, and primitives given more arguments than their arity returns a function.
    assertEquals(2L, run("((lambda ($0 1)) (+ 1))"));
    assertEquals(-1L, run("((lambda ($0 1 1)) (sub3 1))"));
    assertEquals(-2L, run("((lambda ($0 1 1 1)) (sub4 1))"));
    assertEquals(-2L, run("((lambda ($0 1 1)) (sub4 1 1))"));
    assertEquals(3L, run("(lambda ((if (zero? $0) neg (+ 1)) (+ 1 1)))", 1L));
    assertEquals(-2L, run("(lambda ((if (zero? $0) neg (+ 1)) (+ 1 1)))", 0L));
  }

  @Test
  void closuresCaptureTheirEnvironment() {
    // Inside the inner lambdas $0 = $1 of the outer = 3, $1 = 0, $2 = 4, $3 = 3.
    assertEquals(6L, run("(lambda (lambda ((lambda (lambda (+ $3 $0))) 0 $1)))", 3L, 4L));
    assertEquals(5L, run("(lambda (lambda ((lambda (lambda (+ $2 $1))) 1 $1)))", 2L, 4L));
    assertEquals(5L, run("(lambda (lambda (lambda (+ $2 (+ $1 $0)))))", 1L, 1L, 3L));
    // Inputs beyond the leading lambdas are applied to the returned function.
    assertEquals(3L, run("(lambda (+ $0))", 1L, 2L));
  }

  @Test
  void inventionsCompileToTheirBody() {
    assertEquals(
        3L,
        run("(lambda (#(lambda (lambda (+ $0 $1))) $0 (#(lambda (lambda (+ $0 $1))) $0 $0)))", 1L));
    assertEquals(2L, run("(#(lambda (+ $0 1)) 1)"));
  }

  @Test
  void ifEvaluatesOnlyTheBranchTaken() {
    int before = BOOMS.get();
    assertEquals(1L, run("(lambda (if (zero? $0) 1 (boom $0)))", 0L));
    assertEquals(5L, run("(lambda (if (zero? $0) (boom $0) $0))", 5L));
    assertEquals(before, BOOMS.get());
    assertThrows(EvaluationException.class, () -> run("(lambda (if (zero? $0) 1 (boom $0)))", 2L));
  }

  @Test
  void unknownPrimitivesAreRejectedAtCompileTime() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> EVALUATOR.compile(Program.parse("(+ nowhere 1)", RESOLVER)));
    assertEquals("no implementation for primitive 'nowhere'", e.getMessage());
  }

  @Test
  void integerLiteralsWithoutImplementationAreInts() {
    PrimitiveResolver literals = name -> Optional.of(new Primitive(name, INT));
    assertEquals(
        -7L, EVALUATOR.compile(Program.parse("-7", literals)).run(List.of(), Budget.standard()));
  }

  @Nested
  class Budgets {
    @Test
    void stepLimitStopsAnEndlessPrimitive() {
      // A generous clock, so that the step limit is what stops it even on a loaded machine.
      CompiledProgram p = EVALUATOR.compile(Program.parse("(loop 1)", RESOLVER));
      EvaluationException e =
          assertThrows(
              EvaluationException.class,
              () -> p.run(List.of(), Budget.of(1_000_000, 60_000_000_000L, 1_000_000)));
      assertTrue(e.budgetExceeded());
      assertEquals("step budget exceeded", e.getMessage());
    }

    @Test
    void stepLimitIsExact() {
      CompiledProgram p = EVALUATOR.compile(Program.parse("(lambda (+ (+ $0 1) 1))", RESOLVER));
      assertEquals(3L, p.run(List.of(1L), Budget.of(2, 1_000_000_000L, 10)));
      assertThrows(
          EvaluationException.class, () -> p.run(List.of(1L), Budget.of(1, 1_000_000_000L, 10)));
    }

    @Test
    void deadlineStopsLongRuns() {
      EvaluationException e =
          assertThrows(
              EvaluationException.class,
              () ->
                  EVALUATOR
                      .compile(Program.parse("(loop 1)", RESOLVER))
                      .run(List.of(), Budget.of(Long.MAX_VALUE, 1_000_000L, 10)));
      assertEquals("time budget exceeded", e.getMessage());
    }

    @Test
    void cellLimitStopsLargeAllocations() {
      CompiledProgram p = EVALUATOR.compile(Program.parse("(lambda (alloc $0))", RESOLVER));
      assertEquals(10, ((List<?>) p.run(List.of(10L), Budget.of(100, 1_000_000_000L, 10))).size());
      EvaluationException e =
          assertThrows(
              EvaluationException.class,
              () -> p.run(List.of(11L), Budget.of(100, 1_000_000_000L, 10)));
      assertTrue(e.budgetExceeded());
    }

    @Test
    void deepRecursionBecomesAnEvaluationFailure() {
      // Self-application of a self-applying function: (lambda ($0 $0)) (lambda ($0 $0)) never
      // returns.
      EvaluationException e =
          assertThrows(
              EvaluationException.class,
              () ->
                  EVALUATOR
                      .compile(
                          Program.parse(
                              "((lambda ($0 $0)) (lambda ($0 $0)))", PrimitiveResolver.untyped()))
                      .run(List.of(), Budget.of(Long.MAX_VALUE, 10_000_000_000L, 10)));
      assertTrue(e.budgetExceeded());
      assertEquals("recursion too deep for the stack", e.getMessage());
    }

    @Test
    void aBudgetIsResetForEachRun() {
      Budget budget = Budget.of(3, 1_000_000_000L, 10);
      CompiledProgram p = EVALUATOR.compile(Program.parse("(lambda (+ (+ $0 1) 1))", RESOLVER));
      for (int i = 0; i < 5; i++) {
        assertEquals(3L, p.run(List.of(1L), budget));
      }
      assertEquals(2, budget.steps());
    }
  }

  @Test
  void oneCompiledProgramRunsInSeveralThreads() throws Exception {
    CompiledProgram p =
        EVALUATOR.compile(
            Program.parse("(lambda (lambda (if (zero? $0) $1 (+ $1 (+ $0 $0)))))", RESOLVER));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long offset = t;
        results.add(
            pool.submit(
                () -> {
                  Budget budget = Budget.standard();
                  for (long i = 0; i < 20_000; i++) {
                    if (!p.run(List.of(offset, i), budget).equals(offset + 2 * i)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aFailureThatAPrimitiveReturnsIsThrownByTheEvaluator() {
    assertEquals(2L, run("(lambda (half $0))", 4L));
    EvaluationException odd =
        assertThrows(EvaluationException.class, () -> run("(lambda (half $0))", 3L));
    assertEquals("half of an odd number", odd.getMessage());
    assertEquals(3L, run("(lambda (lambda (div $1 $0)))", 7L, 2L));
    assertThrows(EvaluationException.class, () -> run("(lambda (lambda (div $1 $0)))", 7L, 0L));
    // Inside an argument, as a value would never be.
    assertThrows(EvaluationException.class, () -> run("(lambda (+ 1 (half $0)))", 3L));
  }

  @Test
  void attemptReturnsThePrimitivesOwnFailureWhereApplyThrowsIt() {
    Budget budget = Budget.standard();
    FunctionValue half = (FunctionValue) IMPLEMENTATIONS.get("half");
    FunctionValue div = (FunctionValue) IMPLEMENTATIONS.get("div");
    assertEquals(2L, half.attempt(4L, budget));
    assertTrue(half.attempt(3L, budget) == ODD);
    assertThrows(EvaluationException.class, () -> half.apply(3L, budget));
    assertTrue(div.attempt2(1L, 0L, budget) == BY_ZERO);
    assertTrue(div.attemptAll(new Object[] {1L, 0L}, budget) == BY_ZERO);
    assertThrows(EvaluationException.class, () -> div.apply2(1L, 0L, budget));
    assertThrows(EvaluationException.class, () -> div.applyAll(new Object[] {1L, 0L}, budget));
    // One argument at a time, through a partial application: thrown.
    FunctionValue byWhat = (FunctionValue) div.apply(1L, budget);
    assertThrows(EvaluationException.class, () -> byWhat.apply(0L, budget));
    assertThrows(EvaluationException.class, () -> byWhat.attempt(0L, budget));
  }

  @Test
  void listValuesEqualOtherListsWithTheSameElements() {
    ListValue l = ListValue.wrap(new Object[] {1L, 2L, 3L});
    assertEquals(ImmutableList.of(1L, 2L, 3L), l);
    assertEquals(l, ImmutableList.of(1L, 2L, 3L));
    assertEquals(ImmutableList.of(2L, 3L), l.subList(1, 3));
    assertEquals(ImmutableList.of(2L, 3L).hashCode(), l.subList(1, 3).hashCode());
    assertEquals(ImmutableList.of(0L, 2L, 3L), ListValue.cons(0L, l.subList(1, 3)));
    assertFalse(l.subList(3, 3).iterator().hasNext());
    assertThrows(IndexOutOfBoundsException.class, () -> l.subList(1, 3).get(2));
    assertThrows(UnsupportedOperationException.class, () -> l.add(4L));
  }
}

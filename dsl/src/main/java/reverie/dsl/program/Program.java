package reverie.dsl.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A program of the typed lambda calculus, with de Bruijn indices so that {@code equals} is
 * alpha-equivalence.
 *
 * <p>The printed form is DreamCoder's: {@code (lambda (map (lambda (+ $0 1)) $0))}, inventions
 * inline as {@code #(lambda ...)}.
 */
public sealed interface Program permits Application, Abstraction, Index, Primitive, Invented {

  /** Parses DreamCoder's (or Stitch's) syntax, resolving names with {@code primitives}. */
  static Program parse(String text, PrimitiveResolver primitives) {
    return ProgramParser.parse(text, primitives);
  }

  /** {@code f a1 ... an} as nested applications. */
  static Program apply(Program function, Program... arguments) {
    Program p = function;
    for (Program a : arguments) {
      p = new Application(p, a);
    }
    return p;
  }

  /** {@code (lambda ... (lambda body))} with {@code count} lambdas. */
  static Program lambdas(int count, Program body) {
    Program p = body;
    for (int i = 0; i < count; i++) {
      p = new Abstraction(p);
    }
    return p;
  }

  /**
   * Number of leaves (indices, primitives, inventions) and lambdas, DreamCoder's notion of program
   * size.
   */
  int size();

  /**
   * Shifts the free indices {@code >= cutoff} by {@code delta}; throws if one would become
   * negative.
   */
  Program shift(int delta, int cutoff);

  /** Shifts every free index by {@code delta}. */
  default Program shift(int delta) {
    return delta == 0 ? this : shift(delta, 0);
  }

  /**
   * Replaces the free index {@code index} (counted at this level) by {@code value}, whose free
   * indices are counted at this level too; indices above {@code index} are left alone.
   */
  Program substitute(int index, Program value);

  /**
   * Adds the free indices of this program, counted from its root, to {@code into}, offset by {@code
   * -depth}.
   */
  void collectFreeIndices(int depth, SortedSet<Integer> into);

  /** The free de Bruijn indices, counted from this program's root. */
  default SortedSet<Integer> freeIndices() {
    SortedSet<Integer> free = new TreeSet<>();
    collectFreeIndices(0, free);
    return free;
  }

  /** Whether no index is free. */
  default boolean isClosed() {
    return freeIndices().isEmpty();
  }

  /**
   * The function at the head of a chain of applications (the program itself when it is no
   * application).
   */
  default Program applicationHead() {
    Program p = this;
    while (p instanceof Application a) {
      p = a.function();
    }
    return p;
  }

  /** The arguments of a chain of applications, left to right. */
  default List<Program> applicationArguments() {
    List<Program> arguments = new ArrayList<>();
    Program p = this;
    while (p instanceof Application a) {
      arguments.add(0, a.argument());
      p = a.function();
    }
    return arguments;
  }

  /** One step of normal-order beta reduction, or empty when the program is in normal form. */
  Optional<Program> reduceStep();

  /**
   * Beta-normal form in normal order, or empty when more than {@code maxSteps} steps would be
   * needed.
   */
  default Optional<Program> betaNormalForm(int maxSteps) {
    Program p = this;
    for (int step = 0; step <= maxSteps; step++) {
      Optional<Program> next = p.reduceStep();
      if (next.isEmpty()) {
        return Optional.of(p);
      }
      p = next.get();
    }
    return Optional.empty();
  }

  /** This program with every invention replaced by its body, recursively. */
  Program inlineInventions();

  /** A 64-bit hash of the printed form, the same in every run and on every machine. */
  default long stableHash() {
    long h = 0xcbf29ce484222325L;
    String s = toString();
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}

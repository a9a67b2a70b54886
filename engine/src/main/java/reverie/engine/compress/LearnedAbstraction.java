package reverie.engine.compress;

import reverie.dsl.program.Invented;

/**
 * One abstraction learned by the compressor.
 *
 * @param name Stitch's name, {@code fn_0}, {@code fn_1}, ...
 * @param body the body with arguments {@code #0 #1 ...} in Stitch's syntax (earlier abstractions by
 *     name)
 * @param dreamcoder DreamCoder's form {@code #(lambda (lambda ...))}, earlier abstractions inlined
 * @param arity number of arguments
 * @param utility corpus cost reduction minus the structure penalty, when it was chosen
 * @param uses times it is used in the rewritten corpus (every program, every occurrence)
 * @param invented the abstraction as an invention, with its inferred type (t0 when untyped)
 */
public record LearnedAbstraction(
    String name,
    String body,
    String dreamcoder,
    int arity,
    long utility,
    long uses,
    Invented invented) {}

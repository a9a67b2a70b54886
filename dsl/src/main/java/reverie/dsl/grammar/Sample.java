package reverie.dsl.grammar;

import reverie.dsl.program.Program;

/** A program drawn from a grammar, with the log-prior of the choices that produced it. */
public record Sample(Program program, double logPrior) {}

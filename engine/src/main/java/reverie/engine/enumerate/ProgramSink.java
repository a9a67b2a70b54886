package reverie.engine.enumerate;

import reverie.dsl.program.Program;

/** Receives enumerated programs; one sink is used by one thread. */
@FunctionalInterface
public interface ProgramSink {
  /** Takes a program and its log-prior; returns false to stop the enumeration. */
  boolean accept(Program program, double logPrior);
}

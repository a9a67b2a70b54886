package reverie.engine.enumerate;

import reverie.dsl.program.Program;

/** A sink that also receives the program's incrementally built {@link Code}. */
interface CodeSink extends ProgramSink {
  /** The code builder the enumerator must use for this sink's programs. */
  CodeBuilder codeBuilder();

  boolean accept(Program program, Code code, double logPrior);

  @Override
  default boolean accept(Program program, double logPrior) {
    throw new UnsupportedOperationException("a code sink takes code");
  }
}

package reverie.engine.enumerate;

/**
 * A partial program detached from any unifier: the program built so far, the holes still to fill
 * with their resolved types, and the cost so far. Used to split one search across threads: each
 * thread continues a different partial program in its own unifier.
 */
final class PartialProgram {
  /** The unfinished applications and lambdas above the holes (null when none). */
  final Frame frame;

  /** The program, when there is no hole left. */
  final reverie.dsl.program.Program completed;

  /** Holes as a stack: the last one is filled next. */
  final FastType[] holeTypes;

  final Env[] holeEnvs;
  final int[] holeContexts;

  /**
   * The lower bound on each hole's cost that the search had when it made the hole (from the heads
   * refused there and the variables in scope), or null where it had none (the root): a split search
   * prunes exactly as the whole search would.
   */
  final double[] holeBounds;

  final double cost;

  /** Every variable id in the hole types is below this bound. */
  final int variableBound;

  PartialProgram(
      Frame frame,
      reverie.dsl.program.Program completed,
      FastType[] holeTypes,
      Env[] holeEnvs,
      int[] holeContexts,
      double[] holeBounds,
      double cost,
      int variableBound) {
    this.frame = frame;
    this.completed = completed;
    this.holeTypes = holeTypes;
    this.holeEnvs = holeEnvs;
    this.holeContexts = holeContexts;
    this.holeBounds = holeBounds;
    this.cost = cost;
    this.variableBound = variableBound;
  }

  boolean isComplete() {
    return holeTypes.length == 0;
  }

  static PartialProgram root(CompiledGrammar grammar, FastType request) {
    return new PartialProgram(
        null,
        null,
        new FastType[] {request},
        new Env[] {null},
        new int[] {grammar.root},
        null,
        0,
        request.variableBound());
  }
}

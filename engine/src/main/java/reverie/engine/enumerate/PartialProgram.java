package reverie.engine.enumerate;

/**
 * A partial program detached from any unifier: the heads chosen so far (preorder), the holes still to fill
 * with their resolved types, and the cost so far. Used to split one search across threads: each thread
 * continues a different partial program in its own unifier.
 */
final class PartialProgram {
  final int[] heads;
  final int[] arities;
  /** Holes as a stack: the last one is filled next. */
  final FastType[] holeTypes;

  final Env[] holeEnvs;
  final int[] holeContexts;
  final double cost;
  /** Every variable id in the hole types is below this bound. */
  final int variableBound;

  PartialProgram(
      int[] heads,
      int[] arities,
      FastType[] holeTypes,
      Env[] holeEnvs,
      int[] holeContexts,
      double cost,
      int variableBound) {
    this.heads = heads;
    this.arities = arities;
    this.holeTypes = holeTypes;
    this.holeEnvs = holeEnvs;
    this.holeContexts = holeContexts;
    this.cost = cost;
    this.variableBound = variableBound;
  }

  boolean isComplete() {
    return holeTypes.length == 0;
  }

  static PartialProgram root(CompiledGrammar grammar, FastType request) {
    return new PartialProgram(
        new int[0],
        new int[0],
        new FastType[] {request},
        new Env[] {null},
        new int[] {grammar.root},
        0,
        request.variableBound());
  }
}

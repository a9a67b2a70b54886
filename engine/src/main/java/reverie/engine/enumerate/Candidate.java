package reverie.engine.enumerate;

/**
 * One way to fill a hole, precomputed for a candidate-table key: the head (a production or a
 * variable), its cost in nats, and the type effects as templates over key-local variables.
 *
 * <p>Template variables {@code 0..m-1} are the key's variables (mapped to the live variables the
 * hole's types mention), {@code m..m+fresh-1} are fresh variables allocated at each use.
 */
final class Candidate {
  static final int LAMBDA = Integer.MIN_VALUE;

  // Costs and bounds are kept on a grid of 2^-40 nats, where sums of a few thousand nats are
  // exact: a completion then costs the same whichever order its heads' costs are added in, so a
  // finished subtree's cost can be added at once (see Completions) and still put every program
  // in the same window as the search head by head does.
  private static final double GRID = 0x1p40;

  /** {@code nats} on the cost grid (nearest). */
  static double onGrid(double nats) {
    return Math.rint(nats * GRID) / GRID;
  }

  /** {@code nats} on the cost grid, rounded down: a lower bound stays a lower bound. */
  static double boundOnGrid(double nats) {
    return Math.floor(nats * GRID) / GRID;
  }

  /** -log probability of this choice at the hole, already normalised over all candidates. */
  final double cost;

  /** A production index, or {@code -(j + 1)} for the variable {@code $j}. */
  final int head;

  /** The head as a program: the production, or the index. */
  final reverie.dsl.program.Program program;

  final int fresh;

  /** The entries of a variable map its templates use: the key's variables, then its fresh ones. */
  final int mapSize;

  final int[] boundKeys;
  final FastType[] boundTo;
  final FastType[] arguments;
  final int[] argumentContexts;

  /** Lower bound on the cost of filling each argument (see CandidateCache#holeLowerBound). */
  final double[] argumentBounds;

  /** The sum of {@link #argumentBounds}. */
  final double argumentsBound;

  /**
   * The table of each argument's hole, filled by the enumerator the first time it is looked up
   * where it cannot change (the first argument, or a ground argument of a table whose key is
   * ground); null elsewhere. A memo of the thread that owns the cache this candidate belongs to.
   */
  final CandidateTable[] argumentTables;

  /**
   * For a remembered table with key variables: where each of them sits in the variable map of the
   * hole this candidate filled (see Enumerator#remember); null otherwise.
   */
  final int[][] argumentKeySources;

  Candidate(
      double cost,
      int head,
      reverie.dsl.program.Program program,
      int fresh,
      int mapSize,
      int[] boundKeys,
      FastType[] boundTo,
      FastType[] arguments,
      int[] argumentContexts,
      double[] argumentBounds) {
    this.cost = onGrid(cost);
    this.head = head;
    this.program = program;
    this.fresh = fresh;
    this.mapSize = mapSize;
    this.boundKeys = boundKeys;
    this.boundTo = boundTo;
    this.arguments = arguments;
    this.argumentContexts = argumentContexts;
    this.argumentBounds = new double[argumentBounds.length];
    this.argumentTables = new CandidateTable[arguments.length];
    this.argumentKeySources = new int[arguments.length][];
    double sum = 0;
    for (int i = 0; i < argumentBounds.length; i++) {
      this.argumentBounds[i] = boundOnGrid(argumentBounds[i]);
      sum += this.argumentBounds[i];
    }
    this.argumentsBound = sum;
  }
}

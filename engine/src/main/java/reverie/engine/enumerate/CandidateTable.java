package reverie.engine.enumerate;

/**
 * The candidates for one key (context, request and environment types up to variable renaming),
 * cheapest first.
 */
final class CandidateTable {
  final Candidate[] candidates;

  /** How many distinct variables the key's types mention. */
  final int keyVariables;

  /** The largest {@link Candidate#fresh} over the candidates. */
  final int maxFresh;

  CandidateTable(Candidate[] candidates, int keyVariables) {
    this.candidates = candidates;
    this.keyVariables = keyVariables;
    int f = 0;
    for (Candidate c : candidates) {
      f = Math.max(f, c.fresh);
    }
    this.maxFresh = f;
  }
}

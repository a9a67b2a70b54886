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

  // The finished subtrees of this table's hole by the refusal above it (its id; 0 for none), where
  // the key is ground: see Completions. A memo of the thread that owns the cache, like the tables
  // its candidates remember.
  private Completions[] completions = new Completions[0];

  Completions completions(int refusal) {
    return refusal < completions.length ? completions[refusal] : null;
  }

  void setCompletions(int refusal, Completions c) {
    if (refusal >= completions.length) {
      completions = java.util.Arrays.copyOf(completions, refusal + 1);
    }
    completions[refusal] = c;
  }

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

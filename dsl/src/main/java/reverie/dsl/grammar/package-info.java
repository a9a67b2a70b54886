/**
 * Grammars as priors over programs, with DreamCoder's semantics.
 *
 * <p>{@link reverie.dsl.grammar.Grammar} (unigram) and {@link
 * reverie.dsl.grammar.ContextualGrammar} (bigram) give each eta-long program a log-prior ({@code
 * logPrior}), the counts behind it ({@link reverie.dsl.grammar.LikelihoodSummary}), samples ({@link
 * reverie.dsl.grammar.Sample}) and a refit from weighted frontiers ({@link
 * reverie.dsl.grammar.WeightedProgram}); {@link reverie.dsl.grammar.GrammarJson} reads and writes
 * them in DreamCoder's JSON form.
 */
package reverie.dsl.grammar;

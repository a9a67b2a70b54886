package reverie.engine.compress;

import com.google.common.collect.ImmutableList;
import reverie.dsl.program.Program;

/**
 * What a compression run learned and how much it compressed.
 *
 * @param abstractions the abstractions, in the order they were learned
 * @param original the input programs in Stitch's syntax (existing inventions by name), input order
 * @param rewritten the rewritten programs in Stitch's syntax, input order
 * @param rewrittenDreamcoder the rewritten programs in DreamCoder's syntax (inventions inlined as
 *     #(...))
 * @param rewrittenByTask the rewritten programs grouped as the input frontiers were
 * @param originalCost sum over tasks of the cheapest original program
 * @param finalCost sum over tasks of the cheapest rewritten program
 * @param compressionRatio Stitch's printed ratio, original / final
 * @param crMin original / (final + cost of all abstraction bodies), the headline metric
 * @param seconds wall time of the compression
 */
public record CompressionResult(
    ImmutableList<LearnedAbstraction> abstractions,
    ImmutableList<String> original,
    ImmutableList<String> rewritten,
    ImmutableList<String> rewrittenDreamcoder,
    ImmutableList<ImmutableList<Program>> rewrittenByTask,
    long originalCost,
    long finalCost,
    double compressionRatio,
    double crMin,
    double seconds) {}

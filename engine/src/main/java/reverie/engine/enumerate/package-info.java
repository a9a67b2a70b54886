/**
 * The wake phase: typed enumeration of programs in decreasing prior order, and solving tasks with
 * it.
 *
 * <p>{@link reverie.engine.enumerate.ProgramEnumeration} enumerates the programs of a request type
 * under a unigram or contextual grammar in DreamCoder's cost windows, each program once with its
 * log-prior, on one or several threads. {@link reverie.engine.enumerate.Solver} groups tasks that
 * share a request type and a grammar into one enumeration, checks every program against their
 * examples, and keeps each task's best programs in a {@link reverie.engine.enumerate.Frontier};
 * {@link reverie.engine.enumerate.SolveConfig} holds the budgets. {@link
 * reverie.engine.enumerate.FrontierJson} reads and writes DreamCoder's compressor input. {@link
 * reverie.engine.enumerate.EnumerationBenchmark} is the figure behind {@code reverie bench
 * enumerate}.
 *
 * <p>Inside, the hot path has its own representations: {@code FastType} terms and a trail-based
 * {@code Unifier} (bindings undone on backtracking, fresh variables reclaimed), candidate tables
 * cached per hole shape ({@code CandidateCache}), lower bounds on the cost of pending holes to cut
 * dead ends, programs and their fast-check {@code Code} built incrementally from persistent frames.
 * A simple reference enumerator in the tests checks it.
 */
package reverie.engine.enumerate;

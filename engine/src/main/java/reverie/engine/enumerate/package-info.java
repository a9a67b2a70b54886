/**
 * The wake phase: typed enumeration of programs in decreasing prior order, and solving tasks with
 * it.
 *
 * <p>{@link reverie.engine.enumerate.ProgramEnumeration} enumerates the programs of a request type
 * under a unigram or contextual grammar in DreamCoder's cost windows, each program once with its
 * log-prior, on one or several threads. A {@link reverie.engine.enumerate.SearchPlan} groups tasks
 * that share a request type and a grammar into {@link reverie.engine.enumerate.SearchJob}s, plain
 * data that {@link reverie.engine.enumerate.JobCodec} serialises; a {@link
 * reverie.engine.enumerate.JobRunner} runs them ({@link reverie.engine.enumerate.LocalRunner} on
 * threads, each job a {@link reverie.engine.enumerate.JobExecution} that checks every program
 * against its tasks with the {@link reverie.tasks.Scorer} and keeps each task's best programs in a
 * {@link reverie.engine.enumerate.Frontier}). {@link reverie.engine.enumerate.Solver} does it in
 * one call, with the budgets of {@link reverie.engine.enumerate.SolveConfig}. {@link
 * reverie.engine.enumerate.FrontierJson} reads and writes DreamCoder's compressor input. {@link
 * reverie.engine.enumerate.EnumerationBenchmark} is the figure behind {@code reverie bench
 * enumerate}.
 *
 * <p>Inside, the hot path has its own representations: {@code FastType} terms and a trail-based
 * {@code Unifier} (bindings undone on backtracking, fresh variables reclaimed), candidate tables
 * cached per hole shape ({@code CandidateCache}), lower bounds on the cost of pending holes to cut
 * dead ends, programs and their fast-check {@code Code} built incrementally from persistent frames,
 * and the finished subtrees of holes whose types are ground listed once ({@code Completions}) and
 * walked wherever such a hole recurs. A simple reference enumerator in the tests checks it.
 */
package reverie.engine.enumerate;

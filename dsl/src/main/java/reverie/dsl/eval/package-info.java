/**
 * Evaluation of programs: {@link reverie.dsl.eval.Evaluator} compiles a {@link
 * reverie.dsl.program.Program} once into a tree of nodes over a domain's primitive implementations
 * (constants, and curried {@link reverie.dsl.eval.FunctionValue}s built with {@link
 * reverie.dsl.eval.Curried}); the {@link reverie.dsl.eval.CompiledProgram} then runs on many
 * examples, in several threads at once, each run bounded by a {@link reverie.dsl.eval.Budget} of
 * steps, time and list cells. Every failure inside a run is one stackless {@link
 * reverie.dsl.eval.EvaluationException}.
 *
 * <p>Run-time values: {@code int} is {@link java.lang.Long}, {@code bool} {@link
 * java.lang.Boolean}, {@code char} an {@link java.lang.Integer} code point, {@code list(t)} an
 * immutable {@link java.util.List} (primitives build {@link reverie.dsl.eval.ListValue}s),
 * functions {@link reverie.dsl.eval.FunctionValue}s.
 */
package reverie.dsl.eval;

/**
 * Library learning by compression, after Stitch (Bowers et al., POPL 2023): {@link
 * reverie.engine.compress.Compressor} repeatedly finds the abstraction whose use most shortens a
 * corpus of programs and rewrites the corpus with it.
 *
 * <p>Inside: programs become hash-consed nodes ({@code NodeStore}, {@code Corpus}); a top-down
 * best-first branch-and-bound search ({@code Search}) refines patterns with holes ({@code
 * Pattern}); the exact utility of a finished abstraction and the rewrite itself come from one
 * dynamic program over the program graph ({@code RewriteDp}). Costs follow {@link
 * reverie.engine.compress.CostModel}; settings are a {@link
 * reverie.engine.compress.CompressionConfig}; results a {@link
 * reverie.engine.compress.CompressionResult} of {@link
 * reverie.engine.compress.LearnedAbstraction}s.
 */
package reverie.engine.compress;

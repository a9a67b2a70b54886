/**
 * Sets a learned library beside a sparse autoencoder's features: both are sparse codes of the
 * tasks.
 *
 * <p>The program side is a {@link reverie.engine.analysis.UsageMatrix} (tasks x inventions and
 * primitives, with the invention hierarchy), built from best programs or read from a usage CSV. The
 * SAE side is {@link reverie.engine.analysis.Activations} (tasks x features), read by {@link
 * reverie.engine.analysis.ActivationFiles} from sparse CSV, JSONL, {@code .npy} ({@link
 * reverie.engine.analysis.Npy}) or {@code .safetensors} ({@link
 * reverie.engine.analysis.Safetensors}); or computed by a {@link
 * reverie.engine.analysis.SparseAutoencoder} read from an SAELens or sparsify folder ({@link
 * reverie.engine.analysis.SaeFolder}) or trained here ({@link
 * reverie.engine.analysis.TopKTrainer}). {@link reverie.engine.analysis.Comparison} puts the two
 * side by side and {@link reverie.engine.analysis.Alignment} matches them atom by atom (with the
 * {@link reverie.engine.analysis.Hungarian} method and a permutation null); {@link
 * reverie.engine.analysis.ReportWriter} writes {@code compare.md}, {@code compare.json}, {@code
 * alignment.csv} and {@code heatmap.png}. {@link reverie.engine.analysis.PlantedData} makes data
 * with a known answer to check the statistics.
 *
 * <p>Nothing here reads pickle; every problem with a user's file is an {@link
 * reverie.dsl.InputException} naming the file.
 */
package reverie.engine.analysis;

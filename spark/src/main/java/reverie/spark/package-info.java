/**
 * Reverie on Apache Spark: the search jobs of the wake and test phases as Spark tasks, the rest of
 * a run (compression, recognition, checkpoints) staying on the driver.
 *
 * <p>{@link reverie.spark.SparkRunnerProvider} is the {@link
 * reverie.engine.enumerate.JobRunnerProvider} service that {@code reverie run|solve --master URL}
 * finds on the class path; it starts a {@code SparkRunner}, which cuts each plan into pieces for
 * the executor cores, ships them as serialised jobs ({@code PieceTask}), and streams their results
 * back. {@link reverie.spark.SparkMain} is the entry point of {@code reverie-spark.jar} for {@code
 * spark-submit}.
 */
package reverie.spark;

/**
 * The web view of runs behind {@code reverie serve} and {@code reverie report}.
 *
 * <p>{@link reverie.cli.serve.RunCatalog} finds the served runs and keeps each one's summary and
 * checkpoints as read by the engine's {@link reverie.engine.loop.CheckpointStore}, never writing;
 * {@link reverie.cli.serve.RunViews} turns them into the JSON documents of the pages (runs, run,
 * invention, task, SAE comparison); {@link reverie.cli.serve.RunServer} sends those and the page's
 * own script and style from the jar, refusing paths that leave a run; {@link
 * reverie.cli.serve.StaticReport} puts the same script and every document of one run into a single
 * HTML file. The page ({@code reverie/serve/app.js}) draws everything with text nodes and
 * hand-written SVG. {@link reverie.cli.serve.ValuePictures} is where a domain's pictures of values
 * will plug in.
 */
package reverie.cli.serve;

package reverie.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.dsl.program.PrimitiveResolver;
import reverie.engine.loop.AtomicFiles;
import reverie.engine.loop.Checkpoint;
import reverie.engine.loop.CheckpointStore;
import reverie.engine.loop.Export;
import reverie.engine.loop.RunTasks;
import reverie.tasks.Domains;

/** {@code reverie export}: a run's frontiers in Stitch's or DreamCoder's format. */
@Command(
    name = "export",
    header = "Write a run's frontiers in Stitch's or DreamCoder's format.",
    description =
        "Reads the (verified) checkpoint of a run directory and writes its training frontiers as "
            + "DreamCoder's compressor input (the checkpoint's library as DSL, inventions as #(...)), "
            + "or as Stitch's programs list (every frontier program with its inventions inlined, so "
            + "Stitch can compress the corpus from scratch).",
    mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

  enum Format {
    stitch,
    dreamcoder
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A run directory written by 'reverie run'.")
  Path dir;

  @Option(
      names = "--fmt",
      required = true,
      paramLabel = "FORMAT",
      description = "stitch or dreamcoder.")
  Format format;

  @Option(
      names = "--iteration",
      paramLabel = "N",
      description = "The checkpoint to read (default: the latest).")
  Integer iteration;

  @Option(
      names = "--test",
      description = "Export the test split's frontiers of that iteration instead.")
  boolean test;

  @Mixin OutputFile out;

  @Override
  public Integer call() {
    Optional<Path> output = out.checked();
    CheckpointStore store = CheckpointStore.open(dir);
    int i = store.resolveIteration(Optional.ofNullable(iteration));
    // Names are all that an export needs (no typing), but they must be the run's own tasks.
    RunTasks run = RunTasks.open(store, Domains.installed());
    RunDirectory.warn(run, spec.commandLine().getErr());
    Checkpoint<Void> c = store.loadWithoutModel(i, PrimitiveResolver.untyped());
    run.check(c, store.folder(i));
    var frontiers = (test ? c.testFrontiers() : c.frontiers()).values();
    String text;
    if (format == Format.stitch) {
      text = Export.stitch(frontiers);
    } else {
      // The stored (verified) file gives the DSL with the production types that an untyped reading
      // would lose.
      text =
          Export.dreamcoder(
              store
                  .folder(i)
                  .resolve(test ? CheckpointStore.TEST_FRONTIERS : CheckpointStore.FRONTIERS),
              frontiers);
    }
    if (output.isPresent()) {
      AtomicFiles.writeString(output.get(), text);
      spec.commandLine()
          .getErr()
          .println(
              "wrote " + frontiers.size() + " frontiers of iteration " + i + " to " + output.get());
    } else {
      spec.commandLine().getOut().print(text);
    }
    return ExitCode.OK;
  }
}

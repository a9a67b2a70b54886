package reverie.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.dsl.grammar.GrammarJson;
import reverie.engine.loop.Checkpoint;
import reverie.engine.loop.CheckpointStore;
import reverie.engine.loop.LibraryReport;
import reverie.engine.loop.RunTasks;
import reverie.tasks.Domains;

/** {@code reverie library}: the library a run learned, readable. */
@Command(
    name = "library",
    header = "Show the library a run learned.",
    description =
        "Reads a verified checkpoint of a run directory (the latest, or --iteration N) and prints "
            + "every invention: its body with earlier inventions by name (f0, f1, ...), its type, arity "
            + "and log-weight, how many frontier programs use it and in which tasks, and one "
            + "application evaluated on an input of such a task; then the primitives with their weights "
            + "and the library's depth (inventions built from inventions). --json prints the same as "
            + "one document; --dot the invention dependency graph for Graphviz; --pictures DIR draws"
            + " the inventions that make pictures (DreamCoder's library figure).",
    mixinStandardHelpOptions = true)
final class LibraryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A run directory written by 'reverie run'.")
  Path dir;

  @Option(
      names = "--iteration",
      paramLabel = "N",
      description = "The checkpoint to read (default: the latest).")
  Integer iteration;

  @Mixin JsonOption json;

  @Option(
      names = "--pictures",
      paramLabel = "DIR",
      description =
          "Also draw the library into DIR: for each invention that makes a picture (for logo, a"
              + " drawing; for towers, a tower), a row of it applied to example arguments (DIR/fN.png), all rows in"
              + " DIR/library.png, and DIR/index.html with every invention's body and type.")
  Path pictures;

  @Option(
      names = "--dot",
      description = "Print the invention dependency graph in Graphviz's dot language.")
  boolean dot;

  @Override
  public Integer call() {
    if (json.json && dot) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --json or --dot, not both");
    }
    CheckpointStore store = CheckpointStore.open(dir);
    int i = store.resolveIteration(Optional.ofNullable(iteration));
    RunTasks run = RunTasks.open(store, Domains.installed());
    RunDirectory.warn(run, spec.commandLine().getErr());
    Checkpoint<Void> checkpoint = store.loadWithoutModel(i, run.resolver());
    run.check(checkpoint, store.folder(i));
    LibraryReport report = run.libraryReport(checkpoint);
    PrintWriter out = spec.commandLine().getOut();
    if (pictures != null) {
      List<LibraryFigure.Row> rows =
          new LibraryFigure(run.domain())
              .write(
                  pictures,
                  checkpoint.grammar(),
                  report,
                  "Library of " + dir.getFileName() + " at iteration " + i);
      long drawn = rows.stream().filter(r -> r.picture().isPresent()).count();
      spec.commandLine()
          .getErr()
          .printf(
              "%d of %d inventions drawn into %s (index.html, library.png)%n",
              drawn, rows.size(), pictures);
    }
    if (json.json) {
      out.println(GrammarJson.write(report.toJson()));
    } else if (dot) {
      out.print(report.toDot());
    } else {
      out.print(report.toText());
    }
    out.flush();
    return ExitCode.OK;
  }
}

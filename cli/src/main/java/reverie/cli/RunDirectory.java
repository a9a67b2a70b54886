package reverie.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import reverie.engine.loop.RunTasks;
import reverie.engine.loop.StandardLoop;
import reverie.tasks.Domains;

/**
 * How a command opens a run directory: its checkpoint with the run's own tasks (its copy of the
 * task file), verified, with a warning on stderr when the original task file has moved or changed.
 */
final class RunDirectory {
  private RunDirectory() {}

  /** The checkpoint of {@code dir} at {@code iteration} (the latest when null). */
  static StandardLoop.Loaded open(Path dir, Integer iteration, PrintWriter err) {
    StandardLoop.Loaded loaded =
        StandardLoop.open(dir, Optional.ofNullable(iteration), Domains.installed());
    warn(loaded.tasks(), err);
    return loaded;
  }

  /** Prints the run's warnings, one line each. */
  static void warn(RunTasks tasks, PrintWriter err) {
    for (String w : tasks.warnings()) {
      err.println("reverie: warning: " + w);
    }
    err.flush();
  }
}

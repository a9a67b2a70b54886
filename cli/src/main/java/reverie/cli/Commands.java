package reverie.cli;

import java.util.List;

/** The list of subcommands, one class each; add a new command here. */
final class Commands {
  private Commands() {}

  static List<Object> all() {
    return List.of(
        // one line per subcommand, kept in the order of --help
        new TypeCommand(),
        new EvalCommand(),
        new DrawCommand(),
        new SampleCommand(),
        new DomainsCommand(),
        new TasksCommand(),
        new CheckCommand(),
        new RunCommand(),
        new SolveCommand(),
        new CompressCommand(),
        new DreamCommand(),
        new EmbedCommand(),
        new LibraryCommand(),
        new ExportCommand(),
        new CompareCommand(),
        new ServeCommand(),
        new ReportCommand(),
        new SaeCommand(),
        new BenchCommand());
  }
}

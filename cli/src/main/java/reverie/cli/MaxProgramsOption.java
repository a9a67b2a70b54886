package reverie.cli;

import java.util.OptionalLong;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --max-programs} option (a mixin): a search budget counted in programs per task, which
 * gives the same frontiers on any number of threads, on a cluster, and under any load.
 */
final class MaxProgramsOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--max-programs",
      paramLabel = "N",
      description =
          "Check exactly N programs against each task (fewer when it has its --top-k first) in"
              + " place of the CPU-second --timeout: each search then runs on one thread in the"
              + " enumeration's own order, and the same seed gives the same frontiers on any"
              + " number of threads and machines (default: the --timeout).")
  Long maxPrograms;

  /** The program budget, empty for the timeout; a usage error when below 1 or beside --timeout. */
  OptionalLong value() {
    if (maxPrograms == null) {
      return OptionalLong.empty();
    }
    CommandLine cl = mixee.commandLine();
    if (maxPrograms < 1) {
      throw new CommandLine.ParameterException(
          cl, "--max-programs must be at least 1, not " + maxPrograms);
    }
    if (cl.getParseResult().hasMatchedOption("--timeout")) {
      throw new CommandLine.ParameterException(
          cl, "give --timeout or --max-programs, not both: --max-programs replaces the timeout");
    }
    return OptionalLong.of(maxPrograms);
  }
}

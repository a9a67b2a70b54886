package reverie.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reverie bench}: whole-job performance figures a user can reproduce. */
@Command(
    mixinStandardHelpOptions = true,
    name = "bench",
    header = "Measure whole-job performance.",
    description = {
      "Runs a fixed job and reports its speed; these are the end-to-end figures quoted in the"
          + " README."
    },
    subcommands = {
      BenchRecognitionCommand.class,
      BenchEnumerateCommand.class,
      BenchServeCommand.class
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a benchmark is needed, e.g. 'bench recognition'");
  }
}

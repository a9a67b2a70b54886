package reverie.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.dsl.program.TypeInference;

/** {@code reverie type}: prints the most general type of a program. */
@Command(
    name = "type",
    header = "Print the inferred type of a program.",
    description = {
      "Parses PROGRAM in DreamCoder syntax with the primitives of the domain and prints its most"
          + " general type, such as 'list(int) -> int'. A malformed or ill-typed program exits with"
          + " code 3."
    })
final class TypeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print version information and exit.")
  boolean version;

  @Mixin ProgramArgument program;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(TypeInference.infer(program.parse()));
    return ExitCode.OK;
  }
}

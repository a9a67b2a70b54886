package reverie.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

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
      names = "--domain",
      defaultValue = "lists",
      description = "The domain of the primitives (default: ${DEFAULT-VALUE}).")
  String domain;

  @Parameters(
      index = "0",
      paramLabel = "PROGRAM",
      description = "A program, e.g. '(lambda (map (lambda (+ $0 1)) $0))'.")
  String program;

  @Override
  public Integer call() {
    Domain d = Domains.byName(domain);
    Program p = Program.parse(program, d.resolver());
    spec.commandLine().getOut().println(TypeInference.infer(p));
    return ExitCode.OK;
  }
}

package reverie.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reverie.dsl.program.Program;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/** The {@code --domain} option and the PROGRAM parameter of commands that take one program. */
final class ProgramArgument {
  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      defaultValue = "lists",
      description = "The domain of the primitives (default: ${DEFAULT-VALUE}).")
  String domainName;

  @Parameters(
      index = "0",
      paramLabel = "PROGRAM",
      description = "A program, e.g. '(lambda (map (lambda (+ $0 1)) $0))'.")
  String text;

  Domain domain() {
    return Domains.installed().byName(domainName);
  }

  /** The program parsed with the domain's primitives; a ParseException names the column. */
  Program parse() {
    return Program.parse(text, domain().resolver());
  }
}

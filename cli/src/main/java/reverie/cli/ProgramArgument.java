package reverie.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import reverie.dsl.program.Program;
import reverie.tasks.Domain;

/** The {@code --domain} option and the PROGRAM parameter of commands that take one program. */
final class ProgramArgument {
  @Mixin DomainOption domain;

  @Parameters(
      index = "0",
      paramLabel = "PROGRAM",
      description = "A program, e.g. '(lambda (map (lambda (+ $0 1)) $0))'.")
  String text;

  Domain domain() {
    return domain.domain();
  }

  /** The program parsed with the domain's primitives; a ParseException names the column. */
  Program parse() {
    return Program.parse(text, domain().resolver());
  }
}

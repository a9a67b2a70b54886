package reverie.cli;

import java.util.Iterator;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/** The {@code --domain} option (a mixin): an installed domain by name. */
final class DomainOption {
  /** The domain used when none is named: that of the default suite. */
  static final String DEFAULT = "lists";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--domain",
      paramLabel = "NAME",
      defaultValue = DEFAULT,
      completionCandidates = Names.class,
      description = "The domain: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String name;

  /** The domain; a usage error listing the installed ones when it is unknown. */
  Domain domain() {
    return Domains.installed()
        .find(name)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    mixee.commandLine(),
                    "unknown domain '"
                        + name
                        + "' (installed: "
                        + String.join(", ", new Names())
                        + "; 'reverie domains' lists them)"));
  }

  /** The installed domains' names, for help and messages. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Domains.installed().all().stream().map(Domain::name).iterator();
    }
  }
}

package reverie.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --timeout} option, CPU seconds of search per task (a mixin); its default comes from
 * {@link ConfigDefaults}, the command's configuration record.
 */
final class TimeoutOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--timeout",
      paramLabel = "S",
      description =
          "CPU seconds of search per task, shared equally by the tasks of one enumeration"
              + " (default: ${DEFAULT-VALUE}).")
  double timeout;

  /** The timeout; a usage error when it is not positive. */
  double seconds() {
    if (!(timeout > 0) || Double.isInfinite(timeout)) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(), "--timeout must be a positive number of seconds, not " + timeout);
    }
    return timeout;
  }
}

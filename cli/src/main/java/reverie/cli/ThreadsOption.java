package reverie.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --threads} option (a mixin); its default comes from {@link ConfigDefaults}, the
 * command's configuration record.
 */
final class ThreadsOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  /** The thread count; a usage error when it is below 1. */
  int threads() {
    if (threads < 1) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(), "--threads must be at least 1, not " + threads);
    }
    return threads;
  }
}

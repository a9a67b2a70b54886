package reverie.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --seed} option (a mixin); its default comes from {@link ConfigDefaults}, the command's
 * configuration record.
 */
final class SeedOption {
  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of every random choice; the same seed gives the same result on one thread"
              + " (default: ${DEFAULT-VALUE}).")
  long seed;
}

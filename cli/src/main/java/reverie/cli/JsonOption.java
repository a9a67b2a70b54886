package reverie.cli;

import picocli.CommandLine.Option;

/** The {@code --json} option: one JSON document on stdout instead of text (a mixin). */
final class JsonOption {
  @Option(
      names = "--json",
      description = "Print one JSON document on stdout instead of text (progress stays on stderr).")
  boolean json;
}

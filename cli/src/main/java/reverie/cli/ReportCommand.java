package reverie.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.cli.serve.StaticReport;
import reverie.cli.serve.ValuePictures;

/** {@code reverie report}: a run's pages as one self-contained HTML file. */
@Command(
    name = "report",
    header = "Write a run's pages as one self-contained HTML file.",
    description = {
      "Writes the pages of 'reverie serve' for one run (learning curve, phase times,",
      "the library graph at each iteration, every invention and task page, and the",
      "SAE comparison if the run has one) into one HTML file with its script, style,",
      "data and pictures inline, to attach to a paper or an email. It opens in any",
      "browser with no network and no server."
    },
    mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory.")
  Path run;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "report.html",
      description = "The HTML file to write (default ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(run.resolve("config.json"))) {
      throw new reverie.dsl.InputException(
          Files.isDirectory(run)
              ? run + " is not a Reverie run directory (no config.json)"
              : "run directory " + run + " does not exist");
    }
    StaticReport.write(run, out, ValuePictures.DOMAIN);
    spec.commandLine().getErr().println("reverie: wrote " + out);
    return ExitCode.OK;
  }
}

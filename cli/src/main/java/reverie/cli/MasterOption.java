package reverie.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.engine.enumerate.JobRunnerProvider;
import reverie.engine.enumerate.JobRunnerProvider.ClusterRunner;

/**
 * The {@code --master URL} option (a mixin): run the search jobs on a cluster through the {@link
 * JobRunnerProvider} on the class path that takes the URL (Reverie's Spark module), the rest of the
 * command staying in this process.
 */
final class MasterOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Run the search jobs on a cluster: local[N], spark://HOST:PORT, yarn or k8s://URL"
              + " (Apache Spark; needs Reverie's Spark module, which ./reverie adds for --master,"
              + " see docs/cluster.md). Without it the jobs run on this machine's threads.")
  String master;

  /**
   * The cluster runner for {@code --master}, connected and checked, its description printed on
   * {@code err} and its notes (one line per wake: where the time went) given to {@code notes};
   * empty without the option. A usage error when no module on the class path takes the URL or it is
   * malformed.
   */
  Optional<ClusterRunner> open(String appName, PrintWriter err, Consumer<String> notes) {
    if (master == null) {
      return Optional.empty();
    }
    CommandLine cl = mixee.commandLine();
    List<JobRunnerProvider> installed = JobRunnerProvider.installed();
    if (installed.isEmpty()) {
      throw new CommandLine.ParameterException(
          cl,
          "--master needs Reverie's Spark module, which is not on the class path: run ./reverie"
              + " from a checkout (it adds the module for --master) or spark-submit"
              + " spark/target/reverie-spark.jar (docs/cluster.md)");
    }
    JobRunnerProvider provider =
        JobRunnerProvider.forMaster(master)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        cl,
                        "--master "
                            + master
                            + " is not a master URL: "
                            + installed.stream()
                                .map(p -> p.name() + " takes " + p.forms())
                                .collect(Collectors.joining("; "))));
    ClusterRunner runner;
    try {
      runner = provider.open(master, appName, notes);
    } catch (IllegalArgumentException malformed) {
      throw new CommandLine.ParameterException(cl, "--master: " + malformed.getMessage());
    }
    err.println(runner.description());
    err.flush();
    return Optional.of(runner);
  }
}

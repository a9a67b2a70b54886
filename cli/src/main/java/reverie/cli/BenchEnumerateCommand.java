package reverie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.dsl.type.Type;
import reverie.engine.enumerate.EnumerationBenchmark;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/**
 * {@code reverie bench enumerate}: enumeration speed, or the exact count below a description
 * length.
 */
@Command(
    name = "enumerate",
    header = "Enumerate programs under a domain's uniform grammar and check each against a task.",
    mixinStandardHelpOptions = true,
    description = {
      "Enumerates the programs of a type in decreasing prior order under the domain's uniform"
          + " grammar, compiling every program and running it on a task of 15 random examples that"
          + " nothing solves (stopping at the first failing example), for a fixed time or exactly up"
          + " to a description length. Programs in which one of the domain's symmetry rules applies"
          + " are not enumerated unless --no-pruning is given, and are not counted. Reports programs"
          + " per second, the description length reached (nats) and the number of programs."
    })
final class BenchEnumerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--domain",
      defaultValue = "lists",
      paramLabel = "NAME",
      description = "Domain (default: ${DEFAULT-VALUE}).")
  String domain;

  @Option(
      names = "--type",
      defaultValue = "list(int) -> list(int)",
      paramLabel = "TYPE",
      description = "Request type (default: ${DEFAULT-VALUE}).")
  String type;

  @CommandLine.ArgGroup(exclusive = true)
  Bound bound;

  static final class Bound {
    @Option(
        names = "--seconds",
        paramLabel = "S",
        description = "Run for S seconds of wall-clock time (default: 10).")
    Double seconds;

    @Option(
        names = "--max-nats",
        paramLabel = "D",
        description = "Enumerate exactly the programs below D nats.")
    Double maxNats;
  }

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "Threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--no-pruning",
      description =
          "Enumerate every program, also those the domain's symmetry rules prune (a no larger"
              + " program computes the same, as (car (cons a b)) or (+ x 0)).")
  boolean noPruning;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    double seconds = Double.POSITIVE_INFINITY;
    double maxNats = Double.POSITIVE_INFINITY;
    if (bound != null && bound.maxNats != null) {
      maxNats = bound.maxNats;
      if (!(maxNats > 0)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--max-nats must be positive");
      }
    } else {
      seconds = bound != null && bound.seconds != null ? bound.seconds : 10;
      if (!(seconds > 0)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be positive");
      }
    }
    Domain d = Domains.installed().byName(domain);
    Type request = Type.parse(type);
    EnumerationBenchmark.Result r =
        EnumerationBenchmark.run(d, request, seconds, maxNats, threads, !noPruning);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("programs_per_second", r.programsPerSecond());
      o.put("nats_reached", r.natsReached());
      o.put("programs", r.programs());
      o.put("threads", r.threads());
      o.put("pruning", r.pruning());
      o.put("seconds", r.seconds());
      o.put("cpu_seconds", r.cpuSeconds());
      o.put("worker_cpu_seconds", r.workerCpuSeconds());
      o.put("programs_per_worker_cpu_second", r.programsPerWorkerCpuSecond());
      out.println(o.toPrettyString());
    } else {
      out.println(
          String.format(
              Locale.ROOT,
              "%,d programs of %s%s in %.1f s on %d thread%s: %,.0f programs per second (%,.0f per"
                  + " CPU-second of the enumerating threads); description length reached %.1f"
                  + " nats",
              r.programs(),
              request,
              r.pruning() ? "" : " (no pruning)",
              r.seconds(),
              r.threads(),
              r.threads() == 1 ? "" : "s",
              r.programsPerSecond(),
              r.programsPerWorkerCpuSecond(),
              r.natsReached()));
    }
    return ExitCode.OK;
  }
}

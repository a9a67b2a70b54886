package reverie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;
import reverie.engine.enumerate.EnumerationBenchmark;
import reverie.tasks.Domain;

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
          + " to a description length. For a request whose values are not ints, bools, chars or"
          + " lists (towers), the task is the one of the domain's built-in suites with the longest"
          + " reference program. Programs in which one of the domain's symmetry rules applies"
          + " are not enumerated unless --no-pruning is given, and are not counted. Reports programs"
          + " per second, the description length reached (nats) and the number of programs; --json"
          + " also the holes expanded and the refusals of each symmetry rule, most first (to see"
          + " which rules a domain's search meets)."
    })
final class BenchEnumerateCommand implements Callable<Integer> {
  private static final String LIST_REQUEST = "list(int) -> list(int)";

  @Spec CommandSpec spec;

  @Mixin DomainOption domain;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description =
          "Request type (default: "
              + LIST_REQUEST
              + ", or for a domain without lists the commonest request of its built-in suites,"
              + " such as tower -> tower).")
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

  @Mixin ThreadsOption threads;

  @Option(
      names = "--no-pruning",
      description =
          "Enumerate every program, also those the domain's symmetry rules prune (a no larger"
              + " program computes the same, as (car (cons a b)) or (+ x 0)).")
  boolean noPruning;

  @Option(
      names = "--warmup",
      paramLabel = "S",
      description =
          "First enumerate the same way for S seconds without counting, so that the JIT compiler"
              + " has compiled the hot code before the measured run: without it, a run of 10 s"
              + " shares the machine with several seconds of compilation (default: 0).")
  double warmup;

  @Mixin JsonOption json;

  /**
   * {@value #LIST_REQUEST} when the domain has lists of ints (lists, text), else the request most
   * of its built-in tasks have.
   */
  private static Type defaultRequest(Domain d) {
    Type lists = Type.parse(LIST_REQUEST);
    try {
      d.checkType(lists);
      return lists;
    } catch (InputException e) {
      Map<Type, Long> counts =
          d.suites().stream()
              .flatMap(s -> s.generatedTasks().stream())
              .collect(
                  Collectors.groupingBy(
                      t -> t.task().request(), LinkedHashMap::new, Collectors.counting()));
      return counts.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElseThrow(
              () ->
                  new InputException(
                      "domain " + d.name() + " has no built-in tasks; give the type with --type"));
    }
  }

  @Override
  public Integer call() {
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
    Domain d = domain.domain();
    Type request = type != null ? Type.parse(type) : defaultRequest(d);
    d.checkType(request);
    if (!(warmup >= 0) || Double.isInfinite(warmup)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--warmup must be a number of seconds, 0 or more");
    }
    if (warmup > 0) {
      EnumerationBenchmark.run(
          d, request, warmup, Double.POSITIVE_INFINITY, threads.threads(), !noPruning);
    }
    EnumerationBenchmark.Result r =
        EnumerationBenchmark.run(d, request, seconds, maxNats, threads.threads(), !noPruning);
    PrintWriter out = spec.commandLine().getOut();
    if (json.json) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("programs_per_second", r.programsPerSecond());
      o.put("nats_reached", r.natsReached());
      o.put("programs", r.programs());
      o.put("threads", r.threads());
      o.put("pruning", r.pruning());
      o.put("seconds", r.seconds());
      o.put("warmup_seconds", warmup);
      o.put("cpu_seconds", r.cpuSeconds());
      o.put("worker_cpu_seconds", r.workerCpuSeconds());
      o.put("programs_per_worker_cpu_second", r.programsPerWorkerCpuSecond());
      o.put("holes_expanded", r.expansions());
      o.put("refused_by_symmetry_rules", r.refused());
      ObjectNode byRule = o.putObject("refused_by_rule");
      r.refusedByRule().forEach(byRule::put);
      out.println(o.toPrettyString());
    } else {
      out.println(
          String.format(
              Locale.ROOT,
              "%,d programs of %s%s in %.1f s on %d thread%s: %,.0f programs per second (%,.0f per"
                  + " CPU-second of the enumerating threads); description length reached %.1f"
                  + " nats%s",
              r.programs(),
              request,
              r.pruning() ? "" : " (no pruning)",
              r.seconds(),
              r.threads(),
              r.threads() == 1 ? "" : "s",
              r.programsPerSecond(),
              r.programsPerWorkerCpuSecond(),
              r.natsReached(),
              warmup > 0 ? String.format(Locale.ROOT, " (after %.0f s of warm-up)", warmup) : ""));
    }
    return ExitCode.OK;
  }
}

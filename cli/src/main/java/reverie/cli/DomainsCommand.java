package reverie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import reverie.dsl.type.Type;
import reverie.tasks.BuiltInSuite;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/** {@code reverie domains}: the installed domains and the suites they provide. */
@Command(
    name = "domains",
    header = "List the installed domains and their built-in suites.",
    description = {
      "Every domain on the class path (found through META-INF/services/reverie.tasks.Domain) with"
          + " its description, base types, number of primitives, likelihood (what counts as a"
          + " match), the featurizer the recognition model reads its tasks with, and its built-in"
          + " suites with their task counts ('--suite NAME' of tasks, check, solve and run).",
      "",
      "A new domain needs no change elsewhere: see 'Adding a domain' in README.md."
    },
    mixinStandardHelpOptions = true)
final class DomainsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json.json) {
      ObjectMapper mapper = new ObjectMapper();
      ArrayNode domains = mapper.createArrayNode();
      for (Domain d : Domains.installed().all()) {
        ObjectNode o = domains.addObject();
        o.put("name", d.name());
        o.put("description", d.description());
        ArrayNode types = o.putArray("base_types");
        d.baseTypes().forEach(t -> types.add(t.toString()));
        o.put("primitives", d.primitives().size());
        o.put("likelihood", d.likelihood().kind());
        o.put("featurizer", d.featurizer().name());
        ArrayNode suites = o.putArray("suites");
        for (BuiltInSuite s : d.suites()) {
          ObjectNode suite = suites.addObject();
          suite.put("name", s.name());
          suite.put("description", s.description());
          suite.put("tasks", s.generatedTasks().size());
        }
      }
      ObjectNode root = mapper.createObjectNode();
      root.set("domains", domains);
      out.println(root.toPrettyString());
      return ExitCode.OK;
    }
    for (Domain d : Domains.installed().all()) {
      out.printf(Locale.ROOT, "%s: %s%n", d.name(), d.description());
      out.printf(
          Locale.ROOT,
          "  base types %s; %d primitives; likelihood %s; featurizer %s%n",
          d.baseTypes().stream().map(Type::toString).collect(Collectors.joining(", ")),
          d.primitives().size(),
          d.likelihood().kind(),
          d.featurizer().name());
      for (BuiltInSuite s : d.suites()) {
        out.printf(
            Locale.ROOT,
            "  suite %s: %d tasks, %s%n",
            s.name(),
            s.generatedTasks().size(),
            s.description());
      }
      if (d.suites().isEmpty()) {
        out.println("  no built-in suite (use --file)");
      }
    }
    return ExitCode.OK;
  }
}

package reverie.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.tasks.CheckReport;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.ExampleResult;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/** {@code reverie check}: runs a program on every example of one task and says which pass. */
@Command(
    name = "check",
    header = "Run a program on the examples of a task and report pass or fail for each.",
    description = {
      "Parses PROGRAM with the primitives of the task's domain, checks that it has the task's"
          + " request type, and runs it on every example (with the standard budget: 100,000 steps"
          + " and list cells, and 50 ms, per example). Prints one line per example with the inputs, the"
          + " expected and the actual value, then a summary.",
      "Exits with 0 when every example passes, 1 when any fails, 3 for a bad program or task"
          + " file."
    },
    mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin TaskSource source;

  @Option(
      names = "--task",
      required = true,
      paramLabel = "NAME",
      description = "The task to check against.")
  String taskName;

  @Mixin JsonOption json;

  @Parameters(
      paramLabel = "PROGRAM",
      description = "The program, such as '(lambda (map (lambda (+ $0 1)) $0))'.")
  String program;

  @Override
  public Integer call() throws JsonProcessingException {
    Task task = source.load().task(taskName);
    Domain domain = Domains.installed().byName(task.domain());
    CheckReport report = Scorer.of(domain).check(task, program);
    PrintWriter out = spec.commandLine().getOut();
    if (json.json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(toJson(report, domain)));
      out.flush();
      return report.passed() ? ExitCode.OK : ExitCode.FAILED;
    }
    for (ExampleResult r : report.results()) {
      StringBuilder line = new StringBuilder();
      line.append(r.passed() ? "pass" : "FAIL").append("  example ").append(r.index()).append(": ");
      for (int i = 0; i < task.arity(); i++) {
        line.append(i == 0 ? "" : ", ")
            .append(domain.show(r.example().inputs().get(i), task.inputTypes().get(i)));
      }
      line.append(" -> expected ").append(domain.show(r.example().output(), task.outputType()));
      if (r.actual().isPresent()) {
        line.append(", actual ").append(domain.show(r.actual().get(), task.outputType()));
      } else {
        line.append(", failed: ").append(r.error().orElseThrow());
      }
      out.println(line);
    }
    out.printf(
        "%s: %d/%d examples pass for %s%n",
        report.passed() ? "PASS" : "FAIL",
        report.passedCount(),
        report.results().size(),
        task.name());
    out.flush();
    return report.passed() ? ExitCode.OK : ExitCode.FAILED;
  }

  private static ObjectNode toJson(CheckReport report, Domain domain) {
    Task task = report.task();
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("task", task.name());
    root.put("request", task.request().toString());
    root.put("program", report.program().toString());
    root.put("passed", report.passed());
    root.put("passed_examples", report.passedCount());
    root.put("examples", report.results().size());
    ArrayNode results = root.putArray("results");
    for (ExampleResult r : report.results()) {
      ObjectNode o = results.addObject();
      o.put("index", r.index());
      o.put("passed", r.passed());
      ArrayNode inputs = o.putArray("inputs");
      for (int i = 0; i < task.arity(); i++) {
        inputs.add(domain.valueToJson(r.example().inputs().get(i), task.inputTypes().get(i)));
      }
      o.set("expected", domain.valueToJson(r.example().output(), task.outputType()));
      if (r.actual().isPresent()) {
        o.set("actual", domain.valueToJson(r.actual().get(), task.outputType()));
      } else {
        o.put("error", r.error().orElseThrow());
      }
    }
    return root;
  }
}

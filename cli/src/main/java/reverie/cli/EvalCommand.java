package reverie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.dsl.InputException;
import reverie.dsl.JsonText;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeContext;
import reverie.dsl.type.TypeError;
import reverie.tasks.Domain;
import reverie.tasks.JsonValues;
import reverie.tasks.Scorer;

/** {@code reverie eval}: runs a program on JSON arguments and prints the JSON result. */
@Command(
    name = "eval",
    header = "Evaluate a program on JSON arguments.",
    description = {
      "Parses PROGRAM with the primitives of the domain, reads each ARG as JSON of the type the"
          + " program expects there (inferred from the JSON where that type is a variable), runs"
          + " the program within the standard budget (10^6 steps, 100 ms, 10^6 list cells) and"
          + " prints the result as JSON. Integer literals such as 99 may be used besides the"
          + " domain's primitives; in the text domain STRING is the empty string.",
      "A failed evaluation prints 'reverie: evaluation failed: <reason>' and exits with code 3."
    })
final class EvalCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print version information and exit.")
  boolean version;

  @Mixin ProgramArgument program;

  @Parameters(
      index = "1..*",
      paramLabel = "ARG",
      description = "The arguments, as JSON: 3, true, [1,2], \"text\".")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    Domain d = program.domain();
    Program p = program.parse();
    Type type = TypeInference.infer(p);
    List<Type> parameters = type.functionArguments();
    if (arguments.size() != parameters.size()) {
      throw new InputException(
          "the program "
              + p
              + " of type "
              + type
              + " takes "
              + parameters.size()
              + " arguments, given "
              + arguments.size());
    }
    TypeContext context = new TypeContext(type);
    List<Object> inputs = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      JsonNode json = parse(arguments.get(i), i);
      Type expected = context.resolve(parameters.get(i));
      if (expected.isPolymorphic()) {
        Type given = JsonValues.inferType(json, context);
        try {
          context.unify(expected, given);
        } catch (TypeError e) {
          throw new InputException(
              "argument " + (i + 1) + ": expected " + expected + ", found " + given);
        }
        expected = context.resolve(expected);
      }
      try {
        inputs.add(d.valueFromJson(json, expected));
      } catch (InputException e) {
        throw new InputException("argument " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    Object value;
    try {
      Scorer scorer = Scorer.of(d);
      value = scorer.compile(p).run(inputs, scorer.meter());
    } catch (EvaluationException e) {
      throw new InputException("evaluation failed: " + e.getMessage());
    }
    Type result = context.resolve(type.finalResult());
    spec.commandLine().getOut().println(d.valueToJson(value, result));
    return ExitCode.OK;
  }

  /** One argument as JSON: one value and nothing after it ({@code '1 2'} is refused). */
  private static JsonNode parse(String text, int i) {
    return JsonText.parse(text, "argument " + (i + 1));
  }
}

package reverie.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.GrammarJson;
import reverie.dsl.grammar.Sample;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;

/** {@code reverie sample}: draws programs of a type from a domain's uniform base grammar. */
@Command(
    mixinStandardHelpOptions = true,
    name = "sample",
    header = "Sample programs of a type from a domain's base grammar.",
    description = {
      "Draws N programs of type TYPE from the uniform grammar over the domain's primitives,"
          + " top-down as DreamCoder does (eta-long, each hole choosing among the productions and"
          + " variables that fit its type), and prints each with its log-prior in nats, e.g."
          + " '-4.7958  (lambda (cdr $0))'. A draw nested deeper than --max-depth is discarded and"
          + " drawn again. The same --seed gives the same programs. A type naming a constructor"
          + " the domain lacks (list(integer)) is refused."
    })
final class SampleCommand implements Callable<Integer> {
  // Attempts per requested program before concluding that the type has no program within the depth
  // bound.
  private static final int ATTEMPTS = 10_000;

  @Spec CommandSpec spec;

  @Mixin DomainOption domain;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "TYPE",
      description = "The request type, e.g. 'list(int) -> list(int)'.")
  String type;

  @Option(
      names = "-n",
      defaultValue = "10",
      paramLabel = "N",
      description = "Number of programs (default: ${DEFAULT-VALUE}).")
  int count;

  @Mixin SeedOption seed;

  @Option(
      names = "--max-depth",
      defaultValue = "8",
      paramLabel = "D",
      description = "Deepest nesting of choices kept (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    if (count < 0) {
      throw new ParameterException(spec.commandLine(), "-n must not be negative: " + count);
    }
    if (maxDepth < 1) {
      throw new ParameterException(
          spec.commandLine(), "--max-depth must be at least 1: " + maxDepth);
    }
    Domain d = domain.domain();
    Type request = Type.parse(type);
    d.checkType(request);
    Grammar grammar = d.baseGrammar();
    Random random = new Random(seed.seed);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      samples.add(draw(grammar, request, random));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.json) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (Sample s : samples) {
        ObjectNode entry = array.addObject();
        entry.put("program", s.program().toString());
        entry.put("log_prior", s.logPrior());
      }
      out.println(GrammarJson.write(array));
    } else {
      for (Sample s : samples) {
        out.println(String.format(Locale.ROOT, "%.4f  %s", s.logPrior(), s.program()));
      }
    }
    out.flush();
    return ExitCode.OK;
  }

  private Sample draw(Grammar grammar, Type request, Random random) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Sample> s = grammar.sampleWithLogPrior(request, random, maxDepth);
      if (s.isPresent()) {
        return s.get();
      }
    }
    throw new InputException(
        "no program of type "
            + request
            + " in domain "
            + domain.name
            + " within depth "
            + maxDepth
            + " after "
            + ATTEMPTS
            + " attempts");
  }
}

package reverie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.type.Type;
import reverie.engine.loop.StandardLoop;
import reverie.engine.recognition.Dreamer;
import reverie.engine.recognition.TaskExamples;
import reverie.tasks.Domain;
import reverie.tasks.Example;
import reverie.tasks.Scorer;

/**
 * {@code reverie dream}: prints fantasies, the programs the recognition model is trained on besides
 * replays.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "dream",
    header = "Print fantasies: programs sampled from a grammar, run on real tasks' inputs.",
    description =
        "Samples programs from the domain's base grammar (uniform weights) for the request types of"
            + " the domain's built-in suite, runs each on the inputs of a suite task of that type,"
            + " and keeps those that succeed on every input, do not return the same output for all"
            + " of them, and behave unlike every other kept fantasy (of two with equal outputs, the"
            + " smaller program stays). Prints each program, its log-prior under the grammar"
            + " (nats), and its first example. Samples at most 20 programs per fantasy asked for,"
            + " so fewer than N may be printed. With --checkpoint DIR (a `reverie run` directory)"
            + " the grammar is that checkpoint's library and the inputs are those of the run's"
            + " tasks.")
final class DreamCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Mixin DomainOption domain;

  @Option(
      names = "-n",
      defaultValue = "10",
      paramLabel = "N",
      description = "How many fantasies (default: ${DEFAULT-VALUE}).")
  int count;

  @Mixin SeedOption seed;

  @Mixin JsonOption json;

  @Option(
      names = "--pictures",
      paramLabel = "FILE.png",
      description =
          "Also write a sheet of the fantasies' pictures (for logo, each program's drawing; for towers, its tower), so"
              + " that dreams before and after learning can be compared.")
  java.nio.file.Path pictures;

  @Option(
      names = "--checkpoint",
      paramLabel = "DIR",
      description = "A run directory: sample from its checkpoint's library, on its tasks' inputs.")
  java.nio.file.Path checkpoint;

  @Option(
      names = "--iteration",
      paramLabel = "N",
      description = "With --checkpoint: this iteration's checkpoint (default: the latest).")
  Integer iteration;

  @Override
  public Integer call() throws Exception {
    if (count < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "-n must be >= 0, got " + count);
    }
    Domain d;
    Grammar grammar;
    List<reverie.tasks.Task> tasks;
    if (checkpoint != null) {
      if (spec.commandLine().getParseResult().hasMatchedOption("--domain")) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--domain does not go with --checkpoint (the run has its domain)");
      }
      StandardLoop.Loaded loaded =
          RunDirectory.open(checkpoint, iteration, spec.commandLine().getErr());
      d = loaded.tasks().domain();
      grammar = loaded.checkpoint().grammar();
      tasks = loaded.tasks().suite().tasks();
    } else {
      if (iteration != null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--iteration needs --checkpoint");
      }
      d = domain.domain();
      grammar = d.baseGrammar();
      if (d.suites().isEmpty()) {
        throw new InputException(
            "domain " + d.name() + " has no built-in suite to take inputs from; use --checkpoint");
      }
      tasks = d.suites().get(0).suite(d.name()).tasks();
    }
    Dreamer dreamer = Dreamer.of(Scorer.of(d), grammar, TaskExamples.inputs(tasks));
    List<Dreamer.Fantasy> fantasies = dreamer.dream(count, new SplittableRandom(seed.seed));
    PrintWriter out = spec.commandLine().getOut();
    ArrayNode array = JSON.createArrayNode();
    for (Dreamer.Fantasy f : fantasies) {
      JsonNode example = exampleJson(d, f.inputs().request(), Dreamer.examples(f).get(0));
      double logPrior = grammar.logPrior(f.program(), f.inputs().request());
      if (json.json) {
        ObjectNode o = array.addObject();
        o.put("program", f.program().toString());
        o.put("request", f.inputs().request().toString());
        o.put("log_prior", logPrior);
        o.put("inputs_from", f.inputs().task());
        o.set("example", example);
      } else {
        out.printf(Locale.ROOT, "%8.3f  %s%n", logPrior, f.program());
        Example first = Dreamer.examples(f).get(0);
        out.printf(
            Locale.ROOT,
            "          %s -> %s   (%s; inputs of %s)%n",
            example.get("inputs"),
            // A long output (a picture's pixels) is shown in the domain's short form.
            example.get("output").toString().length() <= 200
                ? example.get("output")
                : d.show(first.output(), f.inputs().request().finalResult()),
            f.inputs().request(),
            f.inputs().task());
      }
    }
    if (pictures != null) {
      writePictures(d, grammar, fantasies);
    }
    if (json.json) {
      ObjectNode doc = JSON.createObjectNode();
      doc.put("domain", d.name());
      doc.put("seed", seed.seed);
      doc.set("fantasies", array);
      out.println(JSON.writeValueAsString(doc));
    }
    spec.commandLine()
        .getErr()
        .printf(Locale.ROOT, "%d fantasies (asked for %d)%n", fantasies.size(), count);
    return ExitCode.OK;
  }

  /** Each fantasy's program drawn from the domain's standard input, with its log-prior. */
  private void writePictures(Domain d, Grammar grammar, List<Dreamer.Fantasy> fantasies) {
    ProgramPictures drawer = new ProgramPictures(d);
    List<Montage.Cell> cells = new ArrayList<>();
    for (int i = 0; i < fantasies.size(); i++) {
      Dreamer.Fantasy f = fantasies.get(i);
      Type request = f.inputs().request();
      Optional<BufferedImage> picture = drawer.tryPicture(f.program(), request, PICTURE_SIZE);
      if (picture.isPresent()) {
        cells.add(
            new Montage.Cell(
                picture.get(),
                String.format(
                    Locale.ROOT, "#%d  %.1f nats", i, grammar.logPrior(f.program(), request))));
      }
    }
    if (cells.isEmpty() && !fantasies.isEmpty()) {
      throw new InputException(
          "domain "
              + d.name()
              + " cannot draw these fantasies (it has no pictures, or no standard input for"
              + " their type)");
    }
    String source =
        checkpoint != null ? checkpoint.getFileName() + " (library)" : d.name() + " base grammar";
    Montage.writePng(
        Montage.grid(
            "Dreams of " + source + ", seed " + seed.seed, cells, PICTURE_COLUMNS, PICTURE_SIZE, 1),
        pictures);
    spec.commandLine()
        .getErr()
        .printf(Locale.ROOT, "%s: %d fantasies drawn%n", pictures, cells.size());
  }

  static final int PICTURE_SIZE = 96;
  static final int PICTURE_COLUMNS = 10;

  /** An example as {@code {"inputs": [...], "output": ...}} in the domain's JSON form. */
  private static ObjectNode exampleJson(Domain d, Type request, Example e) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode inputs = o.putArray("inputs");
    for (int i = 0; i < e.inputs().size(); i++) {
      inputs.add(d.valueToJson(e.inputs().get(i), request.functionArguments().get(i)));
    }
    o.set("output", d.valueToJson(e.output(), request.finalResult()));
    return o;
  }
}

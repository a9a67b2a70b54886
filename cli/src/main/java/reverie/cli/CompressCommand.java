package reverie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.dsl.InputException;
import reverie.dsl.program.Invented;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.engine.compress.CompressionConfig;
import reverie.engine.compress.CompressionResult;
import reverie.engine.compress.Compressor;
import reverie.engine.compress.CostModel;
import reverie.engine.compress.LearnedAbstraction;

/**
 * {@code reverie compress}: learns a library of abstractions from a corpus of programs, as Stitch
 * does.
 */
@Command(
    name = "compress",
    mixinStandardHelpOptions = true,
    header =
        "Learn abstractions that compress a corpus of programs (Stitch-style top-down search).",
    description = {
      "Reads Stitch's programs-list JSON ([\"(lam ...)\", ...], each program its own task) or"
          + " DreamCoder's compressor input ({\"DSL\": ..., \"frontiers\": [...]}; each task"
          + " counts by its cheapest program; existing inventions #(...) are atomic primitives"
          + " named dreamcoder_abstraction_i as in Stitch).",
      "Learns --iterations abstractions one after another, each the best by utility = corpus"
          + " cost reduction - structure penalty x body cost (costs: application 1, lambda 1, $i,"
          + " #i and primitives 100). Reports CR_min = original cost / (final cost + cost of the"
          + " abstraction bodies). A progress line per abstraction goes to stderr."
    })
final class CompressCommand implements Callable<Integer> {

  enum Format {
    AUTO,
    PROGRAMS,
    DREAMCODER
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the corpus (JSON)")
  Path file;

  @Option(
      names = "--fmt",
      paramLabel = "FORMAT",
      description = "input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Format format = Format.AUTO;

  @Option(
      names = {"-a", "--max-arity"},
      paramLabel = "A",
      description = "most arguments of an abstraction (default: ${DEFAULT-VALUE})")
  int maxArity = 3;

  @Option(
      names = {"-i", "--iterations"},
      paramLabel = "N",
      description = "abstractions to learn (default: ${DEFAULT-VALUE})")
  int iterations = 10;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "T",
      description = "search threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--structure-penalty",
      paramLabel = "P",
      description = "utility lost per unit of body cost (default: ${DEFAULT-VALUE})")
  double structurePenalty = 1.0;

  @Option(
      names = "--beam",
      paramLabel = "B",
      description =
          "abstraction sequences kept per step; 1 is Stitch's greedy choice, 0 chooses by corpus size"
              + " (3 below cost 10^6, else 1) (default: ${DEFAULT-VALUE})")
  int beam = CompressionConfig.DEFAULT_BEAM;

  @Option(names = "--allow-single-task", description = "allow abstractions used in one task only")
  boolean allowSingleTask;

  @Option(
      names = "--cost-app",
      paramLabel = "C",
      description = "cost of an application (default: ${DEFAULT-VALUE})")
  int costApp = CostModel.STITCH.application();

  @Option(
      names = "--cost-lam",
      paramLabel = "C",
      description = "cost of a lambda (default: ${DEFAULT-VALUE})")
  int costLam = CostModel.STITCH.lambda();

  @Option(
      names = "--cost-var",
      paramLabel = "C",
      description = "cost of a variable $i (default: ${DEFAULT-VALUE})")
  int costVar = CostModel.STITCH.variable();

  @Option(
      names = "--cost-arg",
      paramLabel = "C",
      description = "cost of an argument #i in a body (default: ${DEFAULT-VALUE})")
  int costArg = CostModel.STITCH.argument();

  @Option(
      names = "--cost-prim",
      paramLabel = "C",
      description = "cost of a primitive (default: ${DEFAULT-VALUE})")
  int costPrim = CostModel.STITCH.primitive();

  @Mixin OutputFile out;

  @Mixin JsonOption json;

  private record Input(
      List<Program> programs, List<Integer> tasks, List<Invented> library, String lambdaWord) {}

  @Override
  public Integer call() throws IOException {
    if (maxArity < 0 || iterations < 0 || beam < 0 || threads < 1 || structurePenalty < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--max-arity, --iterations and --beam must be >= 0, --threads >= 1");
    }
    Optional<Path> output = out.checked();
    Input input = read();
    CompressionConfig config =
        CompressionConfig.defaults()
            .withMaxArity(maxArity)
            .withIterations(iterations)
            .withThreads(threads)
            .withStructurePenalty(structurePenalty)
            .withBeam(beam)
            .withAllowSingleTask(allowSingleTask)
            .withCosts(new CostModel(costApp, costLam, costVar, costArg, costPrim));
    PrintWriter err = spec.commandLine().getErr();
    CompressionResult result;
    try {
      result =
          Compressor.compress(
              input.programs(),
              input.tasks(),
              input.library(),
              config,
              input.lambdaWord(),
              line -> {
                err.println(line);
                err.flush();
              });
    } catch (InputException e) {
      // A program the compressor cannot hold (a variable deeper than $62): name the file.
      throw new InputException(file + ": " + e.getMessage(), e);
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode doc = toJson(mapper, result);
    if (output.isPresent()) {
      mapper.writeValue(output.get().toFile(), doc);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json.json) {
      stdout.println(mapper.writeValueAsString(doc));
    } else {
      printSummary(stdout, result);
    }
    return ExitCode.OK;
  }

  private Input read() throws IOException {
    JsonNode root = reverie.dsl.JsonText.read(file);
    Format f = format;
    if (f == Format.AUTO) {
      f = root != null && root.isArray() ? Format.PROGRAMS : Format.DREAMCODER;
    }
    PrimitiveResolver untyped = PrimitiveResolver.untyped();
    List<Program> programs = new ArrayList<>();
    List<Integer> tasks = new ArrayList<>();
    List<Invented> library = new ArrayList<>();
    if (f == Format.PROGRAMS) {
      if (root == null || !root.isArray()) {
        throw new InputException(file + ": expected a JSON list of program strings");
      }
      for (int i = 0; i < root.size(); i++) {
        JsonNode p = root.get(i);
        if (!p.isTextual()) {
          throw new InputException(file + ": program " + i + " is not a string");
        }
        programs.add(parse(p.asText(), untyped, "program " + i));
        tasks.add(i);
      }
      return new Input(programs, tasks, library, "lam");
    }
    if (root == null || !root.isObject() || !root.path("frontiers").isArray()) {
      throw new InputException(
          file + ": expected DreamCoder's compressor input with a \"frontiers\" list");
    }
    for (JsonNode production : root.path("DSL").path("productions")) {
      String e = production.path("expression").asText("");
      if (e.startsWith("#")) {
        Program p = parse(e, untyped, "DSL production " + e);
        if (p instanceof Invented inv) {
          library.add(inv);
        }
      }
    }
    Map<String, Integer> taskIds = new HashMap<>();
    JsonNode frontiers = root.get("frontiers");
    for (int i = 0; i < frontiers.size(); i++) {
      JsonNode frontier = frontiers.get(i);
      // the task's name, as the check script and DreamCoder see it; an anonymous frontier is its
      // own task
      String task =
          frontier.hasNonNull("task")
              ? frontier.get("task").asText()
              : frontier.hasNonNull("name") ? frontier.get("name").asText() : "#frontier " + i;
      int id = taskIds.computeIfAbsent(task, k -> taskIds.size());
      JsonNode list = frontier.path("programs");
      if (!list.isArray()) {
        throw new InputException(
            file + ": frontier " + i + " (" + task + ") has no \"programs\" list");
      }
      for (int j = 0; j < list.size(); j++) {
        JsonNode p = list.get(j).path("program");
        if (!p.isTextual()) {
          throw new InputException(
              file
                  + ": frontier "
                  + i
                  + " ("
                  + task
                  + ") program "
                  + j
                  + " has no \"program\" string");
        }
        programs.add(parse(p.asText(), untyped, "frontier " + i + " (" + task + ") program " + j));
        tasks.add(id);
      }
    }
    return new Input(programs, tasks, library, "lambda");
  }

  private Program parse(String text, PrimitiveResolver resolver, String where) {
    try {
      return Program.parse(text, resolver);
    } catch (InputException e) {
      throw new InputException(file + ": " + where + ": " + e.getMessage());
    }
  }

  private static ObjectNode toJson(ObjectMapper mapper, CompressionResult r) {
    ObjectNode doc = mapper.createObjectNode();
    doc.put("original_cost", r.originalCost());
    doc.put("final_cost", r.finalCost());
    doc.put("compression_ratio", r.compressionRatio());
    doc.put("cr_min", r.crMin());
    doc.put("seconds", r.seconds());
    ArrayNode abstractions = doc.putArray("abstractions");
    for (LearnedAbstraction a : r.abstractions()) {
      ObjectNode o = abstractions.addObject();
      o.put("name", a.name());
      o.put("body", a.body());
      o.put("dreamcoder", a.dreamcoder());
      o.put("arity", a.arity());
      o.put("utility", a.utility());
      o.put("num_uses", a.uses());
    }
    ArrayNode original = doc.putArray("original");
    r.original().forEach(original::add);
    ArrayNode rewritten = doc.putArray("rewritten");
    r.rewritten().forEach(rewritten::add);
    ArrayNode dreamcoder = doc.putArray("rewritten_dreamcoder");
    r.rewrittenDreamcoder().forEach(dreamcoder::add);
    return doc;
  }

  private static void printSummary(PrintWriter out, CompressionResult r) {
    out.printf("%d abstractions in %.2f s%n", r.abstractions().size(), r.seconds());
    for (LearnedAbstraction a : r.abstractions()) {
      out.printf(
          "  %-6s arity %d  utility %8d  uses %5d  %s%n",
          a.name(), a.arity(), a.utility(), a.uses(), a.body());
    }
    out.printf(
        "cost %d -> %d  ratio %.4f  CR_min %.4f%n",
        r.originalCost(), r.finalCost(), r.compressionRatio(), r.crMin());
  }
}

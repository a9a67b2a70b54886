package reverie.engine.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Featurizer;
import reverie.tasks.ImageFeaturizer;
import reverie.tasks.SequenceFeaturizer;

/**
 * The on-disk form of a {@link RecognitionModel}: {@code recognition.json}, a header (format
 * version, featurizer and vocabulary, or the picture shape {@code [channels, height, width]} for a
 * picture featurizer, architecture, the library's productions in DreamCoder form with their
 * weights, the parameter blocks), and {@code recognition.bin}, the weights as little-endian IEEE
 * doubles.
 */
final class ModelFile {
  static final String HEADER = "recognition.json";
  static final String WEIGHTS = "recognition.bin";
  static final String FORMAT = "reverie-recognition";
  static final int VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelFile() {}

  static void save(RecognitionModel model, Path directory) throws IOException {
    Files.createDirectories(directory);
    ObjectNode h = JSON.createObjectNode();
    h.put("format", FORMAT);
    h.put("version", VERSION);
    h.put("featurizer", model.featurizer().name());
    ArrayNode vocabulary = h.putArray("vocabulary");
    if (model.featurizer() instanceof SequenceFeaturizer s) {
      s.sideVocabulary().forEach(vocabulary::add);
    }
    if (model.featurizer() instanceof ImageFeaturizer i) {
      // Pictures have no vocabulary; their shape plays its part (a model reads one shape).
      h.putArray("picture").add(i.channels()).add(i.height()).add(i.width());
    }
    Architecture a = model.architecture();
    ObjectNode arch = h.putObject("architecture");
    arch.put("encoder", a.encoder());
    arch.put("embedding", a.embedding());
    arch.put("channels", a.channels());
    arch.put("width", a.width());
    ArrayNode hidden = arch.putArray("hidden");
    a.hidden().forEach(hidden::add);
    arch.put("rank", a.rank());
    h.put("log_variable", model.library().logVariable());
    model.library().continuationType().ifPresent(t -> h.put("continuation_type", t.toString()));
    ArrayNode productions = h.putArray("productions");
    for (Production p : model.library().productions()) {
      ObjectNode o = productions.addObject();
      o.put("expression", p.program().toString());
      o.put("type", p.type().toString());
      o.put("log_weight", p.logWeight());
    }
    h.put("parameters", model.parameterCount());
    h.put("weights_file", WEIGHTS);
    h.put("dtype", "float64");
    h.put("byte_order", "little_endian");
    ByteBuffer buffer =
        ByteBuffer.allocate(8 * model.parameters.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double d : model.parameters) {
      buffer.putDouble(d);
    }
    Files.write(directory.resolve(WEIGHTS), buffer.array());
    Files.writeString(directory.resolve(HEADER), JSON.writeValueAsString(h) + "\n");
  }

  static RecognitionModel load(Path directory, Domain domain) throws IOException {
    PrimitiveResolver resolver = domain.resolver();
    Path headerFile = directory.resolve(HEADER);
    if (!Files.exists(headerFile)) {
      throw new InputException(headerFile + ": no recognition model here");
    }
    JsonNode h = reverie.dsl.JsonText.read(headerFile);
    if (!FORMAT.equals(text(h, "format", headerFile))) {
      throw new InputException(
          headerFile + ": not a recognition model header (format " + h.get("format") + ")");
    }
    int version = integer(h, "version", headerFile);
    if (version != VERSION) {
      throw new InputException(
          headerFile + ": format version " + version + ", this Reverie reads version " + VERSION);
    }
    Featurizer featurizer = featurizer(text(h, "featurizer", headerFile), domain, headerFile);
    List<String> vocabulary = new ArrayList<>();
    field(h, "vocabulary", headerFile).forEach(v -> vocabulary.add(v.asText()));
    if (featurizer instanceof SequenceFeaturizer s && !vocabulary.equals(s.sideVocabulary())) {
      throw new InputException(
          headerFile + ": the vocabulary differs from featurizer " + featurizer.name() + "'s");
    }
    if (featurizer instanceof ImageFeaturizer i) {
      List<Integer> shape = new ArrayList<>();
      field(h, "picture", headerFile).forEach(v -> shape.add(v.asInt()));
      if (!shape.equals(List.of(i.channels(), i.height(), i.width()))) {
        throw new InputException(
            headerFile
                + ": the model reads pictures of shape "
                + shape
                + ", featurizer "
                + featurizer.name()
                + " makes "
                + List.of(i.channels(), i.height(), i.width()));
      }
    }
    JsonNode arch = field(h, "architecture", headerFile);
    ImmutableList.Builder<Integer> hidden = ImmutableList.builder();
    field(arch, "hidden", headerFile).forEach(v -> hidden.add(v.asInt()));
    Architecture architecture;
    try {
      architecture =
          new Architecture(
              text(arch, "encoder", headerFile),
              integer(arch, "embedding", headerFile),
              integer(arch, "channels", headerFile),
              integer(arch, "width", headerFile),
              hidden.build(),
              integer(arch, "rank", headerFile));
    } catch (IllegalArgumentException e) {
      throw new InputException(headerFile + ": bad architecture: " + e.getMessage());
    }
    List<Production> productions = new ArrayList<>();
    for (JsonNode p : field(h, "productions", headerFile)) {
      String expression = text(p, "expression", headerFile);
      try {
        Program program = Program.parse(expression, resolver);
        Type type = Type.parse(text(p, "type", headerFile));
        productions.add(
            new Production(program, type, field(p, "log_weight", headerFile).asDouble()));
      } catch (InputException | IllegalArgumentException e) {
        throw new InputException(headerFile + ": production " + expression + ": " + e.getMessage());
      }
    }
    // Models saved before grammars had continuation types have none.
    Optional<Type> continuation = Optional.empty();
    if (h.has("continuation_type")) {
      try {
        continuation = Optional.of(Type.parse(text(h, "continuation_type", headerFile)));
      } catch (InputException e) {
        throw new InputException(headerFile + ": continuation_type: " + e.getMessage());
      }
    }
    Grammar library;
    try {
      library =
          new Grammar(
              field(h, "log_variable", headerFile).asDouble(),
              ImmutableList.copyOf(productions),
              continuation);
    } catch (IllegalArgumentException e) {
      throw new InputException(headerFile + ": " + e.getMessage());
    }
    int count = integer(h, "parameters", headerFile);
    Path weightsFile = directory.resolve(WEIGHTS);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(weightsFile);
    } catch (NoSuchFileException e) {
      throw new InputException(weightsFile + ": missing (the header names " + count + " weights)");
    }
    if (bytes.length != 8L * count) {
      throw new InputException(
          weightsFile
              + ": "
              + bytes.length
              + " bytes, expected "
              + 8L * count
              + " for "
              + count
              + " weights");
    }
    double[] parameters = new double[count];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      parameters[i] = buffer.getDouble();
      if (!Double.isFinite(parameters[i])) {
        throw new InputException(weightsFile + ": weight " + i + " is not finite");
      }
    }
    return new RecognitionModel(library, featurizer, architecture, parameters);
  }

  /**
   * The featurizer a model was trained with: the domain's own, or the generic one that any domain
   * has; a model of another featurizer cannot be used.
   */
  private static Featurizer featurizer(String name, Domain domain, Path headerFile) {
    if (name.equals(domain.featurizer().name())) {
      return domain.featurizer();
    }
    SequenceFeaturizer generic = SequenceFeaturizer.hashed(domain::valueToJson);
    if (name.equals(generic.name())) {
      return generic;
    }
    throw new InputException(
        headerFile
            + ": the model reads tasks with featurizer '"
            + name
            + "', domain "
            + domain.name()
            + " with '"
            + domain.featurizer().name()
            + "'");
  }

  private static JsonNode field(JsonNode node, String name, Path file) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new InputException(file + ": missing field '" + name + "'");
    }
    return v;
  }

  private static String text(JsonNode node, String name, Path file) {
    JsonNode v = field(node, name, file);
    if (!v.isTextual()) {
      throw new InputException(file + ": field '" + name + "' must be a string");
    }
    return v.textValue();
  }

  private static int integer(JsonNode node, String name, Path file) {
    JsonNode v = field(node, name, file);
    if (!v.canConvertToInt()) {
      throw new InputException(file + ": field '" + name + "' must be an integer");
    }
    return v.intValue();
  }
}

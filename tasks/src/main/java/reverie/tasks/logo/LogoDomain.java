package reverie.tasks.logo;

import static reverie.dsl.eval.Curried.fn2;
import static reverie.dsl.eval.Curried.metered2;
import static reverie.dsl.eval.Curried.metered3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.EvaluationBudget;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.FunctionValue;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeError;
import reverie.tasks.BuiltInSuite;
import reverie.tasks.Domain;
import reverie.tasks.Featurizer;
import reverie.tasks.ImageFeaturizer;
import reverie.tasks.Likelihood;
import reverie.tasks.Scorer;
import reverie.tasks.Suite;

/**
 * DreamCoder's LOGO graphics domain: a turtle draws on a 9 x 9 canvas, programs of type {@code
 * turtle -> turtle} in continuation-passing style, and a task is a target picture matched at 28 x
 * 28 pixels.
 *
 * <p>The primitives are DreamCoder's ({@code dreamcoder/domains/logo/logoPrimitives.py}, in its
 * order) with the meaning of its OCaml interpreter: angles in full turns ({@code logo_UA} = 1),
 * lengths in units, {@code logo_epsA} = 0.025 turn, {@code logo_epsL} = 0.05 unit, {@code
 * logo_IFTY} = 20; {@code logo_FWRT l a k} moves forward by l (drawing when the pen is down), turns
 * counter-clockwise by a, then continues with k; {@code logo_PT body k} runs the body with the pen
 * up and then puts the pen back; {@code logo_GETSET body k} runs the body and then restores the
 * position, heading and pen; {@code logo_forLoop n f k} is {@code f 0 (f 1 (... (f (n-1) k)))}. The
 * one deviation: {@code logo_DIVA} and {@code logo_DIVL} by 0 fail (OCaml gives infinity, which
 * draws nothing meaningful). See {@link Turtle} for how continuations are represented.
 *
 * <p>A program's output is matched by drawing it: the drawing, centred on its bounding box, must
 * fit the canvas, and its 28 x 28 rendering ({@link Rasteriser}) must equal the target's pixels
 * exactly (DreamCoder's rule), or lie within the target's tolerance when the task file gives one.
 */
public final class LogoDomain implements Domain {
  static final Type TURTLE = Type.of("turtle");
  static final Type ANGLE = Type.of("tangle");
  static final Type LENGTH = Type.of("tlength");
  static final Type INT = Type.of("int");
  static final Type REQUEST = Type.arrow(TURTLE, TURTLE);

  /** The size at which tasks are matched, and targets of reference programs are rendered. */
  static final int TARGET_SIZE = 28;

  /** The one input of every LOGO task: the empty continuation, run from the start state. */
  static final ImmutableList<Object> START_INPUTS = ImmutableList.of(Turtle.START);

  static final EvaluationException DIVIDE_BY_ZERO = new EvaluationException("division by zero");

  /**
   * The budget of a reference program rendered as a target: the standard steps and cells, with a
   * time limit that only guards against a stuck JVM (the steps decide).
   */
  static final EvaluationBudget REFERENCE_BUDGET =
      new EvaluationBudget(
          EvaluationBudget.DEFAULT.steps(), 10_000_000_000L, EvaluationBudget.DEFAULT.cells());

  private static final ImmutableSet<String> IMAGE_KEYS =
      ImmutableSet.of("size", "pixels", "tolerance");
  private static final ImmutableSet<String> PROGRAM_KEYS =
      ImmutableSet.of("program", "size", "tolerance");

  private final ImmutableList<Primitive> primitives = primitiveList();
  private final ImmutableMap<String, Object> implementations = implementationTable();
  private final Likelihood likelihood = new LogoLikelihood();
  private final Featurizer featurizer =
      new ImageFeaturizer(
          "logo-28", 1, TARGET_SIZE, TARGET_SIZE, (request, e) -> intensities(e.output()));
  private final ImmutableList<BuiltInSuite> suites =
      ImmutableList.of(
          new BuiltInSuite(
              "logo",
              LogoSuite.SIZE
                  + " drawings in "
                  + LogoSuite.FAMILIES
                  + " families (lines, polygons, stars, dashes, circles, spirals, rows, radial"
                  + " and nested shapes), with reference programs",
              () -> LogoSuite.generate(this)));
  // Built on first use: a scorer asks this domain for its table and likelihood.
  private volatile Scorer referenceScorer;

  @Override
  public String name() {
    return "logo";
  }

  @Override
  public String description() {
    return "DreamCoder's LOGO turtle graphics: 27 primitives, drawings matched as 28x28 images";
  }

  @Override
  public ImmutableList<Primitive> primitives() {
    return primitives;
  }

  @Override
  public ImmutableMap<String, Object> implementations() {
    return implementations;
  }

  @Override
  public ImmutableList<Type> baseTypes() {
    return ImmutableList.of(TURTLE, ANGLE, LENGTH, INT);
  }

  /** {@code turtle}: a hole for the rest of the drawing takes the innermost continuation only. */
  @Override
  public Optional<Type> continuationType() {
    return Optional.of(TURTLE);
  }

  @Override
  public Likelihood likelihood() {
    return likelihood;
  }

  @Override
  public Featurizer featurizer() {
    return featurizer;
  }

  @Override
  public ImmutableList<BuiltInSuite> suites() {
    return suites;
  }

  @Override
  public Optional<Suite> readTaskFile(JsonNode root, String file, String defaultName) {
    return LogoTaskFile.read(this, root, file, defaultName);
  }

  /** A drawing becomes its 28 x 28 image; empty when it draws nothing or leaves the canvas. */
  @Override
  public Optional<Object> asTarget(Object output, Type type) {
    if (output instanceof Turtle t) {
      Drawing d = t.drawing();
      if (!d.onCanvas()) {
        return Optional.empty();
      }
      GreyImage image = t.image(TARGET_SIZE);
      return image.isBlank() ? Optional.empty() : Optional.of(image);
    }
    return Optional.of(output);
  }

  /** A drawing in colour from blue (first stroke) to pink (last); a target image in grey. */
  @Override
  public Optional<BufferedImage> picture(Object value, Type type, int size) {
    if (value instanceof Turtle t) {
      return Optional.of(Rasteriser.colour(t.drawing(), size));
    }
    if (value instanceof GreyImage g) {
      return Optional.of(Rasteriser.picture(g, size));
    }
    return Optional.empty();
  }

  @Override
  public String show(Object value, Type type) {
    if (value instanceof Turtle t) {
      if (t.isStart()) {
        return "start";
      }
      Drawing d = t.drawing();
      if (d.isEmpty()) {
        return "a drawing with nothing drawn";
      }
      return "a drawing of "
          + d
          + (d.onCanvas()
              ? ""
              : ", off the canvas (a drawing must fit in 9 x 9 units once centred)");
    }
    if (value instanceof GreyImage g) {
      return g.toString();
    }
    return Domain.super.show(value, type);
  }

  /** {@code turtle -> turtle} programs run on the start state. */
  @Override
  public Optional<ImmutableList<Object>> defaultInputs(Type request) {
    return request.equals(REQUEST) ? Optional.of(START_INPUTS) : Optional.empty();
  }

  @Override
  public ImmutableList<Program> exampleArguments(Type type) {
    ImmutableList<String> texts;
    if (type.equals(INT)) {
      texts = ImmutableList.of("3", "4", "5", "6", "7", "8");
    } else if (type.equals(ANGLE)) {
      texts =
          ImmutableList.of(
              "(logo_DIVA logo_UA 4)",
              "(logo_DIVA logo_UA 3)",
              "(logo_DIVA logo_UA 6)",
              "(logo_DIVA logo_UA 8)",
              "(logo_MULA logo_epsA 2)",
              "(logo_DIVA logo_UA 5)");
    } else if (type.equals(LENGTH)) {
      texts =
          ImmutableList.of(
              "logo_UL",
              "(logo_MULL logo_UL 2)",
              "(logo_DIVL logo_UL 2)",
              "(logo_MULL logo_UL 3)",
              "(logo_MULL logo_epsL 4)",
              "(logo_MULL logo_UL 4)");
    } else if (type.equals(REQUEST)) {
      texts =
          ImmutableList.of(
              "(lambda (logo_FWRT logo_UL logo_ZA $0))",
              "(lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 4) $0))",
              "(lambda (logo_forLoop logo_IFTY (lambda (lambda (logo_FWRT logo_epsL logo_epsA $0)))"
                  + " $0))",
              "(lambda (logo_forLoop 3 (lambda (lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 3)"
                  + " $0))) $0))",
              "(lambda (logo_PT (lambda (logo_FWRT logo_UL logo_ZA $0)) (logo_FWRT logo_UL"
                  + " logo_ZA $0)))",
              "(lambda (logo_forLoop 4 (lambda (lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 4)"
                  + " $0))) $0))");
    } else if (type.equals(Type.arrow(INT, TURTLE, TURTLE))) {
      texts =
          ImmutableList.of(
              "(lambda (lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 4) $0)))",
              "(lambda (lambda (logo_FWRT (logo_MULL logo_epsL $1) (logo_DIVA logo_UA 4) $0)))",
              "(lambda (lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 6) $0)))",
              "(lambda (lambda (logo_FWRT (logo_MULL (logo_DIVL logo_UL 2) $1) (logo_DIVA logo_UA"
                  + " 3) $0)))");
    } else {
      return ImmutableList.of();
    }
    return texts.stream()
        .map(t -> Program.parse(t, resolver()))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public Object valueFromJson(JsonNode json, Type type) {
    if (type.equals(TURTLE)) {
      if (json.isTextual() && json.textValue().equals("start")) {
        return Turtle.START;
      }
      if (json.isObject() && json.has("pixels")) {
        return imageFromJson(json);
      }
      if (json.isObject() && json.has("program")) {
        return programTarget(json);
      }
      throw new InputException(
          "expected \"start\", an image {\"size\": N, \"pixels\": BASE64} or a program to draw"
              + " {\"program\": \"(lambda ...)\"}, found "
              + abbreviate(json));
    }
    if (type.equals(ANGLE) || type.equals(LENGTH)) {
      if (json.isNumber() && Double.isFinite(json.doubleValue())) {
        return json.doubleValue();
      }
      throw new InputException("expected a number (" + type + "), found " + abbreviate(json));
    }
    if (type.equals(INT)) {
      if (json.isIntegralNumber() && json.canConvertToLong()) {
        return json.longValue();
      }
      throw new InputException("expected an integer, found " + abbreviate(json));
    }
    throw new InputException("domain logo has no values of type " + type);
  }

  @Override
  public JsonNode valueToJson(Object value, Type type) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof Turtle t) {
      return t.isStart() ? f.textNode("start") : imageToJson(t.image(TARGET_SIZE));
    }
    if (value instanceof GreyImage g) {
      return imageToJson(g);
    }
    if (value instanceof Double d) {
      return f.numberNode(d);
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    throw new IllegalArgumentException("not a LOGO value: " + value);
  }

  /** {@code {"size": 28, "pixels": BASE64}}, and the tolerance when there is one. */
  static ObjectNode imageToJson(GreyImage g) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("size", g.size());
    o.put("pixels", Base64.getEncoder().encodeToString(g.pixels()));
    if (g.tolerance() > 0) {
      o.put("tolerance", g.tolerance());
    }
    return o;
  }

  private static GreyImage imageFromJson(JsonNode json) {
    rejectUnknownKeys(json, IMAGE_KEYS, "image");
    int size = size(json, "image");
    JsonNode pixels = json.get("pixels");
    if (!pixels.isTextual()) {
      throw new InputException("image: 'pixels' must be a base64 string");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(pixels.textValue());
    } catch (IllegalArgumentException e) {
      throw new InputException("image: 'pixels' is not base64 (" + e.getMessage() + ")");
    }
    if (bytes.length != size * size) {
      throw new InputException(
          "image: 'pixels' has "
              + bytes.length
              + " bytes, a "
              + size
              + "x"
              + size
              + " image needs "
              + size * size);
    }
    return GreyImage.of(size, bytes, tolerance(json, "image"));
  }

  /** A target given as a program: its drawing rendered, refused when it is off the canvas. */
  private GreyImage programTarget(JsonNode json) {
    rejectUnknownKeys(json, PROGRAM_KEYS, "program target");
    JsonNode text = json.get("program");
    if (!text.isTextual()) {
      throw new InputException("'program' must be a string");
    }
    int size = json.has("size") ? size(json, "program target") : TARGET_SIZE;
    Turtle t = draw(text.textValue());
    if (!t.drawing().onCanvas()) {
      throw new InputException(
          "the program's drawing is off the canvas: "
              + t.drawing()
              + " (a drawing must fit in 9 x 9 units once centred)");
    }
    return t.image(size).withTolerance(tolerance(json, "program target"));
  }

  /**
   * Parses a reference program, checks that it is a {@code turtle -> turtle}, runs it on the start
   * state and returns what it drew; an {@link InputException} saying what is wrong otherwise (a
   * drawing off the canvas is returned: DreamCoder's own tasks have one).
   */
  Turtle draw(String programText) {
    Program program = Program.parse(programText, resolver());
    try {
      TypeInference.check(program, REQUEST);
    } catch (TypeError e) {
      throw new InputException(
          "the program has type "
              + typeOf(program)
              + ", a LOGO task needs "
              + REQUEST
              + " ("
              + e.getMessage()
              + ")");
    }
    Scorer scorer = referenceScorer();
    Object out;
    try {
      out = scorer.compile(program).run(START_INPUTS, scorer.meter());
    } catch (EvaluationException e) {
      throw new InputException("the program failed: " + e.getMessage());
    }
    Turtle t = (Turtle) out;
    if (t.drawing().isEmpty()) {
      throw new InputException("the program draws nothing");
    }
    return t;
  }

  private static String typeOf(Program program) {
    try {
      return TypeInference.infer(program).toString();
    } catch (TypeError e) {
      return "no type (" + e.getMessage() + ")";
    }
  }

  private Scorer referenceScorer() {
    Scorer s = referenceScorer;
    if (s == null) {
      s = new Scorer(this, REFERENCE_BUDGET);
      referenceScorer = s;
    }
    return s;
  }

  private static int size(JsonNode json, String what) {
    JsonNode size = json.get("size");
    if (size == null || !size.canConvertToInt() || !size.isIntegralNumber()) {
      throw new InputException(what + ": 'size' must be an integer (28 for DreamCoder's tasks)");
    }
    int n = size.intValue();
    if (n < 1 || n > GreyImage.MAX_SIZE) {
      throw new InputException(
          what + ": size " + n + " is not in 1.." + GreyImage.MAX_SIZE + " pixels");
    }
    return n;
  }

  private static double tolerance(JsonNode json, String what) {
    JsonNode t = json.get("tolerance");
    if (t == null) {
      return 0;
    }
    if (!t.isNumber() || !(t.doubleValue() >= 0 && t.doubleValue() <= 255)) {
      throw new InputException(
          what
              + ": 'tolerance' must be a number of grey levels in [0, 255] (the largest mean"
              + " difference per pixel), found "
              + t);
    }
    return t.doubleValue();
  }

  private static void rejectUnknownKeys(JsonNode json, ImmutableSet<String> known, String what) {
    for (Iterator<String> keys = json.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!known.contains(key)) {
        throw new InputException(what + ": unknown field '" + key + "' (expected " + known + ")");
      }
    }
  }

  private static String abbreviate(JsonNode json) {
    String s = json.toString();
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /** What the recognition model sees of an example: its target at 28 x 28, in [0, 1]. */
  private static float[] intensities(Object output) {
    if (output instanceof GreyImage g) {
      return g.intensities(TARGET_SIZE);
    }
    if (output instanceof Turtle t) {
      return t.image(TARGET_SIZE).intensities(TARGET_SIZE);
    }
    return new float[TARGET_SIZE * TARGET_SIZE];
  }

  private static ImmutableList<Primitive> primitiveList() {
    ImmutableList.Builder<Primitive> p = ImmutableList.builder();
    p.add(new Primitive("logo_UA", ANGLE));
    p.add(new Primitive("logo_UL", LENGTH));
    p.add(new Primitive("logo_ZA", ANGLE));
    p.add(new Primitive("logo_ZL", LENGTH));
    p.add(new Primitive("logo_DIVA", Type.arrow(ANGLE, INT, ANGLE)));
    p.add(new Primitive("logo_MULA", Type.arrow(ANGLE, INT, ANGLE)));
    p.add(new Primitive("logo_DIVL", Type.arrow(LENGTH, INT, LENGTH)));
    p.add(new Primitive("logo_MULL", Type.arrow(LENGTH, INT, LENGTH)));
    p.add(new Primitive("logo_ADDA", Type.arrow(ANGLE, ANGLE, ANGLE)));
    p.add(new Primitive("logo_SUBA", Type.arrow(ANGLE, ANGLE, ANGLE)));
    p.add(new Primitive("logo_PT", Type.arrow(REQUEST, TURTLE, TURTLE)));
    p.add(new Primitive("logo_FWRT", Type.arrow(LENGTH, ANGLE, TURTLE, TURTLE)));
    p.add(new Primitive("logo_GETSET", Type.arrow(REQUEST, TURTLE, TURTLE)));
    p.add(new Primitive("logo_IFTY", INT));
    p.add(new Primitive("logo_epsA", ANGLE));
    p.add(new Primitive("logo_epsL", LENGTH));
    p.add(
        new Primitive(
            "logo_forLoop", Type.arrow(INT, Type.arrow(INT, TURTLE, TURTLE), TURTLE, TURTLE)));
    for (int i = 0; i <= 9; i++) {
      p.add(new Primitive(Integer.toString(i), INT));
    }
    return p.build();
  }

  private static ImmutableMap<String, Object> implementationTable() {
    ImmutableMap.Builder<String, Object> m = ImmutableMap.builder();
    m.put("logo_UA", 1.0);
    m.put("logo_UL", 1.0);
    m.put("logo_ZA", 0.0);
    m.put("logo_ZL", 0.0);
    m.put("logo_DIVA", fn2(LogoDomain::divide));
    m.put("logo_MULA", fn2((Double a, Long n) -> a * n));
    m.put("logo_DIVL", fn2(LogoDomain::divide));
    m.put("logo_MULL", fn2((Double l, Long n) -> l * n));
    m.put("logo_ADDA", fn2((Double a, Double b) -> a + b));
    m.put("logo_SUBA", fn2((Double a, Double b) -> a - b));
    m.put("logo_PT", metered2((FunctionValue body, Turtle k, Budget b) -> save(false, body, k, b)));
    m.put(
        "logo_FWRT",
        metered3(
            (Double length, Double angle, Turtle k, Budget b) -> {
              b.allocate(1);
              return new Turtle.Step(length, angle, k);
            }));
    m.put(
        "logo_GETSET",
        metered2((FunctionValue body, Turtle k, Budget b) -> save(true, body, k, b)));
    m.put("logo_IFTY", 20L);
    m.put("logo_epsA", 0.025);
    m.put("logo_epsL", 0.05);
    m.put("logo_forLoop", metered3(LogoDomain::forLoop));
    for (long i = 0; i <= 9; i++) {
      m.put(Long.toString(i), i);
    }
    return m.buildOrThrow();
  }

  private static Object divide(Double x, Long n) {
    if (n == 0) {
      throw DIVIDE_BY_ZERO;
    }
    return x / n;
  }

  /** {@code logo_PT} and {@code logo_GETSET}: save, run the body on "restore, then k". */
  private static Object save(boolean wholeState, FunctionValue body, Turtle k, Budget b) {
    b.allocate(2);
    Turtle.Restore restore = new Turtle.Restore(wholeState, k);
    Turtle drawn = (Turtle) body.apply(restore, b);
    return new Turtle.Save(restore, drawn);
  }

  /**
   * {@code f 0 (f 1 (... (f (n-1) k)))}: the innermost application runs last, so it is built first.
   */
  private static Object forLoop(Long n, FunctionValue body, Turtle k, Budget b) {
    Turtle t = k;
    for (long i = n - 1; i >= 0; i--) {
      b.step();
      t = (Turtle) body.apply2(i, t, b);
    }
    return t;
  }
}

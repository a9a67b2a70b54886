package reverie.tasks.towers;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Optional;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.BuiltInSuite;
import reverie.tasks.Domain;
import reverie.tasks.Featurizer;
import reverie.tasks.Likelihood;
import reverie.tasks.SequenceFeaturizer;
import reverie.tasks.Suite;

/**
 * DreamCoder's tower-building domain ({@code dreamcoder/domains/tower}): programs of type {@code
 * tower -> tower} place {@code 3x1} and {@code 1x3} blocks with a hand that loops, embeds and
 * moves; a task is solved by a program whose plan, centred and dropped without physics, is the
 * task's world ({@link World}, {@link TowerLikelihood}). The base grammar is DreamCoder's new
 * primitive set ({@code moveHand reverseHand}, as its final runs); {@link OldTowerDomain}, {@code
 * towers-old}, is the same domain with the old set ({@code left right}). Both parse and run
 * programs of either set.
 *
 * <p>As in DreamCoder, {@code tower} is the grammar's continuation type: a hole for the rest of the
 * building takes the innermost continuation only. Towers and worlds have pictures ({@link
 * TowerPicture}), and programs of type {@code tower -> tower} run on the empty tower when no task
 * gives an input, so {@code reverie draw}, task montages, library figures and dream sheets show
 * towers.
 *
 * <p>It reads DreamCoder's {@code tower_tasks.json} ({@link TowerTaskFile}) with its training
 * split, and generates the built-in {@code towers} suite ({@link TowerSuite}).
 */
public sealed class TowerDomain implements Domain permits OldTowerDomain {
  static final String NAME = "towers";
  static final String OLD_NAME = "towers-old";

  // Tasks are towers; int appears only inside programs (loop counts, distances). Declaring it would
  // make this the most specific domain for task files of integers alone (Domains#covering).
  private static final ImmutableList<Type> BASE_TYPES = ImmutableList.of(TowerPrimitives.TOWER);
  private static final PrimitiveResolver RESOLVER = PrimitiveResolver.of(TowerPrimitives.ALL);
  private static final Featurizer FEATURIZER =
      SequenceFeaturizer.smallValues("towers", TowerValues::featureJson);
  private static final BuiltInSuite SUITE =
      new BuiltInSuite(NAME, TowerSuite.DESCRIPTION, () -> TowerSuite.generate(BuiltInSuite.SEED));

  /** The one input of every tower program: the empty tower, from DreamCoder's start state. */
  private static final ImmutableList<Object> START_INPUTS = ImmutableList.of(Tower.EMPTY);

  private static final ImmutableList<Program> COUNTS = parse("1", "2", "3", "4", "5", "6");
  private static final Type LOOP_BODY =
      Type.arrow(TowerPrimitives.INT, TowerPrimitives.TOWER, TowerPrimitives.TOWER);

  private final String name;
  private final String description;
  private final ImmutableList<Primitive> primitives;

  /** The domain with DreamCoder's new primitive set, {@code towers}. */
  public TowerDomain() {
    this(
        NAME,
        "DreamCoder's block towers: 3x1 and 1x3 blocks, loops, embedding, moveHand and reverseHand",
        TowerPrimitives.NEW);
  }

  TowerDomain(String name, String description, ImmutableList<Primitive> primitives) {
    this.name = name;
    this.description = description;
    this.primitives = primitives;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final ImmutableList<Primitive> primitives() {
    return primitives;
  }

  /** The implementations of both primitive sets. */
  @Override
  public final ImmutableMap<String, Object> implementations() {
    return TowerPrimitives.IMPLEMENTATIONS;
  }

  /** Resolves the primitives of both sets: DreamCoder's task programs use the old set's names. */
  @Override
  public final PrimitiveResolver resolver() {
    return RESOLVER;
  }

  @Override
  public final ImmutableList<Type> baseTypes() {
    return BASE_TYPES;
  }

  @Override
  public final Object valueFromJson(JsonNode json, Type type) {
    return TowerValues.fromJson(json, type);
  }

  @Override
  public final JsonNode valueToJson(Object value, Type type) {
    return TowerValues.toJson(value, type);
  }

  @Override
  public final String show(Object value, Type type) {
    String s = TowerValues.show(value, type);
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /**
   * {@code tower}, as DreamCoder's tower grammar ({@code continuationType=ttower}, {@code
   * domains/tower/main.py}): a hole for the rest of the building takes the innermost continuation
   * only.
   */
  @Override
  public final Optional<Type> continuationType() {
    return Optional.of(TowerPrimitives.TOWER);
  }

  @Override
  public final Likelihood likelihood() {
    return TowerLikelihood.INSTANCE;
  }

  /**
   * A tower as a target is its world; none for a tower with no blocks or one too tall, as
   * DreamCoder's dreams leave those out.
   */
  @Override
  public final Optional<Object> asTarget(Object output, Type type) {
    if (!(output instanceof Tower || output instanceof World)) {
      return Optional.of(output);
    }
    try {
      World w = output instanceof World world ? world : Tower.of(output).world();
      return w.size() == 0 ? Optional.empty() : Optional.of(w);
    } catch (EvaluationException e) {
      return Optional.empty();
    }
  }

  /**
   * A program's tower coloured by placing order from blue (first block) to pink (last), a task's
   * world in grey; blocks on a ground line, scaled to fit ({@link TowerPicture}).
   */
  @Override
  public final Optional<BufferedImage> picture(Object value, Type type, int size) {
    if (value instanceof Tower t) {
      return Optional.of(TowerPicture.ofTower(t, size));
    }
    if (value instanceof World w) {
      return Optional.of(TowerPicture.ofWorld(w, size));
    }
    return Optional.empty();
  }

  /** {@code tower -> tower} programs run on the empty tower, from DreamCoder's start state. */
  @Override
  public final Optional<ImmutableList<Object>> defaultInputs(Type request) {
    return request.equals(TowerPrimitives.STEP) ? Optional.of(START_INPUTS) : Optional.empty();
  }

  /**
   * What DreamCoder's library figure applies tower inventions to ({@code visualizePrimitives},
   * {@code domains/tower/main.py}): small counts; a column, a slab, an arch and a T for a {@code
   * tower -> tower}; a few loop bodies for an {@code int -> tower -> tower}. Hand moves are the
   * domain's own set's.
   */
  @Override
  public final ImmutableList<Program> exampleArguments(Type type) {
    boolean newSet = primitives.stream().anyMatch(p -> p.name().equals("moveHand"));
    String move = newSet ? "moveHand" : "right";
    if (type.equals(TowerPrimitives.INT)) {
      return COUNTS;
    }
    if (type.equals(TowerPrimitives.STEP)) {
      String arch =
          newSet
              ? "(lambda (1x3 (moveHand 4 (1x3 (reverseHand (moveHand 2 (reverseHand (3x1"
                  + " $0))))))))"
              : "(lambda (left 2 (1x3 (right 4 (1x3 (left 2 (3x1 $0)))))))";
      return parse("1x3", "3x1", arch, "(lambda (1x3 (3x1 $0)))");
    }
    if (type.equals(LOOP_BODY)) {
      return parse(
          "(lambda (lambda (3x1 $0)))",
          "(lambda (lambda (1x3 (" + move + " 4 $0))))",
          "(lambda (lambda (3x1 (" + move + " 2 $0))))",
          "(lambda (lambda (" + move + " $1 (1x3 $0))))");
    }
    return ImmutableList.of();
  }

  private static ImmutableList<Program> parse(String... texts) {
    return Arrays.stream(texts)
        .map(t -> Program.parse(t, RESOLVER))
        .collect(ImmutableList.toImmutableList());
  }

  /** The built-in {@code towers} suite (with the new set's reference programs). */
  @Override
  public ImmutableList<BuiltInSuite> suites() {
    return ImmutableList.of(SUITE);
  }

  /** Each block of a task's world as a shape letter, x and y ({@link TowerValues#featureJson}). */
  @Override
  public final Featurizer featurizer() {
    return FEATURIZER;
  }

  /** DreamCoder's tower task layout ({@link TowerTaskFile}). */
  @Override
  public final Optional<Suite> readTaskFile(JsonNode root, String file, String defaultName) {
    return TowerTaskFile.read(root, file, defaultName, this);
  }
}

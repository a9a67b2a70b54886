package reverie.points;

import static reverie.dsl.eval.Curried.fn1;
import static reverie.dsl.eval.Curried.fn2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Random;
import reverie.dsl.InputException;
import reverie.dsl.program.Primitive;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;
import reverie.tasks.BuiltInSuite;
import reverie.tasks.Domain;
import reverie.tasks.GeneratedTask;
import reverie.tasks.Likelihood;
import reverie.tasks.SuiteBuilder;

/**
 * A domain that exists only in the tests, to show that the {@link Domain} service is the whole
 * contract: points of the plane moved by a few primitives, values that JSON has no word for (an
 * object {@code {"x": 1.5, "y": -2}}), and a tolerance likelihood, since {@code third + third +
 * third} is not exactly {@code 1.0} in floating point. Registered by the test resources' service
 * file; nothing outside this package names it.
 */
public final class PointsDomain implements Domain {
  static final Type POINT = Type.of("point");
  static final Type NUM = Type.of("num");
  static final Type MOVE = Type.arrow(POINT, POINT);

  /** Coordinates within this distance match. */
  static final double TOLERANCE = 1e-6;

  private static final ImmutableList<Primitive> PRIMITIVES =
      ImmutableList.of(
          new Primitive("origin", POINT),
          new Primitive("unit", NUM),
          new Primitive("half", NUM),
          new Primitive("third", NUM),
          new Primitive("plus", Type.arrow(NUM, NUM, NUM)),
          new Primitive("shift-x", Type.arrow(NUM, POINT, POINT)),
          new Primitive("shift-y", Type.arrow(NUM, POINT, POINT)),
          new Primitive("scale", Type.arrow(NUM, POINT, POINT)),
          new Primitive("swap", Type.arrow(POINT, POINT)),
          new Primitive("mirror", Type.arrow(POINT, POINT)));

  private static final ImmutableMap<String, Object> IMPLEMENTATIONS =
      ImmutableMap.<String, Object>builder()
          .put("origin", new Point(0, 0))
          .put("unit", 1.0)
          .put("half", 0.5)
          .put("third", 1.0 / 3)
          .put("plus", fn2((Double a, Double b) -> a + b))
          .put("shift-x", fn2((Double d, Point p) -> new Point(p.x() + d, p.y())))
          .put("shift-y", fn2((Double d, Point p) -> new Point(p.x(), p.y() + d)))
          .put("scale", fn2((Double k, Point p) -> new Point(k * p.x(), k * p.y())))
          .put("swap", fn1((Point p) -> new Point(p.y(), p.x())))
          .put("mirror", fn1((Point p) -> new Point(-p.x(), p.y())))
          .buildOrThrow();

  private static final Likelihood WITHIN_TOLERANCE =
      new Likelihood() {
        @Override
        public double logLikelihood(Object actual, Object expected) {
          return close(actual, expected) ? 0.0 : Double.NEGATIVE_INFINITY;
        }

        @Override
        public String kind() {
          return "tolerance " + TOLERANCE;
        }
      };

  private final ImmutableList<BuiltInSuite> suites =
      ImmutableList.of(
          new BuiltInSuite(
              "points",
              "moves of points of the plane (a test domain)",
              () -> generate(BuiltInSuite.SEED)));

  @Override
  public String name() {
    return "points";
  }

  @Override
  public String description() {
    return "points of the plane, moved by shifts, scales and swaps (a test domain)";
  }

  @Override
  public ImmutableList<Primitive> primitives() {
    return PRIMITIVES;
  }

  @Override
  public ImmutableMap<String, Object> implementations() {
    return IMPLEMENTATIONS;
  }

  @Override
  public ImmutableList<Type> baseTypes() {
    return ImmutableList.of(POINT, NUM);
  }

  @Override
  public Likelihood likelihood() {
    return WITHIN_TOLERANCE;
  }

  @Override
  public ImmutableList<BuiltInSuite> suites() {
    return suites;
  }

  @Override
  public Object valueFromJson(JsonNode json, Type type) {
    String name = type instanceof TypeConstructor c ? c.name() : "";
    if (name.equals("num") && json.isNumber()) {
      return json.doubleValue();
    }
    if (name.equals("point")
        && json.isObject()
        && json.path("x").isNumber()
        && json.path("y").isNumber()
        && ImmutableSet.copyOf(json.fieldNames()).equals(ImmutableSet.of("x", "y"))) {
      return new Point(json.get("x").doubleValue(), json.get("y").doubleValue());
    }
    throw new InputException(
        "expected "
            + (name.equals("point") ? "a point {\"x\": number, \"y\": number}" : "a " + type)
            + ", found "
            + json);
  }

  @Override
  public JsonNode valueToJson(Object value, Type type) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof Point p) {
      ObjectNode o = f.objectNode();
      o.put("x", p.x());
      o.put("y", p.y());
      return o;
    }
    if (value instanceof Double d) {
      return f.numberNode(d);
    }
    throw new IllegalArgumentException("not a value of domain points: " + value);
  }

  private static boolean close(Object actual, Object expected) {
    if (actual instanceof Point a && expected instanceof Point e) {
      return Math.abs(a.x() - e.x()) <= TOLERANCE && Math.abs(a.y() - e.y()) <= TOLERANCE;
    }
    if (actual instanceof Double a && expected instanceof Double e) {
      return Math.abs(a - e) <= TOLERANCE;
    }
    return false;
  }

  /** The built-in suite: shifts by thirds and halves, scales, swaps and mirrors. */
  static ImmutableList<GeneratedTask> generate(long seed) {
    SuiteBuilder b = new SuiteBuilder("points", seed, 3, 5);
    for (int k = 1; k <= 4; k++) {
      double d = k / 3.0;
      b.add(
          "shift-x-thirds",
          "shift right by " + k + " thirds",
          MOVE,
          "(lambda " + repeat("(shift-x third ", k) + "$0" + ")".repeat(k + 1),
          PointsDomain::randomPoint,
          in -> shifted((Point) in.get(0), d, 0));
    }
    for (int k = 1; k <= 3; k++) {
      double d = k / 2.0;
      b.add(
          "shift-y-halves",
          "shift up by " + k + " halves",
          MOVE,
          "(lambda " + repeat("(shift-y half ", k) + "$0" + ")".repeat(k + 1),
          PointsDomain::randomPoint,
          in -> shifted((Point) in.get(0), 0, d));
    }
    b.add(
        "swap",
        "swap",
        MOVE,
        "(lambda (swap $0))",
        PointsDomain::randomPoint,
        in -> new Point(((Point) in.get(0)).y(), ((Point) in.get(0)).x()));
    b.add(
        "scale",
        "double",
        MOVE,
        "(lambda (scale (plus unit unit) $0))",
        PointsDomain::randomPoint,
        in -> new Point(2 * ((Point) in.get(0)).x(), 2 * ((Point) in.get(0)).y()));
    b.add(
        "mirror-shift",
        "mirror and shift right by a third",
        MOVE,
        "(lambda (shift-x third (mirror $0)))",
        PointsDomain::randomPoint,
        in -> new Point(1.0 / 3 - ((Point) in.get(0)).x(), ((Point) in.get(0)).y()));
    return b.build();
  }

  private static String repeat(String s, int k) {
    return s.repeat(k);
  }

  /** Exact arithmetic on the target side: the programs reach it only within the tolerance. */
  private static Point shifted(Point p, double dx, double dy) {
    return new Point(p.x() + dx, p.y() + dy);
  }

  private static List<Object> randomPoint(Random r) {
    return List.of(new Point(r.nextInt(21) / 2.0 - 5, r.nextInt(21) / 2.0 - 5));
  }
}

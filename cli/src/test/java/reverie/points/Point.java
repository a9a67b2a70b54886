package reverie.points;

/** A point of the plane: the values of the test domain {@link PointsDomain}. */
public record Point(double x, double y) {}

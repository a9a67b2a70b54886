package reverie.tasks.logo;

import reverie.tasks.Likelihood;

/**
 * A drawing matches a target image when it fits the canvas once centred and its rendering at the
 * target's size equals the target's pixels (DreamCoder's exact test at 28 x 28), or differs from
 * them by at most the target's tolerance (a mean absolute difference per pixel, in grey levels).
 * The rendering is cached in the turtle, so checking one program against many targets of one size
 * renders it once.
 */
final class LogoLikelihood implements Likelihood {

  @Override
  public double logLikelihood(Object actual, Object expected) {
    if (!(expected instanceof GreyImage target)) {
      return expected.equals(actual) ? 0.0 : Double.NEGATIVE_INFINITY;
    }
    GreyImage drawn;
    if (actual instanceof Turtle t) {
      if (!t.drawing().onCanvas()) {
        return Double.NEGATIVE_INFINITY;
      }
      drawn = t.image(target.size());
    } else if (actual instanceof GreyImage g) {
      drawn = g;
    } else {
      return Double.NEGATIVE_INFINITY;
    }
    return target.matches(drawn) ? 0.0 : Double.NEGATIVE_INFINITY;
  }

  @Override
  public String kind() {
    return "image (exact unless a target gives a tolerance)";
  }
}

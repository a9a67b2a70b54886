package reverie.tasks.towers;

import reverie.dsl.eval.EvaluationException;
import reverie.tasks.Likelihood;

/**
 * DreamCoder's tower scorer ({@code supervisedTower}, {@code tower.ml}): 0 when the program's tower
 * and the target, each centred and dropped, are the same sorted blocks ({@link World}), minus
 * infinity otherwise. Block order matters only through the heights it gives. A target may be a
 * world or a tower (a plan); the count of blocks is compared before anything is dropped.
 */
final class TowerLikelihood implements Likelihood {
  static final TowerLikelihood INSTANCE = new TowerLikelihood();

  private TowerLikelihood() {}

  @Override
  public double logLikelihood(Object actual, Object expected) {
    if (!(expected instanceof World || expected instanceof Tower)) {
      // A value of another type (an int): plain equality.
      return Likelihood.EXACT.logLikelihood(actual, expected);
    }
    try {
      World target = expected instanceof World w ? w : Tower.of(expected).world();
      World output;
      if (actual instanceof Tower t) {
        if (t.size() != target.size()) {
          return Double.NEGATIVE_INFINITY;
        }
        output = t.world();
      } else if (actual instanceof World w) {
        output = w;
      } else {
        return Double.NEGATIVE_INFINITY;
      }
      return output.equals(target) ? 0.0 : Double.NEGATIVE_INFINITY;
    } catch (EvaluationException e) {
      // A tower too tall to be any task's target.
      return Double.NEGATIVE_INFINITY;
    }
  }

  @Override
  public String kind() {
    return "exact on the centred, dropped blocks";
  }
}

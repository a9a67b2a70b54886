package reverie.engine.compress;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Costs of the parts of a program, Stitch's (and DreamCoder's) size measure: each application and
 * lambda costs a little, each leaf a lot, so a cost divided by the leaf cost is about the number of
 * leaves.
 */
public record CostModel(int application, int lambda, int variable, int argument, int primitive) {

  /** Stitch's default: application 1, lambda 1, {@code $i} 100, {@code #i} 100, primitive 100. */
  public static final CostModel STITCH = new CostModel(1, 1, 100, 100, 100);

  public CostModel {
    checkArgument(application >= 0 && lambda >= 0, "negative cost");
    checkArgument(variable > 0 && argument > 0 && primitive > 0, "leaf costs must be positive");
  }

  /** The cheapest leaf: a lower bound on what any unfilled hole of a pattern will cost. */
  int cheapestLeaf() {
    return Math.min(variable, Math.min(argument, primitive));
  }
}

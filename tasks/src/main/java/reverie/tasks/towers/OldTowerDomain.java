package reverie.tasks.towers;

import com.google.common.collect.ImmutableList;
import reverie.tasks.BuiltInSuite;

/**
 * The towers domain with DreamCoder's old primitive set, {@code towers-old}: {@code left} and
 * {@code right} move the hand whatever its orientation, and there is no {@code reverseHand}. The
 * values, likelihood and files are those of {@link TowerDomain}; it has no built-in suite of its
 * own. A DreamCoder tower file is read in this domain when wrapped as {@code {"domain":
 * "towers-old", "tower_tasks": [...]}} ({@link TowerTaskFile}).
 */
public final class OldTowerDomain extends TowerDomain {
  public OldTowerDomain() {
    super(
        OLD_NAME,
        "DreamCoder's block towers with its old primitive set: left and right instead of moveHand"
            + " and reverseHand",
        TowerPrimitives.OLD);
  }

  @Override
  public ImmutableList<BuiltInSuite> suites() {
    return ImmutableList.of();
  }
}

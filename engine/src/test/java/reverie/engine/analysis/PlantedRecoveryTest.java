package reverie.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlantedRecoveryTest {
  private static final UsageMatrix USAGE = PlantedData.realisticUsage(200, 20, 7);

  private static Comparison.Report compare(Activations a) {
    return Comparison.compare(
        new Comparison.Input(
            USAGE,
            a,
            java.util.Optional.empty(),
            OptionalInt.empty(),
            new Alignment.Options(1000, 11, 0.01, 3),
            Comparison.Precision.defaults()));
  }

  @Test
  void usageIsRealistic() {
    int[] inv = USAGE.inventionColumns();
    assertEquals(20, inv.length);
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int c : inv) {
      min = Math.min(min, USAGE.support(c));
      max = Math.max(max, USAGE.support(c));
    }
    assertTrue(min < 15 && max > 50, "varied densities: support from " + min + " to " + max);
    assertTrue(!USAGE.builtFrom().isEmpty(), "some inventions are built from others");
  }

  @Test
  void recoversPlantedFeatures() {
    PlantedData.Planted planted = PlantedData.plant(USAGE, 10, 40, 2.0, 3);
    Comparison.Report report = compare(planted.activations());
    Map<String, Alignment.InventionMatch> byName =
        report.alignment().inventions().stream()
            .collect(Collectors.toMap(Alignment.InventionMatch::invention, Function.identity()));
    int recovered = 0;
    for (int i = 0; i < 10; i++) {
      Alignment.InventionMatch m = byName.get(planted.plantedInventions().get(i));
      if (m.significant()
          && m.pCorrected() < 0.01
          && m.bestFeature() == planted.plantedFeatures()[i]) {
        recovered++;
      }
    }
    assertTrue(recovered >= 9, "recovered " + recovered + " of 10");
  }

  @Test
  void shuffledRowsGiveAtMostOneSignificantInvention() {
    PlantedData.Planted planted = PlantedData.plant(USAGE, 10, 40, 2.0, 3);
    Comparison.Report report = compare(PlantedData.shuffledRows(planted.activations(), 99));
    assertTrue(
        report.alignment().significantCount() <= 1,
        "significant: " + report.alignment().significantCount());
  }
}

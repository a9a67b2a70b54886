package reverie.tasks.towers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Scorer;

class TowerPictureTest {
  private static final Domain TOWERS = TowerPrimitivesTest.TOWERS;
  private static final Type TOWER = TowerPrimitives.TOWER;

  /** Legs at x = 0 and 4 (2 wide, 6 high), a 3x1 lintel at x = 2 resting on both at y = 7. */
  private static final String ARCH =
      "(lambda (1x3 (moveHand 4 (1x3 (reverseHand (moveHand 2 (reverseHand (3x1 $0))))))))";

  private static BufferedImage picture(Object value, int size) {
    return TOWERS.picture(value, TOWER, size).orElseThrow();
  }

  private static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xffffff;
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  @Test
  void blocksAreFilledRectanglesOnTheGroundInPlacingOrder() {
    // The arch spans half units -1..5 and is 8 high: the view is the minimum, 24, plus a margin of
    // 1 on each side, so 4 pixels a half unit at 104 pixels; x = -11 is column 0, the ground row
    // 100.
    BufferedImage image = picture(TowerPrimitivesTest.run(ARCH), 104);
    assertEquals(104, image.getWidth());
    assertEquals(104, image.getHeight());
    int first = TowerPicture.gradient(0);
    int second = TowerPicture.gradient(0.5);
    int last = TowerPicture.gradient(1);
    assertEquals(first, rgb(image, 44, 88), "the first leg, blue");
    assertEquals(second, rgb(image, 60, 88), "the second leg, between blue and pink");
    assertEquals(last, rgb(image, 52, 72), "the lintel, pink");
    assertEquals(TowerPicture.outline(first), rgb(image, 40, 88), "the first leg's left edge");
    assertEquals(TowerPicture.outline(first), rgb(image, 47, 88), "the first leg's right edge");
    assertEquals(TowerPicture.outline(last), rgb(image, 52, 68), "the lintel's top edge");
    assertEquals(TowerPicture.BACKGROUND, rgb(image, 52, 88), "under the arch");
    assertEquals(TowerPicture.BACKGROUND, rgb(image, 39, 88), "left of the arch");
    assertEquals(TowerPicture.BACKGROUND, rgb(image, 64, 88), "right of the arch");
    assertEquals(TowerPicture.BACKGROUND, rgb(image, 52, 67), "above the arch");
    assertEquals(TowerPicture.GROUND, rgb(image, 0, 100), "the ground line");
    assertEquals(TowerPicture.GROUND, rgb(image, 103, 100), "the ground line");
    assertEquals(TowerPicture.BACKGROUND, rgb(image, 52, 101), "below the ground");
    assertNotEquals(first, last);
  }

  @Test
  void theSameTowerGivesTheSameBytes() throws IOException {
    String program = "(lambda (tower_loopM 5 (lambda (lambda (1x3 (moveHand 3 (3x1 $0))))) $0))";
    BufferedImage a = picture(TowerPrimitivesTest.run(program), 97);
    BufferedImage b = picture(TowerPrimitivesTest.run(program), 97);
    assertArrayEquals(pixels(a), pixels(b));
    assertArrayEquals(png(a), png(b));
    assertNotEquals(
        List.of(TowerPicture.BACKGROUND),
        java.util.Arrays.stream(pixels(a)).map(x -> x & 0xffffff).distinct().boxed().toList());
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void aWorldIsDrawnInGreyWithTheSameShape() {
    Tower tower = (Tower) TowerPrimitivesTest.run(ARCH);
    BufferedImage coloured = picture(tower, 104);
    BufferedImage grey = picture(tower.world(), 104);
    assertEquals(TowerPicture.TARGET, rgb(grey, 44, 88));
    assertEquals(TowerPicture.TARGET, rgb(grey, 52, 72));
    int[] c = pixels(coloured);
    int[] g = pixels(grey);
    for (int i = 0; i < c.length; i++) {
      assertEquals(
          (c[i] & 0xffffff) == TowerPicture.BACKGROUND,
          (g[i] & 0xffffff) == TowerPicture.BACKGROUND,
          "pixel " + i);
    }
  }

  @Test
  void aLargeTowerFitsWithAMargin() {
    // Eight columns of eight blocks, 3 apart: 23 half units wide and 48 high.
    Object tower =
        TowerPrimitivesTest.run(
            "(lambda (tower_loopM 8 (lambda (lambda (tower_embed (lambda (tower_loopM 8 (lambda"
                + " (lambda (1x3 $0))) $0)) (moveHand 3 $0)))) $0))");
    BufferedImage image = picture(tower, 64);
    int[] p = pixels(image);
    int inked = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        boolean ink = (p[y * 64 + x] & 0xffffff) != TowerPicture.BACKGROUND;
        inked += ink ? 1 : 0;
        if (x == 0 || x == 63 || y == 0) {
          assertTrue(!ink || (p[y * 64 + x] & 0xffffff) == TowerPicture.GROUND, x + "," + y);
        }
      }
    }
    assertTrue(inked > 64 * 64 / 5, "blocks fill the picture: " + inked);
  }

  @Test
  void onlyTowersAndWorldsHavePictures() {
    assertTrue(TOWERS.picture(3L, TowerPrimitives.INT, 64).isEmpty());
    assertTrue(TOWERS.picture(Tower.EMPTY, TOWER, 64).isPresent(), "the ground alone");
  }

  @Test
  void programsRunOnTheEmptyTowerAndExampleArgumentsHaveTheirTypes() {
    assertEquals(List.of(Tower.EMPTY), TOWERS.defaultInputs(TowerPrimitives.STEP).orElseThrow());
    assertTrue(TOWERS.defaultInputs(TOWER).isEmpty());
    Scorer scorer = Scorer.of(TOWERS);
    for (Domain domain : List.of(TOWERS, TowerPrimitivesTest.OLD)) {
      for (Type t :
          List.of(
              TowerPrimitives.INT,
              TowerPrimitives.STEP,
              Type.arrow(TowerPrimitives.INT, TOWER, TOWER))) {
        List<Program> examples = domain.exampleArguments(t);
        assertFalse(examples.isEmpty(), t.toString());
        for (Program p : examples) {
          assertEquals(t, TypeInference.check(p, t), p.toString());
        }
      }
      // Each tower -> tower example builds something different.
      List<Object> built =
          domain.exampleArguments(TowerPrimitives.STEP).stream()
              .map(p -> scorer.compile(p).run(List.of(Tower.EMPTY), scorer.meter()))
              .toList();
      assertEquals(built.size(), built.stream().distinct().count(), built.toString());
    }
    assertTrue(
        TowerPrimitivesTest.OLD.exampleArguments(TowerPrimitives.STEP).toString().contains("left"));
    assertFalse(TOWERS.exampleArguments(TowerPrimitives.STEP).toString().contains("left"));
  }
}

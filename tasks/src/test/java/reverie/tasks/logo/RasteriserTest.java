package reverie.tasks.logo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import reverie.tasks.GeneratedTask;
import reverie.tasks.Suites;

class RasteriserTest {

  private static Drawing drawing(double... coordinates) {
    Drawing.Builder b = new Drawing.Builder();
    for (int i = 0; i < coordinates.length; i += 4) {
      b.add(coordinates[i], coordinates[i + 1], coordinates[i + 2], coordinates[i + 3]);
    }
    return b.build();
  }

  @Test
  void aLongHorizontalLineCoversAQuarterOfTwoPixelRows() {
    // Centred at y = 4.5, the stroke covers 4.3875..4.6125 units: rows 13.65..14.35 of 28 pixels,
    // so one of the four sample rows of pixel rows 13 and 14: grey level (4 * 255 + 8) / 16 = 64.
    GreyImage image = Rasteriser.grey(drawing(0, 0, 9, 0), 28);
    for (int x = 0; x < 28; x++) {
      for (int y = 0; y < 28; y++) {
        assertEquals(y == 13 || y == 14 ? 64 : 0, image.get(x, y), "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void theImageIsTheUnionOfTheStrokes() {
    // A square drawn counter-clockwise, clockwise from another corner, and with an edge twice.
    Drawing a = drawing(0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0);
    Drawing b = drawing(1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1);
    Drawing c = drawing(0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0);
    for (int size : new int[] {28, 64, 256}) {
      assertEquals(Rasteriser.grey(a, size), Rasteriser.grey(b, size));
      assertEquals(Rasteriser.grey(a, size), Rasteriser.grey(c, size));
    }
  }

  @Test
  void coordinatesThatDifferByRoundingErrorsRenderTheSame() {
    double e = 1e-13;
    assertEquals(
        Rasteriser.grey(drawing(0, 0, 1, 0, 1, 0, 1, 1), 28),
        Rasteriser.grey(drawing(e, -e, 1 + e, e, 1 - e, 0, 1, 1 + e), 28));
  }

  @Test
  void renderingGivesTheSameBytesOnEveryThread() throws Exception {
    List<GeneratedTask> tasks = Suites.generatedTasks("logo");
    LogoDomain logo = new LogoDomain();
    List<Drawing> drawings = new ArrayList<>();
    for (GeneratedTask t : tasks) {
      drawings.add(logo.draw(t.referenceProgram()).drawing());
    }
    List<byte[]> expected = new ArrayList<>();
    for (Drawing d : drawings) {
      expected.add(Rasteriser.grey(d, 28).pixels());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<byte[]>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            pool.submit(
                () -> {
                  List<byte[]> out = new ArrayList<>();
                  for (Drawing d : drawings) {
                    out.add(Rasteriser.grey(d, 28).pixels());
                  }
                  return out;
                }));
      }
      for (Future<List<byte[]>> run : runs) {
        List<byte[]> got = run.get();
        for (int i = 0; i < expected.size(); i++) {
          assertArrayEquals(expected.get(i), got.get(i), tasks.get(i).task().name());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // And the targets the suite made earlier, in another order, are the same bytes.
    for (int i = 0; i < tasks.size(); i++) {
      assertArrayEquals(
          ((GreyImage) tasks.get(i).task().examples().get(0).output()).pixels(), expected.get(i));
    }
  }

  @Test
  void anEmptyDrawingIsBlankAndOffCanvasPartsAreClipped() {
    assertEquals(0, Rasteriser.grey(Drawing.EMPTY, 28).inked());
    Drawing tall = drawing(0, 0, 0, 10);
    assertEquals(false, tall.onCanvas());
    GreyImage clipped = Rasteriser.grey(tall, 28);
    assertEquals(56, clipped.inked()); // two columns, all 28 rows
  }
}

package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Program;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/** {@code draw}, {@code tasks --pictures}, {@code dream --pictures} and the library figure. */
class PicturesTest {
  private static final Domain LOGO = Domains.installed().byName("logo");
  private static final String STAR =
      "(lambda (logo_forLoop 5 (lambda (lambda (logo_FWRT (logo_MULL logo_UL 2) (logo_MULA"
          + " (logo_DIVA logo_UA 5) 2) $0))) $0))";

  @TempDir Path tmp;

  /** The picture in {@code file}; fails the test when it is none. */
  static BufferedImage read(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertTrue(image != null, file + " is no picture");
    return image;
  }

  @Test
  void drawWritesAColouredPicture() throws IOException {
    Path out = tmp.resolve("star.png");
    CliRun r =
        CliRun.of("draw", "--domain", "logo", STAR, "--out", out.toString(), "--size", "128");
    assertEquals(0, r.exitCode(), r.err());
    BufferedImage image = read(out);
    assertEquals(128, image.getWidth());
    assertTrue(hasBlueAndPink(image), "strokes from blue to pink");
  }

  /** Whether the picture has both ends of the drawing colours' ramp: a blue and a pink pixel. */
  static boolean hasBlueAndPink(BufferedImage image) {
    boolean blue = false;
    boolean pink = false;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int red = (rgb >> 16) & 0xff;
        int bl = rgb & 0xff;
        blue |= bl > 180 && red < 90;
        pink |= red > 200 && bl > 120 && ((rgb >> 8) & 0xff) < 100;
      }
    }
    return blue && pink;
  }

  @Test
  void badDrawingsGetOneLineAndExitCode3() {
    String[][] cases = {
      {
        "(lambda (logo_FWRT (logo_MULL logo_UL 9) logo_ZA (logo_FWRT logo_UL logo_ZA $0)))",
        "off" + " the canvas"
      },
      {"(lambda (logo_FWRT logo_UL $0))", "no standard input for a program of type tangle"},
      {
        "(lambda (logo_FWRT logo_UL (logo_DIVA logo_UA 0) $0))",
        "evaluation failed: division by" + " zero"
      },
      {"(lambda $0)", "no standard input for a program of type t0 -> t0"},
    };
    for (String[] c : cases) {
      CliRun r =
          CliRun.of("draw", "--domain", "logo", c[0], "--out", tmp.resolve("x.png").toString());
      assertEquals(3, r.exitCode(), r.err());
      assertTrue(r.err().contains(c[1]), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
    assertFalse(Files.exists(tmp.resolve("x.png")));
    CliRun svg = CliRun.of("draw", "--domain", "logo", STAR, "--out", "x.svg");
    assertEquals(2, svg.exitCode(), svg.err());
    CliRun lists = CliRun.of("draw", "(lambda (cdr $0))", "--out", "x.png");
    assertEquals(3, lists.exitCode(), lists.err());
  }

  @Test
  void tasksPicturesMakeAMontageOfTheTargets() throws IOException {
    Path out = tmp.resolve("tasks.png");
    CliRun r = CliRun.of("tasks", "--suite", "logo", "--pictures", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    BufferedImage image = read(out);
    int columns = TasksCommand.PICTURE_COLUMNS;
    assertTrue(image.getWidth() >= columns * TasksCommand.PICTURE_SIZE, "" + image.getWidth());
    int rows = (114 + columns - 1) / columns;
    assertTrue(image.getHeight() >= rows * TasksCommand.PICTURE_SIZE, "" + image.getHeight());
    CliRun lists =
        CliRun.of("tasks", "--suite", "lists", "--pictures", tmp.resolve("l.png").toString());
    assertEquals(3, lists.exitCode());
    assertTrue(lists.err().contains("domain lists has no pictures"), lists.err());
  }

  @Test
  void dreamPicturesDrawTheFantasies() throws IOException {
    Path out = tmp.resolve("dreams.png");
    CliRun r = CliRun.of("dream", "--domain", "logo", "-n", "12", "--pictures", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    read(out);
    assertTrue(r.err().contains("fantasies drawn"), r.err());
    assertFalse(r.out().contains("\"pixels\""), "pictures are shown short in text");
    CliRun lists = CliRun.of("dream", "-n", "3", "--pictures", tmp.resolve("l.png").toString());
    assertEquals(3, lists.exitCode(), lists.err());
  }

  @Test
  void theLibraryFigureDrawsEachInventionOnExampleArguments() throws IOException {
    Invented polygon =
        (Invented)
            Program.parse(
                "#(lambda (lambda (lambda (logo_forLoop $1 (lambda (lambda (logo_FWRT $4"
                    + " (logo_DIVA logo_UA $3) $0))) $0))))",
                LOGO.resolver());
    Invented angle = (Invented) Program.parse("#(logo_DIVA logo_UA 4)", LOGO.resolver());
    List<Program> library = new ArrayList<>(LOGO.primitives());
    library.add(polygon);
    library.add(angle);
    List<LibraryFigure.Row> rows =
        new LibraryFigure(LOGO).rows(Grammar.uniform(library), name -> 0);
    assertEquals(2, rows.size());
    LibraryFigure.Row first = rows.get(0);
    assertEquals("f0", first.name());
    assertEquals("tlength -> int -> turtle -> turtle", first.type());
    assertTrue(first.picture().isPresent(), first.note());
    assertTrue(first.picture().get().getWidth() >= LibraryFigure.COLUMNS * LibraryFigure.CELL);
    assertTrue(rows.get(1).picture().isEmpty());
    assertTrue(rows.get(1).note().startsWith("no picture"), rows.get(1).note());
  }

  @Test
  void libraryPicturesOfARunWithoutDrawingsStillWriteTheIndex() throws IOException {
    Path dir = tmp.resolve("lib");
    CliRun r = CliRun.of("library", RunFixture.run().toString(), "--pictures", dir.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("0 of "), r.err());
    assertTrue(Files.readString(dir.resolve("index.html")).contains("no picture"));
    assertFalse(Files.exists(dir.resolve("library.png")));
  }
}

package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Program;
import reverie.tasks.Domain;
import reverie.tasks.Domains;

/** {@code draw}, {@code tasks}, {@code dream} and {@code library} pictures of towers. */
class TowerPicturesTest {
  private static final Domain TOWERS = Domains.installed().byName("towers");
  private static final String ARCH =
      "(lambda (1x3 (moveHand 4 (1x3 (reverseHand (moveHand 2 (reverseHand (3x1 $0))))))))";

  @TempDir static Path runs;
  private static Path run;

  @TempDir Path tmp;

  /**
   * A one-iteration run on five small towers, four of them built on a column of two blocks, with a
   * fixed number of programs per task, so that compression learns {@code (lambda (1x3 (1x3 $0)))}.
   */
  @BeforeAll
  static void tinyRun() throws IOException {
    Path file = runs.resolve("tiny.json");
    Files.writeString(
        file,
        """
        {"name": "tiny", "tower_tasks": [
          {"name": "column of 2", "program": "(lambda (1x3 (1x3 $0)))", "train": true},
          {"name": "column of 4", "program": "(lambda (1x3 (1x3 (1x3 (1x3 $0)))))", "train": true},
          {"name": "two columns", "program": "(lambda (1x3 (1x3 (moveHand 4 (1x3 (1x3 $0))))))",
           "train": true},
          {"name": "capped column", "program": "(lambda (1x3 (1x3 (3x1 $0))))", "train": true},
          {"name": "column of 3", "program": "(lambda (1x3 (1x3 (1x3 $0))))", "train": false}
        ]}
        """);
    run = runs.resolve("run");
    CliRun r =
        CliRun.of(
            "run",
            "--file",
            file.toString(),
            "--iterations",
            "1",
            "--max-programs",
            "20000",
            "--threads",
            "1",
            "--recognition-steps",
            "20",
            "--out",
            run.toString());
    assertEquals(0, r.exitCode(), r.err());
  }

  /** The number of pixels that are neither white nor grey: blocks coloured by placing order. */
  private static int coloured(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        n += r == g && g == b ? 0 : 1;
      }
    }
    return n;
  }

  @Test
  void drawWritesATowerFromBlueToPink() throws IOException {
    Path out = tmp.resolve("arch.png");
    CliRun r =
        CliRun.of("draw", "--domain", "towers", ARCH, "--out", out.toString(), "--size", "104");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("104x104 picture of tower -> tower"), r.out());
    BufferedImage image = PicturesTest.read(out);
    assertEquals(104, image.getWidth());
    assertTrue(PicturesTest.hasBlueAndPink(image), "blocks from blue to pink");
    Path again = tmp.resolve("again.png");
    CliRun.of("draw", "--domain", "towers", ARCH, "--out", again.toString(), "--size", "104");
    assertTrue(
        Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(again)), "the same bytes twice");
  }

  @Test
  void towersThatAreNoTargetGetOneLineAndExitCode3() {
    String[][] cases = {
      {"(lambda (moveHand 2 $0))", "the program makes no valid target: []"},
      {
        "(lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8 (lambda (lambda (tower_loopM 8"
            + " (lambda (lambda (3x1 $0))) $0))) $0))) $0))",
        "evaluation failed: a tower of more than 100 blocks"
      },
      {"(lambda 1x3)", "no standard input for a program of type t0 -> tower -> tower"},
    };
    for (String[] c : cases) {
      Path out = tmp.resolve("x.png");
      CliRun r = CliRun.of("draw", "--domain", "towers", c[0], "--out", out.toString());
      assertEquals(3, r.exitCode(), r.err());
      assertTrue(r.err().contains(c[1]), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertFalse(Files.exists(out));
    }
  }

  @Test
  void tasksPicturesMakeAMontageOfTheWorlds() throws IOException {
    Path out = tmp.resolve("towers.png");
    CliRun r = CliRun.of("tasks", "--suite", "towers", "--pictures", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("the targets of 74 tasks"), r.err());
    BufferedImage image = PicturesTest.read(out);
    int columns = TasksCommand.PICTURE_COLUMNS;
    assertTrue(image.getWidth() >= columns * TasksCommand.PICTURE_SIZE, "" + image.getWidth());
    int rows = (74 + columns - 1) / columns;
    assertTrue(image.getHeight() >= rows * TasksCommand.PICTURE_SIZE, "" + image.getHeight());
    assertEquals(0, coloured(image), "targets are grey");
  }

  @Test
  void dreamPicturesDrawTheFantasies() throws IOException {
    Path out = tmp.resolve("dreams.png");
    CliRun r = CliRun.of("dream", "--domain", "towers", "-n", "8", "--pictures", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains(": 8 fantasies drawn"), r.err());
    assertTrue(coloured(PicturesTest.read(out)) > 0);
    Path fromRun = tmp.resolve("run-dreams.png");
    CliRun c =
        CliRun.of(
            "dream", "--checkpoint", run.toString(), "-n", "5", "--pictures", fromRun.toString());
    assertEquals(0, c.exitCode(), c.err());
    assertTrue(c.err().contains(": 5 fantasies drawn"), c.err());
    assertTrue(coloured(PicturesTest.read(fromRun)) > 0);
  }

  @Test
  void libraryPicturesDrawTheLearnedTower() throws IOException {
    Path dir = tmp.resolve("lib");
    CliRun r = CliRun.of("library", run.toString(), "--pictures", dir.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("f0 = (lambda (1x3 (1x3 $0)))"), r.out());
    assertTrue(r.err().contains("1 of 1 inventions drawn"), r.err());
    BufferedImage row = PicturesTest.read(dir.resolve("f0.png"));
    assertTrue(coloured(row) > 0, "the invention applied to the empty tower");
    PicturesTest.read(dir.resolve("library.png"));
    String index = Files.readString(dir.resolve("index.html"));
    assertTrue(index.contains("<img src=\"f0.png\""), index);
    assertTrue(index.contains("tower -&gt; tower"), index);
  }

  @Test
  void theLibraryFigureAppliesTowerInventionsToCountsAndBodies() {
    Invented columns =
        (Invented)
            Program.parse(
                "#(lambda (lambda (lambda (tower_loopM $2 (lambda (lambda (1x3 ($3 $0)))) $0))))",
                TOWERS.resolver());
    Invented move = (Invented) Program.parse("#(moveHand 2)", TOWERS.resolver());
    List<Program> library = new ArrayList<>(TOWERS.primitives());
    library.add(columns);
    library.add(move);
    List<LibraryFigure.Row> rows =
        new LibraryFigure(TOWERS).rows(Grammar.uniform(library), name -> 0);
    assertEquals(2, rows.size());
    LibraryFigure.Row first = rows.get(0);
    assertEquals("int -> (tower -> tower) -> tower -> tower", first.type());
    assertTrue(first.picture().isPresent(), first.note());
    assertTrue(first.picture().get().getWidth() >= LibraryFigure.COLUMNS * LibraryFigure.CELL);
    // Moving the hand places no block: nothing to draw.
    assertTrue(rows.get(1).picture().isEmpty());
    assertTrue(rows.get(1).note().startsWith("no picture"), rows.get(1).note());
  }
}

package reverie.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Lays out pictures with captions in a grid, under an optional title, and writes PNG files: the
 * task montages, library rows and dream sheets of any domain whose values have pictures ({@link
 * reverie.tasks.Domain#picture}).
 */
final class Montage {
  private static final int GAP = 6;
  private static final int LINE = 13;
  private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  /** One picture and the caption under it (wrapped to at most {@code captionLines} lines). */
  record Cell(BufferedImage picture, String caption) {}

  private Montage() {}

  /**
   * A grid of {@code cells}, {@code columns} wide, each picture {@code size} pixels square with
   * {@code captionLines} lines of caption below; the title (if not empty; its first line bold, any
   * further lines, after line breaks, plain) above.
   */
  static BufferedImage grid(
      String title, List<Cell> cells, int columns, int size, int captionLines) {
    int cols = Math.max(1, Math.min(columns, cells.size()));
    int rows = (cells.size() + cols - 1) / cols;
    int cellHeight = size + captionLines * LINE + GAP;
    String[] titleLines = title.isEmpty() ? new String[0] : title.split("\n");
    int top = GAP + titleLines.length * (LINE + 2) + (titleLines.length > 0 ? GAP : 0);
    int width = GAP + cols * (size + GAP);
    int height = top + rows * cellHeight;
    BufferedImage out = new BufferedImage(width, Math.max(height, top), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setColor(Color.BLACK);
      for (int l = 0; l < titleLines.length; l++) {
        g.setFont(l == 0 ? TITLE : CAPTION);
        g.drawString(
            fit(titleLines[l], g.getFontMetrics(), width - 2 * GAP),
            GAP,
            GAP + (l + 1) * (LINE + 2) - 4);
      }
      g.setFont(CAPTION);
      FontMetrics metrics = g.getFontMetrics();
      for (int i = 0; i < cells.size(); i++) {
        int x = GAP + (i % cols) * (size + GAP);
        int y = top + (i / cols) * cellHeight;
        Cell c = cells.get(i);
        g.drawImage(c.picture(), x, y, size, size, null);
        g.setColor(new Color(0xcccccc));
        g.drawRect(x - 1, y - 1, size + 1, size + 1);
        g.setColor(Color.DARK_GRAY);
        List<String> lines = wrap(c.caption(), metrics, size, captionLines);
        for (int l = 0; l < lines.size(); l++) {
          g.drawString(lines.get(l), x, y + size + (l + 1) * LINE - 2);
        }
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Pictures one above the other, left-aligned, on white. */
  static BufferedImage stack(List<BufferedImage> parts) {
    int width = 1;
    int height = 0;
    for (BufferedImage p : parts) {
      width = Math.max(width, p.getWidth());
      height += p.getHeight();
    }
    BufferedImage out = new BufferedImage(width, Math.max(1, height), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, out.getHeight());
      int y = 0;
      for (BufferedImage p : parts) {
        g.drawImage(p, 0, y, null);
        y += p.getHeight();
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Writes {@code image} as a PNG file, creating its directory. */
  static void writePng(BufferedImage image, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!ImageIO.write(image, "png", file.toFile())) {
        throw new IllegalStateException("no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Breaks {@code text} into at most {@code max} lines of {@code width} pixels, the last cut. */
  private static List<String> wrap(String text, FontMetrics metrics, int width, int max) {
    List<String> lines = new ArrayList<>();
    String rest = text.strip();
    while (!rest.isEmpty() && lines.size() < max) {
      if (lines.size() == max - 1 || metrics.stringWidth(rest) <= width) {
        lines.add(fit(rest, metrics, width));
        break;
      }
      int cut = rest.length();
      while (cut > 1 && metrics.stringWidth(rest.substring(0, cut)) > width) {
        cut--;
      }
      int space = rest.lastIndexOf(' ', cut);
      if (space > 0) {
        cut = space;
      }
      lines.add(rest.substring(0, cut));
      rest = rest.substring(cut).strip();
    }
    return lines;
  }

  /** {@code text}, cut with an ellipsis to fit {@code width} pixels. */
  private static String fit(String text, FontMetrics metrics, int width) {
    if (metrics.stringWidth(text) <= width) {
      return text;
    }
    String s = text;
    while (s.length() > 1 && metrics.stringWidth(s + "...") > width) {
      s = s.substring(0, s.length() - 1);
    }
    return s + "...";
  }
}

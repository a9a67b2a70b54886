package reverie.engine.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws the inventions x features Pearson matrix as a PNG with Java2D: rows sorted by their matched
 * score, columns in the order of the Hungarian matching (so matches lie on the diagonal), then the
 * other features.
 */
final class Heatmap {
  /** More columns than this are cut, keeping the features that match some invention best. */
  static final int MAX_COLUMNS = 120;

  private Heatmap() {}

  static void write(Comparison.Report report, Path file) {
    try {
      ImageIO.write(draw(report.alignment()), "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage draw(Alignment.Result a) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < a.inventions().size(); i++) {
      rows.add(i);
    }
    rows.sort(Comparator.comparingDouble((Integer i) -> -a.inventions().get(i).matchedPearson()));
    double[][] r = a.pearsonMatrix();
    int features = r.length == 0 ? 0 : r[0].length;
    Set<Integer> columns = new LinkedHashSet<>();
    for (int i : rows) {
      int f = a.inventions().get(i).matchedFeature();
      if (f >= 0) {
        columns.add(f);
      }
    }
    List<Integer> rest = new ArrayList<>();
    for (int f = 0; f < features; f++) {
      if (!columns.contains(f)) {
        rest.add(f);
      }
    }
    rest.sort(
        Comparator.comparingDouble(
            (Integer f) -> {
              double max = Double.NEGATIVE_INFINITY;
              for (double[] row : r) {
                max = Math.max(max, row[f]);
              }
              return -max;
            }));
    columns.addAll(rest);
    List<Integer> cols = new ArrayList<>(columns);
    boolean cut = cols.size() > MAX_COLUMNS;
    if (cut) {
      cols = cols.subList(0, MAX_COLUMNS);
    }
    // Cells may be narrow but stay tall enough for a readable row label.
    int cw = Math.max(6, Math.min(24, 1200 / Math.max(1, cols.size())));
    int ch = Math.max(11, Math.min(24, 900 / Math.max(1, rows.size())));
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.min(12, ch - 1));
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    FontMetrics fm = probe.createGraphics().getFontMetrics(font);
    int labelWidth = 40;
    for (Alignment.InventionMatch m : a.inventions()) {
      labelWidth = Math.max(labelWidth, fm.stringWidth(label(m)) + 12);
    }
    boolean columnLabels = cw >= 10;
    int top = 50 + (columnLabels ? fm.stringWidth("f0000") + 6 : 10);
    int left = labelWidth;
    int width = left + cols.size() * cw + 110;
    int height = Math.max(top + rows.size() * ch + 50, top + 220);
    BufferedImage image =
        new BufferedImage(Math.max(width, 420), height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(font.deriveFont(Font.BOLD, 14f));
    g.drawString(
        "Pearson r: inventions (rows) x SAE features (columns, by matching)"
            + (cut ? ", first " + MAX_COLUMNS + " of " + features : ""),
        10,
        22);
    g.setFont(font);
    for (int y = 0; y < rows.size(); y++) {
      Alignment.InventionMatch m = a.inventions().get(rows.get(y));
      g.setColor(Color.BLACK);
      g.drawString(label(m), 6, top + y * ch + (ch + fm.getAscent()) / 2 - 2);
      for (int x = 0; x < cols.size(); x++) {
        g.setColor(colour(r[rows.get(y)][cols.get(x)]));
        g.fillRect(left + x * cw, top + y * ch, cw, ch);
      }
    }
    if (columnLabels) {
      AffineTransform saved = g.getTransform();
      g.setColor(Color.BLACK);
      for (int x = 0; x < cols.size(); x++) {
        g.setTransform(saved);
        g.translate(left + x * cw + (cw + fm.getAscent()) / 2 - 2, top - 4);
        g.rotate(-Math.PI / 2);
        g.drawString("f" + cols.get(x), 0, 0);
      }
      g.setTransform(saved);
    }
    // Box each invention's matched feature; a thick box when the match is significant.
    for (int y = 0; y < rows.size(); y++) {
      Alignment.InventionMatch m = a.inventions().get(rows.get(y));
      int x = cols.indexOf(m.matchedFeature());
      if (x >= 0) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(m.significant() ? 2f : 1f));
        g.drawRect(left + x * cw, top + y * ch, cw - 1, ch - 1);
      }
    }
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(left, top, cols.size() * cw, rows.size() * ch);
    // Colour bar.
    int barX = left + cols.size() * cw + 30;
    int barH = 160;
    for (int i = 0; i < barH; i++) {
      g.setColor(colour(1 - 2.0 * i / (barH - 1)));
      g.fillRect(barX, top + i, 18, 1);
    }
    g.setColor(Color.BLACK);
    g.drawRect(barX, top, 18, barH);
    g.drawString("+1", barX + 24, top + fm.getAscent());
    g.drawString("0", barX + 24, top + barH / 2 + fm.getAscent() / 2);
    g.drawString("-1", barX + 24, top + barH);
    g.drawString("* significant", 10, height - 12);
    g.dispose();
    return image;
  }

  private static String label(Alignment.InventionMatch m) {
    return (m.significant() ? "* " : "") + m.invention() + " (" + m.support() + ")";
  }

  /** Diverging blue-white-red for r in [-1, 1]. */
  static Color colour(double r) {
    double v = Math.max(-1, Math.min(1, r));
    int fade = (int) Math.round(255 * (1 - Math.abs(v)));
    return v >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
  }
}

package reverie.engine.loop;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learning curve of a run: percent of training and test tasks solved (left axis) and library
 * size (right axis) against iteration, as {@code learning-curve.svg} and {@code .png}, and as a
 * text table.
 */
public final class LearningCurve {
  public static final String SVG = "learning-curve.svg";
  public static final String PNG = "learning-curve.png";

  private LearningCurve() {}

  /** Writes both image files into {@code dir}, atomically. */
  public static void write(Path dir, List<IterationMetrics> rows, String title) {
    // Charts render through AWT; a server has no display.
    System.setProperty("java.awt.headless", "true");
    XYChart chart = chart(rows, title);
    AtomicFiles.write(
        dir.resolve(PNG),
        out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    AtomicFiles.write(
        dir.resolve(SVG),
        out ->
            VectorGraphicsEncoder.saveVectorGraphic(
                chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
  }

  static XYChart chart(List<IterationMetrics> rows, String title) {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(title)
            .xAxisTitle("iteration")
            .yAxisTitle("percent solved")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setYAxisMin(0, 0.0);
    chart.getStyler().setYAxisMax(0, 100.0);
    chart.getStyler().setYAxisMin(1, 0.0);
    chart.setYAxisGroupTitle(1, "library size (inventions)");
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    double[] x = new double[rows.size()];
    double[] train = new double[rows.size()];
    double[] test = new double[rows.size()];
    double[] library = new double[rows.size()];
    double maxLibrary = 1;
    for (int i = 0; i < rows.size(); i++) {
      IterationMetrics m = rows.get(i);
      x[i] = m.iteration();
      train[i] = m.trainPercent();
      test[i] = m.testPercent();
      library[i] = m.librarySize();
      maxLibrary = Math.max(maxLibrary, m.librarySize());
    }
    chart.getStyler().setYAxisMax(1, Math.ceil(maxLibrary * 1.1));
    XYSeries s = chart.addSeries("train % solved", x, train);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineColor(new Color(0x1f77b4));
    s.setMarkerColor(new Color(0x1f77b4));
    s = chart.addSeries("test % solved", x, test);
    s.setMarker(SeriesMarkers.DIAMOND);
    s.setLineColor(new Color(0xd62728));
    s.setMarkerColor(new Color(0xd62728));
    s = chart.addSeries("library size", x, library);
    s.setYAxisGroup(1);
    s.setMarker(SeriesMarkers.SQUARE);
    s.setLineColor(new Color(0x2ca02c));
    s.setMarkerColor(new Color(0x2ca02c));
    return chart;
  }

  /** The curve as an aligned text table, one row per iteration. */
  public static String table(List<IterationMetrics> rows) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%9s  %13s  %13s  %7s  %5s  %8s  %9s  %8s%n",
            "iteration",
            "train solved",
            "test solved",
            "library",
            "depth",
            "mean DL",
            "programs",
            "seconds"));
    for (IterationMetrics m : rows) {
      double seconds =
          m.wakeSeconds() + m.abstractionSeconds() + m.dreamSeconds() + m.testSeconds();
      b.append(
          String.format(
              Locale.ROOT,
              "%9d  %13s  %13s  %7d  %5d  %8s  %9d  %8.1f%n",
              m.iteration(),
              String.format(
                  Locale.ROOT, "%d/%d %3.0f%%", m.trainSolved(), m.trainTotal(), m.trainPercent()),
              String.format(
                  Locale.ROOT, "%d/%d %3.0f%%", m.testSolved(), m.testTotal(), m.testPercent()),
              m.librarySize(),
              m.libraryDepth(),
              Double.isNaN(m.meanSolutionDescriptionLength())
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", m.meanSolutionDescriptionLength()),
              m.programsEnumerated(),
              seconds));
    }
    return b.toString();
  }
}

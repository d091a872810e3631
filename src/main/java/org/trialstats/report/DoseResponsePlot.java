package org.trialstats.report;

import java.util.List;
import java.util.Locale;
import org.trialstats.preclinical.FourParameterLogistic;

/**
 * SVG dose-response plot: observed wells as points and the fitted four-parameter logistic curve on
 * a log10 concentration axis, one colour per compound, with the IC50 marked.
 */
public final class DoseResponsePlot {
  private DoseResponsePlot() {}

  /** One compound: its data and fit (the fit may be unconverged: then only points are drawn). */
  public record Series(
      String label, double[] conc, double[] response, FourParameterLogistic.Fit fit) {}

  /** The plot; {@code concUnit} labels the x axis (e.g. "µM"), may be empty. */
  public static String svg(
      List<Series> series, String title, String concUnit, String responseLabel) {
    double cmin = Double.POSITIVE_INFINITY;
    double cmax = 0;
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.conc().length; i++) {
        cmin = Math.min(cmin, s.conc()[i]);
        cmax = Math.max(cmax, s.conc()[i]);
        ymin = Math.min(ymin, s.response()[i]);
        ymax = Math.max(ymax, s.response()[i]);
      }
    }
    double pad = (ymax - ymin) * 0.08 + 1e-12;
    if (cmax <= cmin) {
      cmax = cmin * 10;
    }
    GrowthCurvePlot.Scale sx =
        new GrowthCurvePlot.Scale(cmin / 1.5, cmax * 1.5, 70, 640 - 150, true);
    GrowthCurvePlot.Scale sy =
        new GrowthCurvePlot.Scale(ymin - pad, ymax + pad, 420 - 50, 40, false);
    StringBuilder b = new StringBuilder();
    GrowthCurvePlot.header(b, title);
    String xl =
        "Concentration" + (concUnit == null || concUnit.isEmpty() ? "" : " (" + concUnit + ")");
    GrowthCurvePlot.axes(b, sx, sy, xl + ", log scale", responseLabel);
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      String col = GrowthCurvePlot.COLOURS[k % GrowthCurvePlot.COLOURS.length];
      for (int i = 0; i < s.conc().length; i++) {
        b.append(
            String.format(
                Locale.ROOT,
                "<circle cx='%.1f' cy='%.1f' r='3' fill='none' stroke='%s'/>%n",
                sx.map(s.conc()[i]),
                sy.map(s.response()[i]),
                col));
      }
      FourParameterLogistic.Fit f = s.fit();
      String legend = s.label();
      String legend2 = "";
      if (f != null && f.ic50Estimable()) {
        StringBuilder path = new StringBuilder();
        double a = Math.log10(sx.lo);
        double z = Math.log10(sx.hi);
        for (int i = 0; i <= 200; i++) {
          double c = Math.pow(10, a + (z - a) * i / 200);
          double y = Math.max(sy.lo, Math.min(sy.hi, f.predict(c)));
          path.append(i == 0 ? "M" : " L")
              .append(String.format(Locale.ROOT, "%.1f %.1f", sx.map(c), sy.map(y)));
        }
        b.append(
            String.format(
                "<path d='%s' fill='none' stroke='%s' stroke-width='1.8'/>%n", path, col));
        double ic = f.ic50();
        if (ic >= sx.lo && ic <= sx.hi) {
          double yy = (f.bottom() + f.top()) / 2;
          b.append(
              String.format(
                  Locale.ROOT,
                  "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-dasharray='3 3'/>%n",
                  sx.map(ic),
                  sy.map(Math.max(sy.lo, Math.min(sy.hi, yy))),
                  sx.map(ic),
                  420.0 - 50,
                  col));
        }
        legend2 = "IC50 " + Cells.readable(ic, 3);
      }
      int ly = 50 + 34 * k;
      b.append(
          String.format(
              "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-width='2'/>"
                  + "<text x='%d' y='%d'>%s</text><text x='%d' y='%d' font-size='11'>%s</text>%n",
              500,
              ly,
              518,
              ly,
              col,
              522,
              ly + 4,
              Cells.html(legend),
              522,
              ly + 18,
              Cells.html(legend2)));
    }
    b.append("</svg>\n");
    return b.toString();
  }
}

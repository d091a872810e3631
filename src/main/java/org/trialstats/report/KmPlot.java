package org.trialstats.report;

import static org.trialstats.report.Cells.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.trialstats.survival.KaplanMeier;

/**
 * A Kaplan–Meier figure as an inline SVG: step curves, censor ticks, optional pointwise confidence
 * bands, median lines, a legend and annotation lines (HR, log-rank p) above the plot area, and the
 * number-at-risk table under the x-axis with each count centred on its tick.
 *
 * <p>Layout comes from the text: the left margin fits the longest arm label of the risk table, the
 * legend wraps into rows, and legend and annotations sit above the plot so they never cover a
 * curve. Paths are thinned to what a pixel can show (consecutive points within 0.25 px merge; at
 * most one censor tick per pixel and curve), so 100 000 subjects still give a small file.
 */
public final class KmPlot {
  private KmPlot() {}

  /**
   * One curve. {@code time[0]} is 0 with {@code surv[0] = 1}; each later entry is the value from
   * that time on (right-continuous steps). {@code lower}/{@code upper} may be null (no band); NaN
   * entries in them are gaps.
   *
   * @param label arm label (legend and risk table)
   * @param time step times, ascending, starting at 0
   * @param surv survival after each step time
   * @param lower lower CI limit at each step (or null)
   * @param upper upper CI limit at each step (or null)
   * @param censorTime censored observation times
   * @param median the median (NaN when not reached)
   * @param atRisk numbers at risk at the plot's ticks
   */
  public record Curve(
      String label,
      double[] time,
      double[] surv,
      double[] lower,
      double[] upper,
      double[] censorTime,
      double median,
      int[] atRisk) {
    public Curve {
      Objects.requireNonNull(label, "label");
      if (time.length != surv.length || time.length == 0) {
        throw new IllegalArgumentException("time and surv must be non-empty and of one length");
      }
    }

    /**
     * The curve of a Kaplan–Meier fit: steps from (0, 1) with the fit's confidence limits, the
     * times with censorings (ticks on the plot) and the numbers at risk at the axis ticks.
     */
    public static Curve of(String label, KaplanMeier km, double median, double[] ticks) {
      int m = km.size();
      double[] t = new double[m + 1];
      double[] sv = new double[m + 1];
      double[] lo = new double[m + 1];
      double[] hi = new double[m + 1];
      sv[0] = 1;
      lo[0] = 1;
      hi[0] = 1;
      int nc = 0;
      for (int i = 0; i < m; i++) {
        t[i + 1] = km.time(i);
        sv[i + 1] = km.surv(i);
        lo[i + 1] = km.lower(i);
        hi[i + 1] = km.upper(i);
        nc += km.nCensor(i) > 0 ? 1 : 0;
      }
      double[] ctimes = new double[nc];
      nc = 0;
      for (int i = 0; i < m; i++) {
        if (km.nCensor(i) > 0) {
          ctimes[nc++] = km.time(i);
        }
      }
      int[] atRisk = new int[ticks.length];
      for (int j = 0; j < ticks.length; j++) {
        atRisk[j] = km.atRisk(ticks[j]);
      }
      return new Curve(label, t, sv, lo, hi, ctimes, median, atRisk);
    }

    /** S(t) of this curve (right-continuous step). */
    double at(double t) {
      int lo = 0;
      int hi = time.length - 1;
      if (t < time[0]) {
        return 1;
      }
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (time[mid] <= t) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return surv[lo];
    }
  }

  /**
   * The figure.
   *
   * @param title accessible title (SVG title element)
   * @param xLabel x-axis label, e.g. "Time (months)"
   * @param yLabel y-axis label, e.g. "Progression-free survival"
   * @param ticks x-axis ticks (also the risk-table times), ascending from 0
   * @param curves the arms
   * @param annotations lines shown above the plot (e.g. "HR 0.60 (0.47, 0.76); log-rank p <0.001")
   * @param bands whether to draw the confidence bands
   * @param medianLines whether to draw the median reference lines
   */
  public record Spec(
      String title,
      String xLabel,
      String yLabel,
      double[] ticks,
      List<Curve> curves,
      List<String> annotations,
      boolean bands,
      boolean medianLines) {
    public Spec {
      curves = List.copyOf(curves);
      annotations = annotations == null ? List.of() : List.copyOf(annotations);
      if (ticks.length < 2) {
        throw new IllegalArgumentException("at least two ticks");
      }
    }
  }

  /** Okabe–Ito colours (colour-blind safe), then darker extras; dash patterns beyond six arms. */
  static final String[] COLORS = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#7F3C8D",
    "#11A579", "#8C564B"
  };

  static final String[] DASHES = {"", "", "", "", "", "", "6 3", "6 3", "2 2", "2 2"};

  static final double WIDTH = 760;
  static final double PLOT_H = 300;
  static final double FONT = 12;
  static final double ROW = 18;

  /** Renders the SVG element. */
  public static String svg(Spec s) {
    int k = s.curves().size();
    double labelW = 0;
    for (Curve c : s.curves()) {
      labelW = Math.max(labelW, ForestPlot.textWidth(c.label(), FONT, false));
    }
    // The risk table's first count is centred on tick 0 (the y-axis): the arm labels left of it
    // need their width plus half the widest count plus a gap.
    int maxCount = 0;
    for (Curve c : s.curves()) {
      if (c.atRisk() != null) {
        for (int v : c.atRisk()) {
          maxCount = Math.max(maxCount, v);
        }
      }
    }
    double countW = ForestPlot.textWidth(Integer.toString(maxCount), FONT, false);
    double left = Math.max(64, 4 + labelW + 14 + countW / 2);
    double right = 24;
    double plotW = WIDTH - left - right;
    // Legend rows: entries flow left to right and wrap.
    List<double[]> legendPos = new ArrayList<>();
    double x = left;
    double legendRows = 1;
    for (Curve c : s.curves()) {
      double w = 34 + ForestPlot.textWidth(c.label(), FONT, false) + 18;
      if (x + w > WIDTH - right && x > left) {
        x = left;
        legendRows++;
      }
      legendPos.add(new double[] {x, legendRows - 1});
      x += w;
    }
    double top = 12 + legendRows * ROW + s.annotations().size() * ROW + 10;
    double plotBottom = top + PLOT_H;
    double axisLabelY = plotBottom + 40;
    double riskTitleY = axisLabelY + 26;
    double height = riskTitleY + 8 + k * ROW + 10;
    double t0 = s.ticks()[0];
    double t1 = s.ticks()[s.ticks().length - 1];
    Sx sx = new Sx(left, plotW, t0, t1);
    StringBuilder b = new StringBuilder(8192);
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"km\" role=\"img\" width=\"%s\""
                + " height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"Helvetica, Arial, sans-serif\""
                + " font-size=\"%s\">",
            f(WIDTH),
            f(height),
            f(WIDTH),
            f(height),
            f(FONT)));
    b.append("<title>").append(html(s.title())).append("</title>");
    // Legend.
    for (int i = 0; i < k; i++) {
      Curve c = s.curves().get(i);
      double lx = legendPos.get(i)[0];
      double ly = 12 + legendPos.get(i)[1] * ROW + ROW / 2;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"2.5\"%s/>",
              f(lx),
              f(ly),
              f(lx + 26),
              f(ly),
              color(i),
              dash(i)));
      b.append(text(lx + 32, ly + 4, "start", c.label(), "class=\"legend\""));
    }
    // Annotations.
    double ay = 12 + legendRows * ROW + ROW / 2 + 4;
    for (String a : s.annotations()) {
      b.append(text(left, ay, "start", a, "class=\"annotation\""));
      ay += ROW;
    }
    // Grid, axes and ticks.
    b.append("<g class=\"axes\" stroke=\"#999\" stroke-width=\"1\">");
    for (int j = 0; j <= 4; j++) {
      double yy = top + PLOT_H * (1 - j / 4.0);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#e4e4e4\"/>",
              f(left),
              f(yy),
              f(left + plotW),
              f(yy)));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/><line x1=\"%s\" y1=\"%s\" x2=\"%s\""
                + " y2=\"%s\"/>",
            f(left),
            f(top),
            f(left),
            f(plotBottom),
            f(left),
            f(plotBottom),
            f(left + plotW),
            f(plotBottom)));
    for (double t : s.ticks()) {
      double tx = sx.x(t);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>",
              f(tx),
              f(plotBottom),
              f(tx),
              f(plotBottom + 5)));
    }
    for (int j = 0; j <= 4; j++) {
      double yy = top + PLOT_H * (1 - j / 4.0);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>",
              f(left - 5),
              f(yy),
              f(left),
              f(yy)));
    }
    b.append("</g>");
    for (double t : s.ticks()) {
      b.append(text(sx.x(t), plotBottom + 18, "middle", tickLabel(t), "class=\"tick\""));
    }
    for (int j = 0; j <= 4; j++) {
      double yy = top + PLOT_H * (1 - j / 4.0);
      b.append(text(left - 8, yy + 4, "end", Cells.readable(j / 4.0, 2), "class=\"tick\""));
    }
    b.append(text(left + plotW / 2, axisLabelY, "middle", s.xLabel(), "class=\"axis-label\""));
    double yMid = top + PLOT_H / 2;
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" transform=\"rotate(-90 %s %s)\""
                + " class=\"axis-label\">%s</text>",
            f(14),
            f(yMid),
            f(14),
            f(yMid),
            html(s.yLabel())));
    // Clip the data to the plot area (a curve beyond the last tick is cut, not drawn outside).
    String clipId =
        "km-clip-" + Integer.toHexString((s.title() + "|" + k + "|" + f(height)).hashCode());
    b.append(
        String.format(
            Locale.ROOT,
            "<defs><clipPath id=\"%s\"><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/>"
                + "</clipPath></defs>",
            clipId,
            f(left - 1),
            f(top - 2),
            f(plotW + 2),
            f(PLOT_H + 4)));
    b.append("<g clip-path=\"url(#").append(clipId).append(")\">");
    Sy sy = new Sy(top, PLOT_H);
    if (s.bands()) {
      for (int i = 0; i < k; i++) {
        Curve c = s.curves().get(i);
        if (c.lower() != null && c.upper() != null) {
          String d = band(c, sx, sy, t1);
          if (!d.isEmpty()) {
            b.append("<path class=\"band\" d=\"")
                .append(d)
                .append("\" fill=\"")
                .append(color(i))
                .append("\" fill-opacity=\"0.13\" stroke=\"none\"/>");
          }
        }
      }
    }
    if (s.medianLines()) {
      for (int i = 0; i < k; i++) {
        Curve c = s.curves().get(i);
        if (Double.isFinite(c.median()) && c.median() <= t1) {
          double mx = sx.x(c.median());
          b.append(
              String.format(
                  Locale.ROOT,
                  "<path class=\"median\" d=\"M%s %sH%sV%s\" fill=\"none\" stroke=\"%s\""
                      + " stroke-width=\"1\" stroke-dasharray=\"3 3\" stroke-opacity=\"0.8\"/>",
                  f(left),
                  f(sy.y(0.5)),
                  f(mx),
                  f(plotBottom),
                  color(i)));
        }
      }
    }
    for (int i = 0; i < k; i++) {
      Curve c = s.curves().get(i);
      b.append("<path class=\"curve\" d=\"")
          .append(steps(c.time(), c.surv(), sx, sy, t1))
          .append("\" fill=\"none\" stroke=\"")
          .append(color(i))
          .append("\" stroke-width=\"2\"")
          .append(dash(i))
          .append("/>");
      String ticks = censorTicks(c, sx, sy, t1);
      if (!ticks.isEmpty()) {
        b.append("<path class=\"censor\" d=\"")
            .append(ticks)
            .append("\" stroke=\"")
            .append(color(i))
            .append("\" stroke-width=\"1.3\"/>");
      }
    }
    b.append("</g>");
    // Number-at-risk table: one row per arm, counts centred on the x ticks.
    b.append(
        text(
            4, riskTitleY, "start", "Number at risk", "class=\"risk-title\" font-weight=\"bold\""));
    for (int i = 0; i < k; i++) {
      Curve c = s.curves().get(i);
      double ry = riskTitleY + 8 + (i + 1) * ROW - 4;
      b.append(text(4, ry, "start", c.label(), "class=\"risk-label\" fill=\"" + color(i) + "\""));
      int[] nr = c.atRisk();
      for (int j = 0; j < s.ticks().length && nr != null && j < nr.length; j++) {
        b.append(
            text(
                sx.x(s.ticks()[j]),
                ry,
                "middle",
                Integer.toString(nr[j]),
                "class=\"risk\" data-tick=\"" + j + "\""));
      }
    }
    b.append("</svg>");
    return b.toString();
  }

  /** x scale. */
  record Sx(double left, double width, double t0, double t1) {
    double x(double t) {
      return left + width * (Math.min(t, t1) - t0) / (t1 - t0);
    }
  }

  /** y scale (0..1). */
  record Sy(double top, double height) {
    double y(double s) {
      return top + height * (1 - s);
    }
  }

  /** A right-continuous step path, thinned: points closer than 0.25 px horizontally merge. */
  static String steps(double[] t, double[] s, Sx sx, Sy sy, double tMax) {
    StringBuilder d = new StringBuilder();
    double px = sx.x(t[0]);
    double py = sy.y(s[0]);
    d.append('M').append(f(px)).append(' ').append(f(py));
    double lastX = px;
    double lastY = py;
    for (int i = 1; i < t.length; i++) {
      if (t[i] > tMax) {
        break;
      }
      double x = sx.x(t[i]);
      double y = sy.y(s[i]);
      if (x - lastX >= 0.25) {
        d.append('H').append(f(x));
        lastX = x;
      }
      if (Math.abs(y - lastY) >= 0.05) {
        d.append('V').append(f(y));
        lastY = y;
      }
    }
    double end = sx.x(Math.min(tMax, lastTime(t, tMax)));
    if (end > lastX) {
      d.append('H').append(f(end));
    }
    return d.toString();
  }

  private static double lastTime(double[] t, double tMax) {
    return t[t.length - 1] > tMax ? tMax : t[t.length - 1];
  }

  /** The band between lower and upper limits as one closed step polygon (NaN limits: gaps). */
  static String band(Curve c, Sx sx, Sy sy, double tMax) {
    StringBuilder d = new StringBuilder();
    double[] t = c.time();
    int i = 0;
    int n = t.length;
    while (i < n) {
      while (i < n && !(finite(c.lower()[i]) && finite(c.upper()[i]))) {
        i++;
      }
      int start = i;
      while (i < n && finite(c.lower()[i]) && finite(c.upper()[i]) && t[i] <= tMax) {
        i++;
      }
      int end = i;
      if (end - start >= 1) {
        double tEnd = end < n ? Math.min(t[end], tMax) : Math.min(lastTime(t, tMax), tMax);
        // Upper edge forward.
        d.append('M').append(f(sx.x(t[start]))).append(' ').append(f(sy.y(c.upper()[start])));
        for (int j = start + 1; j < end; j++) {
          d.append('H').append(f(sx.x(t[j]))).append('V').append(f(sy.y(c.upper()[j])));
        }
        d.append('H').append(f(sx.x(tEnd)));
        // Lower edge backward.
        d.append('V').append(f(sy.y(c.lower()[end - 1])));
        for (int j = end - 1; j > start; j--) {
          d.append('H').append(f(sx.x(t[j]))).append('V').append(f(sy.y(c.lower()[j - 1])));
        }
        d.append('H').append(f(sx.x(t[start]))).append('Z');
      }
      if (i < n && t[i] > tMax) {
        break;
      }
    }
    return d.toString();
  }

  private static boolean finite(double v) {
    return Double.isFinite(v);
  }

  /** Vertical ticks at censored times on the curve; at most one per pixel. */
  static String censorTicks(Curve c, Sx sx, Sy sy, double tMax) {
    if (c.censorTime() == null) {
      return "";
    }
    StringBuilder d = new StringBuilder();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (double t : c.censorTime()) {
      if (t > tMax) {
        continue;
      }
      double x = sx.x(t);
      double y = sy.y(c.at(t));
      long key = Math.round(x) * 100000L + Math.round(y);
      if (seen.add(key)) {
        d.append('M').append(f(x)).append(' ').append(f(y - 4)).append('v').append("8");
      }
    }
    return d.toString();
  }

  /**
   * Nice ticks from 0 to at least {@code max}: 1, 2, 2.5, 3, 5, 6 or 12-based steps, 5–10 ticks.
   */
  public static double[] ticks(double max, String unit) {
    if (!(max > 0)) {
      return new double[] {0, 1};
    }
    double[] steps =
        unit.equals("months")
            ? new double[] {1, 2, 3, 6, 12, 24, 36, 60, 120}
            : new double[] {
              0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000
            };
    double step = steps[steps.length - 1];
    for (double st : steps) {
      if (max / st <= 9) {
        step = st;
        break;
      }
    }
    while (max / step > 12) {
      step *= 2;
    }
    int m = (int) Math.ceil(max / step - 1e-9);
    m = Math.max(m, 1);
    double[] out = new double[m + 1];
    for (int i = 0; i <= m; i++) {
      out[i] = i * step;
    }
    return out;
  }

  static String tickLabel(double t) {
    return Cells.readable(t, 6).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
  }

  private static String color(int i) {
    return COLORS[i % COLORS.length];
  }

  private static String dash(int i) {
    String d = DASHES[i % DASHES.length];
    return d.isEmpty() ? "" : " stroke-dasharray=\"" + d + "\"";
  }

  private static String text(double x, double y, String anchor, String s, String attrs) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" %s>%s</text>",
        f(x),
        f(y),
        anchor,
        attrs,
        html(s));
  }

  /** A coordinate with at most 2 decimals. */
  static String f(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("non-finite coordinate");
    }
    double r = Math.round(v * 100) / 100.0;
    if (r == Math.rint(r)) {
      return Long.toString((long) r);
    }
    return Double.toString(r);
  }
}

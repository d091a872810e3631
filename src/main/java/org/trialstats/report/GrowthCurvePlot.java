package org.trialstats.report;

import java.util.List;
import java.util.Locale;
import org.trialstats.preclinical.TumourGrowth;

/**
 * SVG growth curves: mean tumour volume ± SEM by day for each group (one colour per group), with a
 * dashed line at the analysis day. Self-contained SVG text, embeddable in HTML.
 */
public final class GrowthCurvePlot {
  private GrowthCurvePlot() {}

  static final String[] COLOURS = {
    "#1b6ca8", "#d1495b", "#2e9e5b", "#edae49", "#6a4c93", "#00798c", "#8d6a9f", "#5c5c5c"
  };

  private static final int W = 640;
  private static final int H = 420;
  private static final int L = 70;
  private static final int R = 150;
  private static final int T = 40;
  private static final int B = 50;

  /** The plot of {@code r}; {@code logY} draws the volume axis on a log10 scale. */
  public static String svg(TumourGrowth.Result r, String title, boolean logY) {
    double xmin = Double.POSITIVE_INFINITY;
    double xmax = Double.NEGATIVE_INFINITY;
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = 0;
    for (TumourGrowth.DaySummary s : r.summaries()) {
      xmin = Math.min(xmin, s.day());
      xmax = Math.max(xmax, s.day());
      double sem = Double.isNaN(s.sem()) ? 0 : s.sem();
      ymax = Math.max(ymax, s.mean() + sem);
      if (s.mean() - sem > 0) {
        ymin = Math.min(ymin, s.mean() - sem);
      }
    }
    if (xmax == xmin) {
      xmax = xmin + 1;
    }
    Scale sx = new Scale(xmin, xmax, L, W - R, false);
    Scale sy =
        logY
            ? new Scale(Math.max(1, ymin), Math.max(ymax, 10), H - B, T, true)
            : new Scale(0, ymax <= 0 ? 1 : ymax * 1.05, H - B, T, false);
    StringBuilder b = new StringBuilder();
    header(b, title);
    axes(b, sx, sy, "Day", "Tumour volume (mm³), mean ± SEM");
    double d = r.day();
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#999' stroke-dasharray='4 3'/>%n",
            sx.map(d),
            T,
            sx.map(d),
            H - B));
    List<String> groups = r.groupLabels();
    for (int k = 0; k < groups.size(); k++) {
      String g = groups.get(k);
      String col = COLOURS[k % COLOURS.length];
      StringBuilder path = new StringBuilder();
      for (TumourGrowth.DaySummary s : r.summaries(g)) {
        double x = sx.map(s.day());
        if (!(s.mean() > 0) && logY) {
          continue;
        }
        double y = sy.map(s.mean());
        path.append(path.length() == 0 ? "M" : " L")
            .append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        if (!Double.isNaN(s.sem()) && s.sem() > 0) {
          double lo = s.mean() - s.sem();
          double y1 = sy.map(logY && lo <= 0 ? sy.lo : lo);
          double y2 = sy.map(s.mean() + s.sem());
          b.append(
              String.format(
                  Locale.ROOT,
                  "<path d='M%.1f %.1f V%.1f M%.1f %.1f H%.1f M%.1f %.1f H%.1f' stroke='%s'/>%n",
                  x,
                  y1,
                  y2,
                  x - 3,
                  y1,
                  x + 3,
                  x - 3,
                  y2,
                  x + 3,
                  col));
        }
        b.append(
            String.format(
                Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>%n", x, y, col));
      }
      b.append(
          String.format("<path d='%s' fill='none' stroke='%s' stroke-width='1.8'/>%n", path, col));
      int ly = T + 10 + 20 * k;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-width='2'/>"
                  + "<text x='%d' y='%d'>%s</text>%n",
              W - R + 15,
              ly,
              W - R + 35,
              ly,
              col,
              W - R + 40,
              ly + 4,
              Cells.html(g)));
    }
    b.append("</svg>\n");
    return b.toString();
  }

  static void header(StringBuilder b, String title) {
    b.append(
        String.format(
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d'"
                + " font-family='sans-serif' font-size='12'>%n",
            W, H, W, H));
    b.append(String.format("<rect width='%d' height='%d' fill='white'/>%n", W, H));
    if (title != null && !title.isEmpty()) {
      b.append(
          String.format(
              "<text x='%d' y='22' font-size='14' font-weight='bold'>%s</text>%n",
              L, Cells.html(title)));
    }
  }

  static void axes(StringBuilder b, Scale sx, Scale sy, String xlab, String ylab) {
    b.append(
        String.format(
            "<path d='M%d %d V%d H%d' fill='none' stroke='black'/>%n", L, T, H - B, W - R));
    for (double t : sx.ticks()) {
      double x = sx.map(t);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='black'/>"
                  + "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>%n",
              x,
              H - B,
              x,
              H - B + 5,
              x,
              H - B + 18,
              sx.label(t)));
    }
    for (double t : sy.ticks()) {
      double y = sy.map(t);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='black'/>"
                  + "<text x='%d' y='%.1f' text-anchor='end'>%s</text>%n",
              L - 5,
              y,
              L,
              y,
              L - 8,
              y + 4,
              sy.label(t)));
    }
    b.append(
        String.format(
            "<text x='%d' y='%d' text-anchor='middle'>%s</text>%n",
            (L + W - R) / 2, H - 12, Cells.html(xlab)));
    b.append(
        String.format(
            "<text x='18' y='%d' text-anchor='middle' transform='rotate(-90 18 %d)'>%s</text>%n",
            (T + H - B) / 2, (T + H - B) / 2, Cells.html(ylab)));
  }

  /** A linear or log10 axis mapping data to pixels. */
  static final class Scale {
    final double lo;
    final double hi;
    final double p0;
    final double p1;
    final boolean log;

    Scale(double lo, double hi, double p0, double p1, boolean log) {
      this.lo = lo;
      this.hi = hi;
      this.p0 = p0;
      this.p1 = p1;
      this.log = log;
    }

    double map(double v) {
      double f =
          log
              ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
              : (v - lo) / (hi - lo);
      return p0 + f * (p1 - p0);
    }

    double[] ticks() {
      if (log) {
        int a = (int) Math.floor(Math.log10(lo));
        int z = (int) Math.ceil(Math.log10(hi));
        return java.util.stream.IntStream.rangeClosed(a, z)
            .mapToDouble(e -> Math.pow(10, e))
            .filter(v -> v >= lo * 0.999 && v <= hi * 1.001)
            .toArray();
      }
      double span = hi - lo;
      double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
      for (double m : new double[] {1, 2, 5, 10}) {
        if (span / (step * m) <= 7) {
          step *= m;
          break;
        }
      }
      double s = step;
      double start = Math.ceil(lo / s) * s;
      int k = (int) Math.floor((hi - start) / s + 1e-9);
      return java.util.stream.IntStream.rangeClosed(0, k).mapToDouble(i -> start + i * s).toArray();
    }

    String label(double v) {
      return log
          ? Cells.number(Double.parseDouble(String.format(Locale.ROOT, "%.3g", v)))
          : Cells.readable(v, 3);
    }
  }
}

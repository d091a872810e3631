package org.trialstats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A forest plot as a standalone SVG document: one line per subgroup level with a square (area
 * proportional to a weight such as the number of subjects or events) and a confidence-interval
 * whisker on a log axis (hazard or odds ratios) or a linear axis (differences), a reference line at
 * 1 (or 0), labels on the left, text columns (e.g. n, events, "HR (95% CI)") on the right, arrows
 * where an interval runs beyond the axis, and the favoured-arm annotation under the axis.
 *
 * <p>Layout is computed from the text: column widths come from the longest label or cell (estimated
 * from character counts at a conservative average glyph width), the height from the number of rows,
 * so long labels and many rows do not overlap. All text is XML-escaped; only finite coordinates are
 * written.
 */
public final class ForestPlot {
  private ForestPlot() {}

  /** Axis scale: log for ratios (reference 1), linear for differences (reference 0). */
  public enum Scale {
    LOG,
    LINEAR
  }

  /**
   * One line of the plot.
   *
   * @param label text in the left column
   * @param kind header (a variable name: bold, no estimate), level (indented), or overall (first
   *     row, drawn with a diamond)
   * @param cells text of the right-hand columns, one per {@link Spec#columns()} entry (null =
   *     empty)
   * @param estimate point estimate (NaN when not estimable or for a header)
   * @param lower lower confidence limit (NaN, 0 or -infinity allowed: drawn as an arrow)
   * @param upper upper confidence limit (NaN or +infinity allowed: drawn as an arrow)
   * @param weight square area weight (e.g. subjects or events), relative to the largest level row;
   *     ignored when not positive
   * @param note shown in the plot area instead of a whisker when the estimate is missing (e.g. the
   *     reason a level is not estimable)
   */
  public record Row(
      String label,
      Kind kind,
      List<String> cells,
      double estimate,
      double lower,
      double upper,
      double weight,
      String note) {
    public Row {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(kind, "kind");
      cells =
          cells == null
              ? List.of()
              : java.util.Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** A variable header row (no estimate); {@code cells} may carry e.g. the interaction p. */
    public static Row header(String label, List<String> cells) {
      return new Row(label, Kind.HEADER, cells, Double.NaN, Double.NaN, Double.NaN, 0, null);
    }
  }

  /** Row kinds. */
  public enum Kind {
    OVERALL,
    HEADER,
    LEVEL
  }

  /**
   * The plot.
   *
   * @param title optional title above the plot (null for none)
   * @param labelHeader header of the label column (e.g. "Subgroup")
   * @param columns headers of the right-hand text columns
   * @param scale axis scale
   * @param axisLabel text under the axis (e.g. "Hazard ratio (Lev+5FU vs Obs)")
   * @param favoursLeft annotation left of the reference (e.g. "Favours Lev+5FU")
   * @param favoursRight annotation right of the reference (e.g. "Favours Obs")
   * @param rows the lines, top to bottom
   * @param footnotes lines under the plot (e.g. "P-values are unadjusted.")
   * @param reference position of the dashed reference line; NaN for the default (1 on a log axis, 0
   *     on a linear one), e.g. the all-subjects estimate in a single-arm plot
   */
  public record Spec(
      String title,
      String labelHeader,
      List<String> columns,
      Scale scale,
      String axisLabel,
      String favoursLeft,
      String favoursRight,
      List<Row> rows,
      List<String> footnotes,
      double reference) {
    public Spec {
      Objects.requireNonNull(scale, "scale");
      columns = columns == null ? List.of() : List.copyOf(columns);
      rows = List.copyOf(rows);
      footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
    }

    /** A plot with the default reference line (1 on a log axis, 0 on a linear one). */
    public Spec(
        String title,
        String labelHeader,
        List<String> columns,
        Scale scale,
        String axisLabel,
        String favoursLeft,
        String favoursRight,
        List<Row> rows,
        List<String> footnotes) {
      this(
          title,
          labelHeader,
          columns,
          scale,
          axisLabel,
          favoursLeft,
          favoursRight,
          rows,
          footnotes,
          Double.NaN);
    }
  }

  // Geometry (px at 96 dpi; a 12 px font prints at 9 pt).
  static final double FONT = 12;
  static final double SMALL = 11;
  static final double ROW_H = 22;
  static final double MARGIN = 16;
  static final double GAP = 18;
  static final double MIN_PLOT_W = 280;
  static final double MAX_SQUARE = 16;
  static final double MIN_SQUARE = 5;
  static final double INDENT = 14;

  /**
   * Conservative text width: Helvetica/Arial average glyph widths are about 0.5–0.55 em for mixed
   * text; 0.62 em (0.66 em bold) leaves room for wide glyphs such as W or M.
   */
  static double textWidth(String s, double size, boolean bold) {
    if (s == null) {
      return 0;
    }
    double w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      double em;
      if (c == 'W' || c == 'M' || c == 'm' || c == 'w' || c == '@' || c == '%') {
        em = 0.9;
      } else if (Character.isUpperCase(c)) {
        em = 0.7;
      } else if (c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == '\''
          || c == '|') {
        em = 0.3;
      } else if (c == ' ') {
        em = 0.3;
      } else {
        em = 0.6;
      }
      w += em;
    }
    return w * size * (bold ? 1.07 : 1.0);
  }

  /** The SVG document. */
  public static String svg(Spec spec) {
    return new Layout(spec).render();
  }

  /** Axis range and ticks chosen from the estimates and intervals. */
  record Axis(double min, double max, double[] ticks, double reference, Scale scale) {
    double frac(double v) {
      if (scale == Scale.LOG) {
        return (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min));
      }
      return (v - min) / (max - min);
    }

    boolean inside(double v) {
      return v >= min && v <= max && (scale == Scale.LINEAR || v > 0);
    }
  }

  static final double[] LOG_STEPS = {1, 2, 5};

  /**
   * Log axis: spans the estimates and the reference; interval ends are included unless they lie
   * more than a factor 8 beyond the outermost estimate (those get arrows). Ticks at 1-2-5 per
   * decade (plus 0.25 / 0.5 / 0.75 style quarter ticks are avoided for legibility).
   */
  static Axis axis(List<Row> rows, Scale scale) {
    return axis(rows, scale, Double.NaN);
  }

  /** As {@link #axis(List, Scale)} with a reference line at {@code reference} (NaN = default). */
  static Axis axis(List<Row> rows, Scale scale, double reference) {
    double ref = usable(reference, scale) ? reference : scale == Scale.LOG ? 1 : 0;
    boolean nonNegative = ref >= 0;
    double eLo = ref;
    double eHi = ref;
    double cLo = ref;
    double cHi = ref;
    for (Row r : rows) {
      if (!usable(r.estimate, scale)) {
        continue;
      }
      eLo = Math.min(eLo, r.estimate);
      eHi = Math.max(eHi, r.estimate);
      nonNegative &= r.estimate >= 0 && !(r.lower < 0);
      if (usable(r.lower, scale)) {
        cLo = Math.min(cLo, r.lower);
      }
      if (usable(r.upper, scale)) {
        cHi = Math.max(cHi, r.upper);
      }
    }
    if (scale == Scale.LOG) {
      double lo = Math.max(cLo, eLo / 8);
      double hi = Math.min(cHi, eHi * 8);
      List<Double> cand = new ArrayList<>();
      for (int dec = -4; dec <= 4; dec++) {
        for (double s : LOG_STEPS) {
          cand.add(s * Math.pow(10, dec));
        }
      }
      double min = cand.get(0);
      double max = cand.get(cand.size() - 1);
      for (double c : cand) {
        if (c <= lo * (1 + 1e-12)) {
          min = c;
        }
      }
      for (int k = cand.size() - 1; k >= 0; k--) {
        if (cand.get(k) >= hi * (1 - 1e-12)) {
          max = cand.get(k);
        }
      }
      if (min >= max) {
        min = 0.5;
        max = 2;
      }
      List<Double> t = new ArrayList<>();
      for (double c : cand) {
        if (c >= min * (1 - 1e-12) && c <= max * (1 + 1e-12)) {
          t.add(c);
        }
      }
      // A long span would crowd the 1-2-5 ticks: keep decades (and the reference) only.
      if (t.size() > 9) {
        t.removeIf(v -> Math.abs(Math.log10(v) - Math.rint(Math.log10(v))) > 1e-9);
        if (t.get(0) > min) {
          t.add(0, min);
        }
        if (t.get(t.size() - 1) < max) {
          t.add(max);
        }
      }
      return new Axis(min, max, t.stream().mapToDouble(Double::doubleValue).toArray(), ref, scale);
    }
    // Linear axes hold bounded quantities (differences of rates, medians within follow-up): the
    // whole intervals are shown; a missing limit (not reached) is drawn as an arrow.
    double lo = nonNegative ? 0 : cLo;
    double hi = cHi;
    double step = niceStep((hi - lo) / 5);
    double min = Math.floor(lo / step + 1e-9) * step;
    double max = Math.ceil(hi / step - 1e-9) * step;
    if (min >= max) {
      min = -1;
      max = 1;
      step = 0.5;
    }
    int k = (int) Math.round((max - min) / step);
    double[] t = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      t[i] = min + i * step;
      if (Math.abs(t[i]) < step * 1e-9) {
        t[i] = 0;
      }
    }
    return new Axis(min, max, t, ref, scale);
  }

  static double niceStep(double raw) {
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double s = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return s * mag;
  }

  private static boolean usable(double v, Scale scale) {
    return Double.isFinite(v) && (scale == Scale.LINEAR || v > 0);
  }

  /**
   * The effect text column: {@code "0.60 (0.47, 0.76)"} with {@code decimals} decimals; "NE" for a
   * missing estimate; an infinite upper limit prints as "Inf".
   */
  public static String effectText(double est, double lo, double hi, int decimals) {
    if (!Double.isFinite(est)) {
      return "NE";
    }
    String fmt = "%." + decimals + "f";
    return String.format(Locale.ROOT, fmt, est)
        + " ("
        + limit(lo, fmt)
        + ", "
        + limit(hi, fmt)
        + ")";
  }

  private static String limit(double v, String fmt) {
    if (Double.isNaN(v)) {
      return "NE";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Inf" : "-Inf";
    }
    return String.format(Locale.ROOT, fmt, v);
  }

  /** Tick label: up to 3 significant digits, no trailing zeros. */
  static String tickLabel(double v) {
    if (v == 0) {
      return "0";
    }
    String s =
        new java.math.BigDecimal(v)
            .round(new java.math.MathContext(3))
            .stripTrailingZeros()
            .toPlainString();
    return s;
  }

  /** XML-escaped text; control characters that XML 1.0 forbids are dropped. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t') {
        b.append(' ');
      } else if (c == 0xFFFE || c == 0xFFFF) {
        continue;
      } else {
        b.append(c);
      }
    }
    return Cells.html(b.toString());
  }

  static String f(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalStateException("non-finite coordinate");
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static final class Layout {
    final Spec spec;
    final Axis axis;
    final double labelW;
    final double plotX;
    final double plotW;
    final double[] colX; // right edge of each text column
    final double width;
    final double top;
    final double rowsBottom;
    final double height;
    final double maxWeight;

    Layout(Spec spec) {
      this.spec = spec;
      this.axis = axis(spec.rows(), spec.scale(), spec.reference());
      double lw = textWidth(spec.labelHeader(), FONT, true);
      double noteW = 0;
      double mw = 0;
      for (Row r : spec.rows()) {
        double w =
            textWidth(r.label(), FONT, r.kind() != Kind.LEVEL)
                + (r.kind() == Kind.LEVEL ? INDENT : 0);
        lw = Math.max(lw, w);
        if (r.note() != null && !usable(r.estimate(), spec.scale())) {
          noteW = Math.max(noteW, textWidth(r.note(), SMALL, false) + 12);
        }
        if (r.kind() == Kind.LEVEL && r.weight() > 0 && Double.isFinite(r.weight())) {
          mw = Math.max(mw, r.weight());
        }
      }
      maxWeight = mw;
      labelW = lw;
      plotX = MARGIN + labelW + GAP;
      double favW =
          2
                  * Math.max(
                      textWidth(spec.favoursLeft(), SMALL, false),
                      textWidth(spec.favoursRight(), SMALL, false))
              + 40;
      plotW =
          Math.max(
              Math.max(MIN_PLOT_W, noteW),
              Math.max(favW, textWidth(spec.axisLabel(), SMALL, false) + 20));
      int nc = spec.columns().size();
      colX = new double[nc];
      double x = plotX + plotW + GAP;
      for (int c = 0; c < nc; c++) {
        double w = textWidth(spec.columns().get(c), FONT, true);
        for (Row r : spec.rows()) {
          if (c < r.cells().size()) {
            w = Math.max(w, textWidth(r.cells().get(c), FONT, r.kind() != Kind.LEVEL));
          }
        }
        x += w;
        colX[c] = x;
        x += GAP;
      }
      double footW = 0;
      for (String s : spec.footnotes()) {
        footW = Math.max(footW, textWidth(s, SMALL, false));
      }
      double titleW = textWidth(spec.title(), FONT + 2, true);
      width = Math.max(x - GAP + MARGIN, Math.max(footW, titleW) + 2 * MARGIN);
      top = MARGIN + (spec.title() == null ? 0 : 24) + ROW_H; // header line of the columns
      rowsBottom = top + spec.rows().size() * ROW_H + 4;
      height = rowsBottom + 20 + 16 + 18 + 18 + spec.footnotes().size() * 16 + MARGIN;
    }

    double xOf(double v) {
      return plotX + axis.frac(v) * plotW;
    }

    String render() {
      StringBuilder b = new StringBuilder(8192);
      b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
          .append(f(width))
          .append("\" height=\"")
          .append(f(height))
          .append("\" viewBox=\"0 0 ")
          .append(f(width))
          .append(' ')
          .append(f(height))
          .append("\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"")
          .append(f(FONT))
          .append("\">\n");
      b.append("<title>")
          .append(esc(spec.title() == null ? "Forest plot" : spec.title()))
          .append("</title>\n");
      b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
      if (spec.title() != null) {
        text(b, MARGIN, MARGIN + 14, spec.title(), "start", "bold", FONT + 2, null);
      }
      double hy = top - 7;
      text(b, MARGIN, hy, spec.labelHeader(), "start", "bold", FONT, "header");
      for (int c = 0; c < colX.length; c++) {
        text(b, colX[c], hy, spec.columns().get(c), "end", "bold", FONT, "header");
      }
      line(b, MARGIN, top - 2, width - MARGIN, top - 2, "#000000", 1, null);
      // Zebra background on level rows for reading across, then the reference line.
      for (int i = 0; i < spec.rows().size(); i++) {
        if (i % 2 == 1) {
          b.append("<rect x=\"")
              .append(f(MARGIN))
              .append("\" y=\"")
              .append(f(top + i * ROW_H))
              .append("\" width=\"")
              .append(f(width - 2 * MARGIN))
              .append("\" height=\"")
              .append(f(ROW_H))
              .append("\" fill=\"#f2f2f2\"/>\n");
        }
      }
      double rx = xOf(axis.reference());
      b.append("<line class=\"reference\" x1=\"")
          .append(f(rx))
          .append("\" y1=\"")
          .append(f(top))
          .append("\" x2=\"")
          .append(f(rx))
          .append("\" y2=\"")
          .append(f(rowsBottom))
          .append("\" stroke=\"#555555\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>\n");
      for (int i = 0; i < spec.rows().size(); i++) {
        row(b, spec.rows().get(i), top + i * ROW_H + ROW_H / 2);
      }
      axisBlock(b);
      double fy = rowsBottom + 20 + 16 + 18 + 18 + 4;
      for (String s : spec.footnotes()) {
        text(b, MARGIN, fy, s, "start", null, SMALL, "footnote");
        fy += 16;
      }
      b.append("</svg>\n");
      return b.toString();
    }

    void row(StringBuilder b, Row r, double cy) {
      String cls =
          switch (r.kind()) {
            case OVERALL -> "row overall";
            case HEADER -> "row header";
            case LEVEL -> "row level";
          };
      b.append("<g class=\"").append(cls).append("\">\n");
      double ty = cy + FONT * 0.35;
      boolean bold = r.kind() != Kind.LEVEL;
      text(
          b,
          MARGIN + (r.kind() == Kind.LEVEL ? INDENT : 0),
          ty,
          r.label(),
          "start",
          bold ? "bold" : null,
          FONT,
          "label");
      for (int c = 0; c < colX.length && c < r.cells().size(); c++) {
        String s = r.cells().get(c);
        if (s != null && !s.isEmpty()) {
          text(b, colX[c], ty, s, "end", bold ? "bold" : null, FONT, "cell");
        }
      }
      if (r.kind() != Kind.HEADER) {
        if (usable(r.estimate(), spec.scale())) {
          whisker(b, r, cy);
        } else if (r.note() != null) {
          text(b, plotX + 6, ty, r.note(), "start", "italic", SMALL, "note");
        }
      }
      b.append("</g>\n");
    }

    void whisker(StringBuilder b, Row r, double cy) {
      boolean loOut = !usable(r.lower(), spec.scale()) || r.lower() < axis.min();
      boolean hiOut = !usable(r.upper(), spec.scale()) || r.upper() > axis.max();
      double x1 = loOut ? plotX : xOf(r.lower());
      double x2 = hiOut ? plotX + plotW : xOf(r.upper());
      if (Double.isNaN(r.lower()) && Double.isNaN(r.upper())) {
        x1 = x2 = xOf(clamp(r.estimate()));
        loOut = hiOut = false;
      }
      line(b, x1, cy, x2, cy, "#000000", 1.3, "ci");
      if (loOut && !Double.isNaN(r.lower())) {
        arrow(b, plotX, cy, -1);
      }
      if (hiOut && !Double.isNaN(r.upper())) {
        arrow(b, plotX + plotW, cy, 1);
      }
      double x = xOf(clamp(r.estimate()));
      if (r.kind() == Kind.OVERALL) {
        double h = 7;
        b.append("<polygon class=\"estimate\" points=\"")
            .append(f(x - h * 1.4))
            .append(',')
            .append(f(cy))
            .append(' ')
            .append(f(x))
            .append(',')
            .append(f(cy - h))
            .append(' ')
            .append(f(x + h * 1.4))
            .append(',')
            .append(f(cy))
            .append(' ')
            .append(f(x))
            .append(',')
            .append(f(cy + h))
            .append("\" fill=\"#000000\"/>\n");
      } else {
        double s =
            maxWeight > 0 && r.weight() > 0
                ? Math.max(MIN_SQUARE, MAX_SQUARE * Math.sqrt(r.weight() / maxWeight))
                : MIN_SQUARE;
        b.append("<rect class=\"estimate\" x=\"")
            .append(f(x - s / 2))
            .append("\" y=\"")
            .append(f(cy - s / 2))
            .append("\" width=\"")
            .append(f(s))
            .append("\" height=\"")
            .append(f(s))
            .append("\" fill=\"#1f3b73\"/>\n");
      }
    }

    double clamp(double v) {
      return Math.max(axis.min(), Math.min(axis.max(), v));
    }

    void arrow(StringBuilder b, double x, double cy, int dir) {
      double w = 7 * dir;
      b.append("<polygon class=\"arrow\" points=\"")
          .append(f(x))
          .append(',')
          .append(f(cy))
          .append(' ')
          .append(f(x - w))
          .append(',')
          .append(f(cy - 4))
          .append(' ')
          .append(f(x - w))
          .append(',')
          .append(f(cy + 4))
          .append("\" fill=\"#000000\"/>\n");
    }

    void axisBlock(StringBuilder b) {
      double ay = rowsBottom;
      line(b, plotX, ay, plotX + plotW, ay, "#000000", 1, "axis");
      double lastRight = Double.NEGATIVE_INFINITY;
      for (double t : axis.ticks()) {
        double x = xOf(t);
        line(b, x, ay, x, ay + 5, "#000000", 1, "tick");
        String lab = tickLabel(t);
        double w = textWidth(lab, SMALL, false);
        if (x - w / 2 > lastRight + 4) {
          text(b, x, ay + 18, lab, "middle", null, SMALL, "tick-label");
          lastRight = x + w / 2;
        }
      }
      if (spec.axisLabel() != null) {
        text(b, plotX + plotW / 2, ay + 34, spec.axisLabel(), "middle", null, SMALL, "axis-label");
      }
      double rx = xOf(axis.reference());
      double fy = ay + 52;
      if (spec.favoursLeft() != null) {
        text(b, rx - 6, fy, "\u2190 " + spec.favoursLeft(), "end", null, SMALL, "favours");
      }
      if (spec.favoursRight() != null) {
        text(b, rx + 6, fy, spec.favoursRight() + " \u2192", "start", null, SMALL, "favours");
      }
    }

    void line(
        StringBuilder b,
        double x1,
        double y1,
        double x2,
        double y2,
        String color,
        double w,
        String cls) {
      b.append("<line");
      if (cls != null) {
        b.append(" class=\"").append(cls).append('"');
      }
      b.append(" x1=\"")
          .append(f(x1))
          .append("\" y1=\"")
          .append(f(y1))
          .append("\" x2=\"")
          .append(f(x2))
          .append("\" y2=\"")
          .append(f(y2))
          .append("\" stroke=\"")
          .append(color)
          .append("\" stroke-width=\"")
          .append(f(w))
          .append("\"/>\n");
    }

    void text(
        StringBuilder b,
        double x,
        double y,
        String s,
        String anchor,
        String style,
        double size,
        String cls) {
      if (s == null) {
        return;
      }
      b.append("<text");
      if (cls != null) {
        b.append(" class=\"").append(cls).append('"');
      }
      b.append(" x=\"").append(f(x)).append("\" y=\"").append(f(y)).append('"');
      if (!"start".equals(anchor)) {
        b.append(" text-anchor=\"").append(anchor).append('"');
      }
      if (size != FONT) {
        b.append(" font-size=\"").append(f(size)).append('"');
      }
      if ("bold".equals(style)) {
        b.append(" font-weight=\"bold\"");
      } else if ("italic".equals(style)) {
        // A white halo keeps the note readable where it crosses the reference line.
        b.append(
            " font-style=\"italic\" fill=\"#444444\" stroke=\"#ffffff\" stroke-width=\"3\""
                + " paint-order=\"stroke\"");
      }
      b.append('>').append(esc(s)).append("</text>\n");
    }
  }
}

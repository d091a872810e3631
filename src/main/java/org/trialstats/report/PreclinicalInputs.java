package org.trialstats.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trialstats.io.Columns;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.preclinical.FourParameterLogistic;
import org.trialstats.preclinical.PAdjust;
import org.trialstats.preclinical.TumourGrowth;

/**
 * Table-to-analysis glue of the preclinical analyses, shared by the {@code tgi} and {@code ic50}
 * commands and the report's preclinical section: checks a {@link DataTable} (every problem an
 * {@link InputException} naming file, row and column), turns it into the arrays of the io-free core
 * ({@link TumourGrowth}, {@link FourParameterLogistic}) and runs it. Messages name the CLI options
 * ({@code --log-floor}, {@code --compare} ...), the report spec keys mirror them.
 */
public final class PreclinicalInputs {
  private PreclinicalInputs() {}

  /**
   * Column names and analysis settings of a tumour growth analysis (the {@code tgi} command's
   * options; the report builder fills one from its spec). {@code lengthCol}/{@code widthCol} (both
   * or neither) replace {@code volumeCol}; null {@code control} means the first group in the file;
   * null {@code day}, {@code baselineDay}, {@code logFloor}, {@code crThreshold} mean the defaults.
   */
  public record TgiSettings(
      String animalCol,
      String groupCol,
      String dayCol,
      String volumeCol,
      String lengthCol,
      String widthCol,
      String control,
      Double day,
      Double baselineDay,
      Double logFloor,
      Double crThreshold,
      PAdjust adjust,
      double level,
      List<String> compare,
      boolean allPairs) {

    /** Settings without extra pairwise comparisons. */
    public TgiSettings(
        String animalCol,
        String groupCol,
        String dayCol,
        String volumeCol,
        String lengthCol,
        String widthCol,
        String control,
        Double day,
        Double baselineDay,
        Double logFloor,
        Double crThreshold,
        PAdjust adjust,
        double level) {
      this(
          animalCol,
          groupCol,
          dayCol,
          volumeCol,
          lengthCol,
          widthCol,
          control,
          day,
          baselineDay,
          logFloor,
          crThreshold,
          adjust,
          level,
          List.of(),
          false);
    }

    /** The columns the analysis reads. */
    public Set<String> columns() {
      Set<String> need = new LinkedHashSet<>(List.of(animalCol, groupCol, dayCol));
      if (lengthCol != null || widthCol != null) {
        need.add(String.valueOf(lengthCol));
        need.add(String.valueOf(widthCol));
      } else {
        need.add(volumeCol);
      }
      return need;
    }
  }

  /** A checked and computed analysis with the heading lines that state its conventions. */
  public record TgiAnalysis(TumourGrowth.Result result, List<String> heading) {}

  /**
   * Checks the table (every problem an {@link InputException} naming file, row and column) and runs
   * the analysis.
   */
  public static TgiAnalysis tgi(DataTable t, TgiSettings s) {
    boolean lw = s.lengthCol() != null || s.widthCol() != null;
    if (lw && (s.lengthCol() == null || s.widthCol() == null)) {
      throw new InputException("--length and --width go together (volume = length * width^2 / 2)");
    }
    checkPositive("--log-floor", s.logFloor());
    checkPositive("--cr-threshold", s.crThreshold());
    String animalCol = s.animalCol();
    String groupCol = s.groupCol();
    String dayCol = s.dayCol();
    String lengthCol = s.lengthCol();
    String widthCol = s.widthCol();
    String volumeCol = s.volumeCol();
    Double day = s.day();
    Double logFloor = s.logFloor();
    Double crThreshold = s.crThreshold();
    PAdjust adj = s.adjust();
    String[] animal = Columns.labels(t, animalCol, "an animal id");
    String[] group = Columns.labels(t, groupCol, "a group label");
    double[] days = Columns.numbers(t, dayCol, "a study day");
    double[] vol;
    if (lw) {
      double[] len = nonNegative(t, lengthCol, "a non-negative length");
      double[] wid = nonNegative(t, widthCol, "a non-negative width");
      vol = new double[len.length];
      for (int i = 0; i < vol.length; i++) {
        vol[i] = len[i] * wid[i] * wid[i] / 2;
      }
    } else {
      vol = nonNegative(t, volumeCol, "a non-negative tumour volume (mm3)");
    }
    List<String> levels = t.levels(groupCol);
    if (levels.size() < 2) {
      throw new InputException(
          String.format(
              "%s: column %s has %d level (%s); a control and at least one treated group are"
                  + " needed",
              t.source(), groupCol, levels.size(), String.join(", ", levels)));
    }
    String ctl = s.control() == null ? levels.get(0) : s.control();
    if (!levels.contains(ctl)) {
      throw new InputException(
          String.format(
              "--control %s: no such group in column %s; the groups are: %s",
              ctl, groupCol, String.join(", ", levels)));
    }
    TreeSet<Double> allDays = new TreeSet<>();
    Map<String, String> groupOf = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < animal.length; i++) {
      allDays.add(days[i]);
      String g = groupOf.putIfAbsent(animal[i], group[i]);
      if (g != null && !g.equals(group[i])) {
        throw Columns.bad(
            t, i, groupCol, "group " + g + " as on earlier rows of animal " + animal[i], group[i]);
      }
      Integer prev = seen.put(animal[i] + "\u0000" + days[i], i);
      if (prev != null) {
        throw Columns.bad(
            t,
            i,
            dayCol,
            "one measurement per animal and day (animal "
                + animal[i]
                + " already has day "
                + Cells.number(days[i])
                + " on row "
                + (prev + 1)
                + ")",
            t.column(dayCol)[i]);
      }
    }
    double base = s.baselineDay() == null ? allDays.first() : s.baselineDay();
    if (!allDays.contains(base)) {
      throw new InputException(
          "--baseline-day "
              + Cells.number(base)
              + ": no measurement on that"
              + " day; the days are: "
              + daysList(allDays));
    }
    if (day != null && (!allDays.contains(day) || day <= base)) {
      throw new InputException(
          "--day "
              + Cells.number(day)
              + ": expected a measured day after"
              + " the baseline day "
              + Cells.number(base)
              + "; the days are: "
              + daysList(allDays));
    }
    Map<String, Integer> firstRow = new HashMap<>();
    for (int i = 0; i < animal.length; i++) {
      firstRow.putIfAbsent(animal[i], i);
      if (days[i] == base && !(vol[i] > 0)) {
        throw Columns.bad(
            t,
            i,
            lw ? widthCol : volumeCol,
            "a positive baseline volume (relative volumes divide by it)",
            t.column(lw ? widthCol : volumeCol)[i]);
      }
    }
    for (Map.Entry<String, Integer> e : firstRow.entrySet()) {
      if (!seen.containsKey(e.getKey() + "\u0000" + base)) {
        int i = e.getValue();
        throw Columns.bad(
            t,
            i,
            animalCol,
            "an animal measured on the baseline day "
                + Cells.number(base)
                + " (or set --baseline-day)",
            animal[i]);
      }
    }
    TumourGrowth.Options o =
        new TumourGrowth.Options(
            ctl,
            day == null ? Double.NaN : day,
            base,
            logFloor == null ? Double.NaN : logFloor,
            crThreshold == null ? Double.NaN : crThreshold,
            adj,
            s.level());
    List<TumourGrowth.Pair> extra = pairs(s, levels, ctl, groupCol);
    TumourGrowth.Result r = TumourGrowth.analyse(animal, group, days, vol, o, extra);
    if (r.day() <= base) {
      throw new InputException(
          "no day after baseline on which every control animal is measured;"
              + " choose one with --day");
    }
    List<String> heading = new ArrayList<>();
    heading.add("Tumour growth inhibition: " + t.source());
    heading.add(
        String.format(
            Locale.ROOT,
            "control %s; baseline day %s; analysis day %s%s; volume %s",
            ctl,
            Cells.number(base),
            Cells.number(r.day()),
            r.defaultDay() ? " (last day with every control animal)" : "",
            lw
                ? "= length * width^2 / 2 from " + lengthCol + ", " + widthCol
                : "from " + volumeCol));
    heading.add(
        "TGI = 1 - dT/dC (mean change from baseline); T/C = ratio of mean volumes;"
            + " p-values adjusted by "
            + adj.label()
            + (s.allPairs() || (s.compare() != null && !s.compare().isEmpty())
                ? " across all comparisons per test"
                : " across treated groups per test")
            + (logFloor == null ? "" : "; log floor " + Cells.number(logFloor) + " mm3"));
    if (!extra.isEmpty()) {
      heading.add(
          "Also compared (A - B, adjusted together with the comparisons with control): "
              + String.join(
                  ", ", extra.stream().map(p -> p.group() + " vs " + p.reference()).toList()));
    }
    return new TgiAnalysis(r, heading);
  }

  /**
   * The extra pairs: every {@code A:B} of {@code --compare} (split at the colon that leaves two
   * group labels) and, with {@code --pairs all}, each treated group against every earlier treated
   * group. A pair with itself, with control (already compared) or twice is an input error.
   */
  static List<TumourGrowth.Pair> pairs(
      TgiSettings s, List<String> levels, String ctl, String groupCol) {
    List<TumourGrowth.Pair> out = new ArrayList<>();
    Set<String> done = new java.util.HashSet<>();
    List<String> treated = levels.stream().filter(l -> !l.equals(ctl)).toList();
    if (s.allPairs()) {
      for (int j = 0; j < treated.size(); j++) {
        for (int i = 0; i < j; i++) {
          out.add(new TumourGrowth.Pair(treated.get(j), treated.get(i)));
          done.add(treated.get(i) + "\u0000" + treated.get(j));
        }
      }
    }
    for (String spec : s.compare() == null ? List.<String>of() : s.compare()) {
      TumourGrowth.Pair p = null;
      for (int k = spec.indexOf(':'); k >= 0 && p == null; k = spec.indexOf(':', k + 1)) {
        String a = spec.substring(0, k);
        String b = spec.substring(k + 1);
        if (levels.contains(a) && levels.contains(b)) {
          p = new TumourGrowth.Pair(a, b);
        }
      }
      if (p == null) {
        throw new InputException(
            String.format(
                "--compare %s: expected A:B with two groups of column %s; the groups are: %s",
                spec, groupCol, String.join(", ", levels)));
      }
      if (p.group().equals(p.reference())) {
        throw new InputException(
            "--compare " + spec + ": expected two different groups, found the same twice");
      }
      if (p.group().equals(ctl) || p.reference().equals(ctl)) {
        throw new InputException(
            "--compare "
                + spec
                + ": every treated group is already compared with control "
                + ctl
                + "; name two treated groups");
      }
      String a = p.group();
      String b = p.reference();
      String key = treated.indexOf(a) < treated.indexOf(b) ? a + "\u0000" + b : b + "\u0000" + a;
      if (!done.add(key)) {
        throw new InputException(
            "--compare " + spec + ": this pair is already compared (once per pair)");
      }
      out.add(p);
    }
    return out;
  }

  private static String daysList(TreeSet<Double> d) {
    return String.join(", ", d.stream().map(Cells::number).toList());
  }

  private static void checkPositive(String opt, Double v) {
    if (v != null && !(v > 0 && Double.isFinite(v))) {
      throw new InputException(opt + ": expected a positive volume, found " + v);
    }
  }

  private static double[] nonNegative(DataTable t, String col, String expected) {
    double[] x = Columns.numbers(t, col, expected);
    for (int i = 0; i < x.length; i++) {
      if (x[i] < 0) {
        throw Columns.bad(t, i, col, expected, t.column(col)[i]);
      }
    }
    return x;
  }

  private static void checkFixed(Double bottom, Double top) {
    if ((bottom != null && !Double.isFinite(bottom)) || (top != null && !Double.isFinite(top))) {
      throw new InputException("--bottom/--top: expected finite numbers");
    }
  }

  /**
   * Checks the table and fits one curve per level of {@code byCol} (one curve, labelled {@code
   * ALL}, when null). Bad input is an {@link InputException} naming file, row and column; a curve
   * that cannot be fitted comes back unconverged with a note. Used by the {@code ic50} command and
   * the report builder (each series feeds {@link PreclinicalRows#ic50} and {@link
   * DoseResponsePlot}).
   *
   * @param bottom fixed bottom plateau, null to estimate it
   * @param top fixed top plateau, null to estimate it
   */
  public static List<DoseResponsePlot.Series> ic50(
      DataTable t,
      String concCol,
      String responseCol,
      String byCol,
      Double bottom,
      Double top,
      double level) {
    checkFixed(bottom, top);
    double fb = bottom == null ? Double.NaN : bottom;
    double ft = top == null ? Double.NaN : top;
    int p = FourParameterLogistic.freeParameters(fb, ft);
    double[] conc = Columns.numbers(t, concCol, "a positive concentration");
    for (int i = 0; i < conc.length; i++) {
      if (!(conc[i] > 0)) {
        throw Columns.bad(
            t,
            i,
            concCol,
            "a positive concentration (the curve is fitted on"
                + " log10 concentration; leave vehicle wells at 0 out, e.g. with --where)",
            t.column(concCol)[i]);
      }
    }
    double[] y = Columns.numbers(t, responseCol, "a numeric response");
    String[] by = byCol == null ? null : Columns.labels(t, byCol, "a group label");
    List<String> levels = byCol == null ? List.of("ALL") : t.levels(byCol);
    List<DoseResponsePlot.Series> series = new ArrayList<>();
    for (String lv : levels) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < conc.length; i++) {
        if (by == null || by[i].equals(lv)) {
          idx.add(i);
        }
      }
      double[] c = idx.stream().mapToDouble(i -> conc[i]).toArray();
      double[] r = idx.stream().mapToDouble(i -> y[i]).toArray();
      String where = byCol == null ? t.source() : t.source() + ", " + byCol + "=" + lv;
      if (c.length <= p) {
        throw new InputException(
            String.format(
                "%s: %d points for %d free parameters; at least" + " %d are needed",
                where, c.length, p, p + 1));
      }
      Set<Double> distinct = new HashSet<>();
      for (double v : c) {
        distinct.add(v);
      }
      if (distinct.size() < p) {
        throw new InputException(
            String.format(
                "%s: %d distinct concentrations for %d free"
                    + " parameters; at least %d are needed",
                where, distinct.size(), p, p));
      }
      boolean flat = true;
      for (double v : r) {
        flat &= v == r[0];
      }
      if (flat) {
        throw new InputException(
            String.format(
                "%s: IC50 not estimable: the response is flat" + " (every value is %s)",
                where, Cells.number(r[0])));
      }
      FourParameterLogistic.Fit f = FourParameterLogistic.fit(c, r, fb, ft, level);
      series.add(new DoseResponsePlot.Series(lv, c, r, f));
    }
    return series;
  }
}

package org.trialstats.preclinical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.trialstats.response.BinomialInterval;
import org.trialstats.response.BinomialMethod;

/**
 * Xenograft tumour growth analysis of long-format volumes (one row per animal and day).
 *
 * <ul>
 *   <li>Per group and day: n, mean, SD, SEM = SD/√n, median of the volumes measured that day.
 *   <li>At the analysis day d (default: the last day on which every control animal with a baseline
 *       is measured), over the animals measured at baseline and at d: ΔT = mean(V_d − V_0), TGI = 1
 *       − ΔT/ΔC, T/C = mean(V_d,T)/mean(V_d,C); relative tumour volume RTV = V_d/V_0 per animal;
 *       regressions (complete: V_d ≤ 0 or below the CR threshold; partial: V_d &lt; V_0 and not
 *       complete) with Clopper–Pearson intervals ({@link BinomialInterval}). Definitions follow
 *       e.g. Hather et al. (2014) Cancer Informatics 13(S4):65–72 and the NCI "T/C" convention.
 *   <li>Versus control: Welch t on log RTV, Wilcoxon rank-sum on RTV (the same ranks as log RTV),
 *       and Welch t on per-animal log-linear growth rates (least-squares slope of log volume on day
 *       over days V_0..d); p-values adjusted across the treated groups per test (R {@code
 *       p.adjust}); optionally extra pairs of groups (e.g. combination vs single agent), adjusted
 *       together with the comparisons with control.
 * </ul>
 *
 * Logs of volumes ≤ 0 are undefined: with a log floor f the volume max(V, f) is logged instead;
 * without one, analyses that would need such a log are reported as not estimable with a note.
 */
public final class TumourGrowth {
  private TumourGrowth() {}

  /**
   * Analysis settings.
   *
   * @param control the control group label
   * @param day the analysis day, NaN for the default (last day with every control animal)
   * @param baselineDay the baseline day, NaN for the earliest day in the data
   * @param logFloor volumes below this are raised to it before taking logs; NaN for none
   * @param crThreshold complete regression when the volume is below this; NaN: only volume ≤ 0
   * @param adjust multiplicity adjustment across treated groups
   * @param level confidence level
   */
  public record Options(
      String control,
      double day,
      double baselineDay,
      double logFloor,
      double crThreshold,
      PAdjust adjust,
      double level) {}

  /** Volume summary of one group on one day. */
  public record DaySummary(
      String group, double day, int n, double mean, double sd, double sem, double median) {}

  /** A count with its proportion and Clopper–Pearson interval. */
  public record Proportion(int events, int n, double estimate, double confLow, double confHigh) {}

  /**
   * One animal: baseline and analysis-day volume (NaN when not measured at the analysis day), RTV,
   * log RTV (NaN when undefined), growth rate (log-linear slope per day; NaN when fewer than two
   * days or a log is undefined) and the number of measurements the slope used.
   */
  public record Animal(
      String animal,
      String group,
      double baseline,
      double volume,
      double rtv,
      double logRtv,
      double slope,
      int slopePoints) {}

  /**
   * One group at the analysis day. {@code tgi} and {@code tOverC} are NaN for the control group.
   * {@code growthRate} is the mean per-animal slope with a one-sample t interval (null when fewer
   * than two slopes or not estimable; {@code note} says why).
   */
  public record GroupResult(
      String group,
      boolean control,
      int n,
      double meanVolume,
      double deltaMean,
      double rtvMean,
      double tgi,
      double tOverC,
      Proportion partial,
      Proportion complete,
      TTests.Result growthRate,
      int nSlopes,
      String note) {}

  /**
   * A treated group versus control. {@code term}: {@code log_rtv}, {@code rtv} or {@code
   * growth_rate}; {@code method}: {@code welch-t}, {@code wilcoxon-exact}, {@code
   * wilcoxon-normal-cc}, {@code welch-t/log-linear-slope}. Estimates are differences treated −
   * control (NaN for the rank-sum test). {@code pAdjusted} is the adjusted p-value within the
   * family of the same term.
   */
  public record Comparison(
      String group,
      String control,
      String term,
      String method,
      double estimate,
      double confLow,
      double confHigh,
      double statistic,
      double df,
      double pValue,
      double pAdjusted,
      int n,
      String note) {

    /** A comparison that could not be estimated: every number empty, {@code why} in the note. */
    static Comparison notEstimable(
        String group, String control, String term, String method, int n, String why) {
      double nan = Double.NaN;
      return new Comparison(
          group, control, term, method, nan, nan, nan, nan, nan, nan, nan, n, why);
    }
  }

  /**
   * An extra comparison between two groups (e.g. combination vs a single agent): {@code group}
   * minus {@code reference}, with the same tests as the comparisons with control, adjusted together
   * with them.
   */
  public record Pair(String group, String reference) {}

  /** The whole analysis. {@code groups} lists the labels in order of first appearance. */
  public record Result(
      double baselineDay,
      double day,
      boolean defaultDay,
      List<String> groupLabels,
      List<DaySummary> summaries,
      List<GroupResult> groups,
      List<Animal> animals,
      List<Comparison> comparisons,
      Options options) {

    /** The summaries of one group, in day order. */
    public List<DaySummary> summaries(String group) {
      return summaries.stream().filter(s -> s.group().equals(group)).toList();
    }
  }

  /**
   * Runs the analysis. Arrays are parallel, one entry per measurement. Each animal belongs to one
   * group, has at most one measurement per day and a positive volume at the baseline day.
   */
  public static Result analyse(
      String[] animal, String[] group, double[] day, double[] volume, Options o) {
    return analyse(animal, group, day, volume, o, List.of());
  }

  /**
   * As {@link #analyse(String[], String[], double[], double[], Options)}, with extra pairwise
   * comparisons after the comparisons with control; every comparison of one test (term) is in one
   * adjustment family. Each pair names two different groups of the data.
   */
  public static Result analyse(
      String[] animal, String[] group, double[] day, double[] volume, Options o, List<Pair> pairs) {
    int m = animal.length;
    if (group.length != m || day.length != m || volume.length != m || m == 0) {
      throw new IllegalArgumentException("parallel non-empty arrays expected");
    }
    List<String> labels = new ArrayList<>();
    Map<String, String> groupOf = new LinkedHashMap<>();
    Map<String, Map<Double, Double>> series = new LinkedHashMap<>();
    TreeSet<Double> days = new TreeSet<>();
    for (int i = 0; i < m; i++) {
      if (!labels.contains(group[i])) {
        labels.add(group[i]);
      }
      String prev = groupOf.putIfAbsent(animal[i], group[i]);
      if (prev != null && !prev.equals(group[i])) {
        throw new IllegalArgumentException("animal " + animal[i] + " in two groups");
      }
      if (series.computeIfAbsent(animal[i], k -> new HashMap<>()).put(day[i], volume[i]) != null) {
        throw new IllegalArgumentException("animal " + animal[i] + " twice on day " + day[i]);
      }
      days.add(day[i]);
    }
    if (!labels.contains(o.control())) {
      throw new IllegalArgumentException("no control group " + o.control());
    }
    double base = Double.isNaN(o.baselineDay()) ? days.first() : o.baselineDay();
    for (Map.Entry<String, Map<Double, Double>> e : series.entrySet()) {
      Double v0 = e.getValue().get(base);
      if (v0 == null || !(v0 > 0)) {
        throw new IllegalArgumentException(
            "animal " + e.getKey() + " has no positive volume on baseline day " + base);
      }
    }
    boolean defaultDay = Double.isNaN(o.day());
    double d = defaultDay ? defaultDay(series, groupOf, o.control(), days, base) : o.day();

    List<DaySummary> summaries = new ArrayList<>();
    for (String g : labels) {
      for (double t : days) {
        List<Double> v = new ArrayList<>();
        for (Map.Entry<String, Map<Double, Double>> e : series.entrySet()) {
          if (groupOf.get(e.getKey()).equals(g) && e.getValue().containsKey(t)) {
            v.add(e.getValue().get(t));
          }
        }
        if (!v.isEmpty()) {
          summaries.add(summary(g, t, v.stream().mapToDouble(Double::doubleValue).toArray()));
        }
      }
    }

    List<Animal> animals = new ArrayList<>();
    for (Map.Entry<String, Map<Double, Double>> e : series.entrySet()) {
      Map<Double, Double> s = e.getValue();
      double v0 = s.get(base);
      Double vd = s.get(d);
      double vol = vd == null ? Double.NaN : vd;
      double rtv = vol / v0;
      double lr = log(vol, o.logFloor()) - log(v0, o.logFloor());
      double[] sl = slope(s, base, d, o.logFloor());
      animals.add(
          new Animal(e.getKey(), groupOf.get(e.getKey()), v0, vol, rtv, lr, sl[0], (int) sl[1]));
    }

    GroupAcc ctrl = acc(animals, o.control(), o);
    List<GroupResult> groups = new ArrayList<>();
    Map<String, GroupAcc> accs = new HashMap<>();
    for (String g : labels) {
      GroupAcc a = g.equals(o.control()) ? ctrl : acc(animals, g, o);
      accs.put(g, a);
      groups.add(groupResult(g, a, ctrl, o));
    }

    List<Comparison> raw = new ArrayList<>();
    for (String g : labels) {
      if (!g.equals(o.control())) {
        raw.addAll(compare(g, accs.get(g), o.control(), ctrl, o));
      }
    }
    for (Pair p : pairs) {
      if (!accs.containsKey(p.group()) || !accs.containsKey(p.reference())) {
        throw new IllegalArgumentException("no group " + p.group() + " or " + p.reference());
      }
      if (p.group().equals(p.reference())) {
        throw new IllegalArgumentException("a group compared with itself: " + p.group());
      }
      raw.addAll(
          compare(p.group(), accs.get(p.group()), p.reference(), accs.get(p.reference()), o));
    }
    List<Comparison> comps = adjust(raw, o.adjust());
    return new Result(
        base, d, defaultDay, List.copyOf(labels), summaries, groups, animals, comps, o);
  }

  /** Last day on which every control animal is measured. */
  private static double defaultDay(
      Map<String, Map<Double, Double>> series,
      Map<String, String> groupOf,
      String control,
      TreeSet<Double> days,
      double base) {
    double best = base;
    for (double t : days) {
      if (t < base) {
        continue;
      }
      boolean all = true;
      for (Map.Entry<String, Map<Double, Double>> e : series.entrySet()) {
        if (groupOf.get(e.getKey()).equals(control) && !e.getValue().containsKey(t)) {
          all = false;
          break;
        }
      }
      if (all) {
        best = t;
      }
    }
    return best;
  }

  static DaySummary summary(String g, double t, double[] v) {
    int n = v.length;
    double mean = TTests.mean(v);
    double sd = n > 1 ? Math.sqrt(TTests.variance(v)) : Double.NaN;
    return new DaySummary(g, t, n, mean, sd, sd / Math.sqrt(n), median(v));
  }

  /** Median as R {@code median} (mean of the two middle values for even n). */
  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double log(double v, double floor) {
    if (!Double.isNaN(floor)) {
      return Math.log(Math.max(v, floor));
    }
    return v > 0 ? Math.log(v) : Double.NaN;
  }

  /** {slope, points}: least-squares slope of log volume on day over days base..d. */
  private static double[] slope(Map<Double, Double> s, double base, double d, double floor) {
    List<double[]> pts = new ArrayList<>();
    boolean undefined = false;
    for (Map.Entry<Double, Double> e : s.entrySet()) {
      if (e.getKey() >= base && e.getKey() <= d) {
        double y = log(e.getValue(), floor);
        undefined |= Double.isNaN(y);
        pts.add(new double[] {e.getKey(), y});
      }
    }
    if (pts.size() < 2 || undefined) {
      return new double[] {Double.NaN, pts.size()};
    }
    double[] t = pts.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
    double tm = TTests.mean(t);
    double ym = TTests.mean(y);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < t.length; i++) {
      sxy += (t[i] - tm) * (y[i] - ym);
      sxx += (t[i] - tm) * (t[i] - tm);
    }
    return new double[] {sxy / sxx, pts.size()};
  }

  /** The animals of one group measured at the analysis day, as arrays. */
  private record GroupAcc(
      double[] baseline,
      double[] volume,
      double[] rtv,
      double[] logRtv,
      boolean logUndefined,
      double[] slopes,
      boolean slopeUndefined) {
    int n() {
      return volume.length;
    }
  }

  private static GroupAcc acc(List<Animal> animals, String g, Options o) {
    List<Animal> at =
        animals.stream().filter(a -> a.group().equals(g) && !Double.isNaN(a.volume())).toList();
    double[] b = at.stream().mapToDouble(Animal::baseline).toArray();
    double[] v = at.stream().mapToDouble(Animal::volume).toArray();
    double[] r = at.stream().mapToDouble(Animal::rtv).toArray();
    double[] lr = at.stream().mapToDouble(Animal::logRtv).toArray();
    boolean lu = Arrays.stream(lr).anyMatch(Double::isNaN);
    List<Animal> all = animals.stream().filter(a -> a.group().equals(g)).toList();
    boolean su = all.stream().anyMatch(a -> Double.isNaN(a.slope()) && a.slopePoints() >= 2);
    double[] sl = all.stream().mapToDouble(Animal::slope).filter(x -> !Double.isNaN(x)).toArray();
    return new GroupAcc(b, v, r, lr, lu, sl, su);
  }

  private static GroupResult groupResult(String g, GroupAcc a, GroupAcc c, Options o) {
    int n = a.n();
    boolean isControl = g.equals(o.control());
    List<String> notes = new ArrayList<>();
    if (n == 0) {
      notes.add("no animal measured on the analysis day");
      return new GroupResult(
          g,
          isControl,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          null,
          null,
          null,
          0,
          String.join("; ", notes));
    }
    double meanV = TTests.mean(a.volume());
    double[] change = new double[n];
    int pr = 0;
    int cr = 0;
    for (int i = 0; i < n; i++) {
      change[i] = a.volume()[i] - a.baseline()[i];
      boolean complete =
          a.volume()[i] <= 0 || (!Double.isNaN(o.crThreshold()) && a.volume()[i] < o.crThreshold());
      if (complete) {
        cr++;
      } else if (a.volume()[i] < a.baseline()[i]) {
        pr++;
      }
    }
    double delta = TTests.mean(change);
    double tgi = Double.NaN;
    double tc = Double.NaN;
    if (!isControl && c.n() > 0) {
      double[] cc = new double[c.n()];
      for (int i = 0; i < cc.length; i++) {
        cc[i] = c.volume()[i] - c.baseline()[i];
      }
      tgi = 1 - delta / TTests.mean(cc);
      tc = meanV / TTests.mean(c.volume());
    }
    TTests.Result gr = null;
    if (a.slopeUndefined()) {
      notes.add("growth rate not estimable: a volume <= 0 has no log (set a log floor)");
    } else if (a.slopes().length >= 2) {
      gr = TTests.oneSample(a.slopes(), o.level());
    } else {
      notes.add("growth rate needs at least 2 animals with 2 or more measurements");
    }
    return new GroupResult(
        g,
        isControl,
        n,
        meanV,
        delta,
        TTests.mean(a.rtv()),
        tgi,
        tc,
        proportion(pr, n, o.level()),
        proportion(cr, n, o.level()),
        gr,
        a.slopes().length,
        notes.isEmpty() ? null : String.join("; ", notes));
  }

  private static Proportion proportion(int x, int n, double level) {
    BinomialInterval ci = BinomialInterval.compute(BinomialMethod.CLOPPER_PEARSON, x, n, level);
    return new Proportion(x, n, ci.estimate(), ci.lower(), ci.upper());
  }

  private static List<Comparison> compare(String g, GroupAcc t, String ctl, GroupAcc c, Options o) {
    List<Comparison> out = new ArrayList<>();
    int n = t.n() + c.n();
    double nan = Double.NaN;
    if (t.logUndefined() || c.logUndefined()) {
      out.add(
          Comparison.notEstimable(
              g,
              ctl,
              "log_rtv",
              "welch-t",
              n,
              "not estimable: a volume <= 0 has no log (set a log floor)"));
    } else if (t.n() < 2 || c.n() < 2) {
      out.add(
          Comparison.notEstimable(
              g, ctl, "log_rtv", "welch-t", n, "not estimable: fewer than 2 animals in a group"));
    } else {
      TTests.Result w = TTests.welch(t.logRtv(), c.logRtv(), o.level());
      out.add(
          new Comparison(
              g,
              ctl,
              "log_rtv",
              "welch-t",
              w.estimate(),
              w.confLow(),
              w.confHigh(),
              w.statistic(),
              w.df(),
              w.pValue(),
              nan,
              n,
              Double.isNaN(w.pValue()) ? "no variation" : null));
    }
    if (t.n() < 1 || c.n() < 1) {
      out.add(
          Comparison.notEstimable(
              g,
              ctl,
              "rtv",
              "wilcoxon-exact",
              n,
              "not estimable: a group has no animal on the analysis day"));
    } else {
      RankSumTest.Result r = RankSumTest.test(t.rtv(), c.rtv());
      out.add(
          new Comparison(
              g, ctl, "rtv", r.method(), nan, nan, nan, r.w(), nan, r.pValue(), nan, n, null));
    }
    String sm = "welch-t/log-linear-slope";
    int ns = t.slopes().length + c.slopes().length;
    if (t.slopeUndefined() || c.slopeUndefined()) {
      out.add(
          Comparison.notEstimable(
              g,
              ctl,
              "growth_rate",
              sm,
              ns,
              "not estimable: a volume <= 0 has no log (set a log floor)"));
    } else if (t.slopes().length < 2 || c.slopes().length < 2) {
      out.add(
          Comparison.notEstimable(
              g,
              ctl,
              "growth_rate",
              sm,
              ns,
              "not estimable: fewer than 2 growth rates in a group"));
    } else {
      TTests.Result w = TTests.welch(t.slopes(), c.slopes(), o.level());
      out.add(
          new Comparison(
              g,
              ctl,
              "growth_rate",
              sm,
              w.estimate(),
              w.confLow(),
              w.confHigh(),
              w.statistic(),
              w.df(),
              w.pValue(),
              nan,
              ns,
              Double.isNaN(w.pValue()) ? "no variation" : null));
    }
    return out;
  }

  /** Adds adjusted p-values within each term's family. */
  private static List<Comparison> adjust(List<Comparison> raw, PAdjust adj) {
    Map<String, List<Integer>> fam = new LinkedHashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      fam.computeIfAbsent(raw.get(i).term(), k -> new ArrayList<>()).add(i);
    }
    double[] padj = new double[raw.size()];
    for (List<Integer> idx : fam.values()) {
      double[] p = idx.stream().mapToDouble(i -> raw.get(i).pValue()).toArray();
      double[] a = adj.adjust(p);
      for (int k = 0; k < idx.size(); k++) {
        padj[idx.get(k)] = a[k];
      }
    }
    List<Comparison> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Comparison c = raw.get(i);
      out.add(
          new Comparison(
              c.group(),
              c.control(),
              c.term(),
              c.method(),
              c.estimate(),
              c.confLow(),
              c.confHigh(),
              c.statistic(),
              c.df(),
              c.pValue(),
              padj[i],
              c.n(),
              c.note()));
    }
    return out;
  }
}

package org.trialstats.survival;

import java.util.Arrays;

/**
 * A Kaplan–Meier (product-limit) curve with Greenwood variance and pointwise confidence limits,
 * computed in one pass over a {@link CountTable} block.
 *
 * <p>Rows are the distinct times at which the group has an event or a censoring (as R {@code
 * survfit}). {@code surv[i] = prod_{j <= i} (1 - d_j / n_j)}; {@code seLog[i] = sqrt(sum_{j <= i}
 * d_j / (n_j (n_j - d_j)))} is Greenwood's standard error of log S (R's {@code survfit$std.err});
 * it is +Infinity once the curve reaches 0 (n = d), where the limits are undefined (NaN) except
 * plain's, which R also leaves undefined. {@link #stdErr(int)} is the standard error of S itself
 * ({@code S * seLog}, R {@code summary.survfit} and SAS "Standard Error").
 *
 * <p>References: Kaplan &amp; Meier (1958) JASA 53:457; Greenwood (1926); R survival 3.5-3 {@code
 * survfit.formula}; SAS/STAT LIFETEST "Breslow, Fleming-Harrington, and Kaplan-Meier Methods".
 */
public final class KaplanMeier {
  private final double[] time;
  private final int[] nRisk;
  private final int[] nEvent;
  private final int[] nCensor;
  private final double[] surv;
  private final double[] seLog;
  private final double[] lower;
  private final double[] upper;
  private final ConfType confType;
  private final double confLevel;
  private final int n;
  private final int events;

  private KaplanMeier(
      double[] time,
      int[] nRisk,
      int[] nEvent,
      int[] nCensor,
      double[] surv,
      double[] seLog,
      ConfType confType,
      double confLevel) {
    this.time = time;
    this.nRisk = nRisk;
    this.nEvent = nEvent;
    this.nCensor = nCensor;
    this.surv = surv;
    this.seLog = seLog;
    this.confType = confType;
    this.confLevel = confLevel;
    double z = Normal.quantile(1 - (1 - confLevel) / 2);
    int m = time.length;
    lower = new double[m];
    upper = new double[m];
    int e = 0;
    for (int i = 0; i < m; i++) {
      lower[i] = limit(surv[i], seLog[i], z, true);
      upper[i] = limit(surv[i], seLog[i], z, false);
      e += nEvent[i];
    }
    this.n = m == 0 ? 0 : nRisk[0];
    this.events = e;
  }

  private double limit(double s, double se, double z, boolean low) {
    if (Double.isInfinite(se)) {
      return Double.NaN;
    }
    return low ? confType.lower(s, se, z) : confType.upper(s, se, z);
  }

  /**
   * The curve of group {@code g} in stratum block {@code s} of the table.
   *
   * @param reverse true for the reverse Kaplan–Meier (censorings as events; used for median
   *     follow-up, as R {@code survfit(Surv(time, 1 - status) ~ 1)})
   */
  public static KaplanMeier fit(
      CountTable t, int s, int g, boolean reverse, ConfType confType, double confLevel) {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confLevel " + confLevel);
    }
    int from = t.start(s);
    int to = t.end(s);
    int m = 0;
    for (int r = from; r < to; r++) {
      if (t.events(r, g) + t.censored(r, g) > 0) {
        m++;
      }
    }
    double[] time = new double[m];
    int[] nr = new int[m];
    int[] ne = new int[m];
    int[] nc = new int[m];
    double[] sv = new double[m];
    double[] se = new double[m];
    double s0 = 1;
    double v = 0;
    int i = 0;
    for (int r = from; r < to; r++) {
      int d = reverse ? t.censored(r, g) : t.events(r, g);
      int c = reverse ? t.events(r, g) : t.censored(r, g);
      if (d + c == 0) {
        continue;
      }
      int nn = t.atRisk(r, g);
      if (d > 0) {
        s0 *= (double) (nn - d) / nn;
        v += nn == d ? Double.POSITIVE_INFINITY : (double) d / ((double) nn * (nn - d));
      }
      time[i] = t.time(r);
      nr[i] = nn;
      ne[i] = d;
      nc[i] = c;
      sv[i] = s0;
      se[i] = Math.sqrt(v);
      i++;
    }
    return new KaplanMeier(time, nr, ne, nc, sv, se, confType, confLevel);
  }

  /** Curve of single-block, single-group data (convenience for tests). */
  public static KaplanMeier fit(SurvivalData d, ConfType confType, double confLevel) {
    return fit(d.counts(false), 0, 0, false, confType, confLevel);
  }

  public int size() {
    return time.length;
  }

  public double time(int i) {
    return time[i];
  }

  public int nRisk(int i) {
    return nRisk[i];
  }

  public int nEvent(int i) {
    return nEvent[i];
  }

  public int nCensor(int i) {
    return nCensor[i];
  }

  public double surv(int i) {
    return surv[i];
  }

  /** Greenwood standard error of log S (R {@code survfit$std.err}). */
  public double seLog(int i) {
    return seLog[i];
  }

  /** Greenwood standard error of S (R {@code summary(fit)$std.err}, SAS "Standard Error"). */
  public double stdErr(int i) {
    return surv[i] * seLog[i]; // NaN once S = 0, as R (0 * Inf)
  }

  public double lower(int i) {
    return lower[i];
  }

  public double upper(int i) {
    return upper[i];
  }

  public ConfType confType() {
    return confType;
  }

  public double confLevel() {
    return confLevel;
  }

  /** Subjects in the curve. */
  public int n() {
    return n;
  }

  /** Events in the curve. */
  public int events() {
    return events;
  }

  /** Largest observed time (event or censoring); NaN for an empty curve. */
  public double lastTime() {
    return time.length == 0 ? Double.NaN : time[time.length - 1];
  }

  /** Index of the last row with time {@code <= t}, or -1 if t precedes the first row. */
  public int indexAt(double t) {
    int k = Arrays.binarySearch(time, t);
    return k >= 0 ? k : -k - 2;
  }

  /** Number at risk at time t: subjects with time {@code >= t}. */
  public int atRisk(double t) {
    int k = Arrays.binarySearch(time, t);
    int first = k >= 0 ? k : -k - 1;
    return first < time.length ? nRisk[first] : 0;
  }

  /**
   * Survival with limits at {@code t} ({@code {S, lower, upper, stdErr}}). Before the first time: S
   * = 1 with limits as the transform gives at S = 1 (se 0). After the last observed time: carried
   * forward when {@code extend} (R {@code summary(..., extend = TRUE)}), otherwise NaN (SAS: not
   * estimable beyond the largest observed time) unless the curve has reached 0, which SAS also
   * carries forward (CAMIS "R vs SAS - Kaplan Meier": with the last observation an event "R and SAS
   * will both give 0").
   */
  public double[] at(double t, boolean extend) {
    if (time.length == 0
        || (t > lastTime() && !extend && !(surv.length > 0 && surv[surv.length - 1] == 0))) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    int k = indexAt(t);
    if (k < 0) {
      return new double[] {1, 1, 1, 0};
    }
    return new double[] {surv[k], lower[k], upper[k], stdErr(k)};
  }
}

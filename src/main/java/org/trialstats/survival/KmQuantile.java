package org.trialstats.survival;

/**
 * Quantiles of a Kaplan–Meier curve (median = 0.5) with Brookmeyer–Crowley confidence limits under
 * the curve's transform, by the rules of R or SAS.
 *
 * <p><b>R</b> ({@code survival:::quantile.survfit} / {@code findq}, survival 3.5-3; also what
 * {@code print.survfit} shows): with F = 1 − S on the points (0, 0), (t_i, F_i) and duplicates of F
 * dropped, the p-quantile is the first time where F ≥ p; when F equals p within {@code tol =
 * sqrt(.Machine$double.eps)} on a flat segment it is the midpoint of that time and the next time F
 * changes, or of that time and the last observed time (event or censoring) when F stays at p to the
 * end. The confidence limits apply the same rule to the pointwise bands: lower limit from the lower
 * band, upper limit from the upper band ("intersecting the bands with the level"). A limit never
 * reached is empty.
 *
 * <p><b>SAS</b> (PROC LIFETEST, "Breslow, Fleming-Harrington, and Kaplan-Meier Methods"): the
 * quantile is the smallest event time with S &lt; 1 − p, or the midpoint (t_j + t_{j+1}) / 2 of
 * consecutive event times when S(t_j) = 1 − p exactly (here: within the same tolerance). When S
 * stays exactly at 1 − p after the last event the quantile is not estimated (R takes the midpoint
 * with the last censored time). The confidence interval is the set of event times t_j with |g(S_j)
 * − g(1 − p)| ≤ z·|g'(S_j)|·σ(S_j): its lower limit is the first such time, its upper limit the
 * next event time after the last such time, not estimable when that is the last event time (as
 * implemented by statsmodels {@code SurvfuncRight.quantile_ci}, which follows the SAS formulas).
 */
public final class KmQuantile {
  /** R's {@code sqrt(.Machine$double.eps)}. */
  public static final double TOL = Math.sqrt(Math.ulp(1.0));

  private KmQuantile() {}

  /** A quantile with limits; NaN = not estimable. */
  public record Estimate(double estimate, double lower, double upper) {
    /** A short note on what is missing, or null. */
    public String note() {
      if (Double.isNaN(estimate)) {
        return "not reached";
      }
      if (Double.isNaN(lower) && Double.isNaN(upper)) {
        return "confidence limits not estimable";
      }
      if (Double.isNaN(upper)) {
        return "upper limit not reached";
      }
      if (Double.isNaN(lower)) {
        return "lower limit not estimable";
      }
      return null;
    }
  }

  /**
   * The {@code prob} quantile (0.5 = median; 0.25 = first quartile, where S falls to 0.75).
   *
   * @param km the curve (its transform and level give the limits)
   */
  public static Estimate of(KaplanMeier km, double prob, Convention convention) {
    if (!(prob > 0 && prob < 1)) {
      throw new IllegalArgumentException("prob " + prob);
    }
    return convention == Convention.R ? r(km, prob) : sas(km, prob);
  }

  private static Estimate r(KaplanMeier km, double p) {
    int m = km.size();
    double[] x = new double[m + 1];
    double[] y = new double[m + 1];
    double[] yl = new double[m + 1];
    double[] yu = new double[m + 1];
    for (int i = 0; i < m; i++) {
      x[i + 1] = km.time(i);
      y[i + 1] = 1 - km.surv(i);
      yl[i + 1] = 1 - km.lower(i);
      yu[i + 1] = 1 - km.upper(i);
    }
    return new Estimate(findq(x, y, p), findq(x, yl, p), findq(x, yu, p));
  }

  /**
   * R {@code survival:::findq(x, y, p, tol)}: x times (first = start), y cumulative failure (NaN =
   * NA).
   */
  static double findq(double[] x, double[] y, double p) {
    int n0 = x.length;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    if (max < p) {
      return Double.NaN;
    }
    double xmax = x[n0 - 1];
    // drop duplicated y (first occurrence kept; NaN counts as a value, as R's duplicated());
    // O(n log n) by a stable sort of the values
    boolean[] dup = new boolean[n0];
    double[] key = new double[n0];
    for (int i = 0; i < n0; i++) {
      key[i] = Double.isNaN(y[i]) ? Double.POSITIVE_INFINITY : y[i];
    }
    int[] ord = Sorting.orderBy(key);
    for (int k = 1; k < n0; k++) {
      dup[ord[k]] = key[ord[k]] == key[ord[k - 1]];
    }
    double[] xx = new double[n0];
    double[] yy = new double[n0];
    int n = 0;
    for (int i = 0; i < n0; i++) {
      if (!dup[i]) {
        xx[n] = x[i];
        yy[n] = y[i];
        n++;
      }
    }
    int i1 = approxRight(yy, n, TOL, p);
    int i2 = approxRight(yy, n, -TOL, p);
    double q = (i1 < 0 || i2 < 0) ? Double.NaN : (xx[i1] + xx[i2]) / 2;
    if (!Double.isNaN(yy[n - 1]) && Math.abs(p - yy[n - 1]) < TOL) {
      q = i1 < 0 ? Double.NaN : (xx[i1] + xmax) / 2;
    }
    return q;
  }

  /**
   * R {@code approx(y + shift, 1:n, p, method = "constant", f = 1)$y} with NA pairs removed: the
   * index of the smallest knot {@code >= p}, or -1 when p lies outside the knots' range.
   */
  private static int approxRight(double[] y, int n, double shift, double p) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int best = -1;
    double bestKnot = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(y[i])) {
        continue;
      }
      double k = y[i] + shift;
      lo = Math.min(lo, k);
      hi = Math.max(hi, k);
      if (k >= p && k < bestKnot) {
        bestKnot = k;
        best = i;
      }
    }
    if (p < lo || p > hi) {
      return -1;
    }
    return best;
  }

  private static Estimate sas(KaplanMeier km, double p) {
    double level = 1 - p;
    int m = km.size();
    // event rows
    int[] ev = new int[m];
    int ne = 0;
    for (int i = 0; i < m; i++) {
      if (km.nEvent(i) > 0) {
        ev[ne++] = i;
      }
    }
    double est = Double.NaN;
    for (int j = 0; j < ne; j++) {
      double s = km.surv(ev[j]);
      if (s <= level + TOL) {
        if (Math.abs(s - level) <= TOL) {
          est = j + 1 < ne ? (km.time(ev[j]) + km.time(ev[j + 1])) / 2 : Double.NaN;
        } else {
          est = km.time(ev[j]);
        }
        break;
      }
    }
    double z = Normal.quantile(1 - (1 - km.confLevel()) / 2);
    int first = -1;
    int last = -1;
    for (int j = 0; j < ne; j++) {
      int i = ev[j];
      double st = km.confType().bcStatistic(km.surv(i), km.seLog(i), level);
      if (st <= z) {
        if (first < 0) {
          first = j;
        }
        last = j;
      }
    }
    double lo = first < 0 ? Double.NaN : km.time(ev[first]);
    double hi = last < 0 || last + 1 >= ne ? Double.NaN : km.time(ev[last + 1]);
    return new Estimate(est, lo, hi);
  }
}

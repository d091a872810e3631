package org.trialstats.subgroup;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Kaplan–Meier median with the Brookmeyer–Crowley (1982, Biometrics 38:29) confidence interval, as
 * R {@code quantile(survfit(...), 0.5)} (survival 3.5: {@code survfit_confint}, {@code doquant},
 * {@code findq}): the median is where {@code 1 - S(t)} reaches 0.5 (the midpoint of a flat segment
 * lying exactly at 0.5, tolerance {@code sqrt(eps)}); the limits are where {@code 1 - lower(t)} and
 * {@code 1 - upper(t)} reach 0.5, with the pointwise Greenwood band under the chosen transform.
 *
 * <p>Minimal per-level version written for the subgroup table because the shared Kaplan–Meier core
 * was not yet available; input times must already be merged for floating-point noise ({@code
 * SurvivalData} does R's timefix).
 */
public final class KmMedian {
  private KmMedian() {}

  /** Pointwise CI transforms of S(t). */
  public enum Transform {
    PLAIN("plain"),
    LOG("log"),
    LOG_LOG("log-log");

    private final String label;

    Transform(String label) {
      this.label = label;
    }

    /** The contract name. */
    public String label() {
      return label;
    }

    /** Parses plain, log or log-log. */
    public static Transform parse(String s) {
      String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (Transform v : values()) {
        if (v.label.equals(t)) {
          return v;
        }
      }
      throw new IllegalArgumentException("expected plain, log or log-log, found '" + s + "'");
    }
  }

  /**
   * Median and limits; NaN when not reached.
   *
   * @param median the median
   * @param lower lower confidence limit
   * @param upper upper confidence limit
   */
  public record Result(double median, double lower, double upper) {}

  static final double TOL = Math.sqrt(Math.ulp(1.0));

  /** The median of {@code time}/{@code event} with a {@code confLevel} interval. */
  public static Result of(double[] time, boolean[] event, double confLevel, Transform tr) {
    int n = time.length;
    if (n == 0) {
      return new Result(Double.NaN, Double.NaN, Double.NaN);
    }
    Integer[] o = new Integer[n];
    for (int i = 0; i < n; i++) {
      o[i] = i;
    }
    Arrays.sort(o, (a, b) -> Double.compare(time[a], time[b]));
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confLevel) / 2);
    double[] x = new double[n + 1];
    double[] ys = new double[n + 1];
    double[] yl = new double[n + 1]; // 1 - lower band
    double[] yu = new double[n + 1]; // 1 - upper band
    int m = 1;
    double s = 1;
    double gw = 0;
    int atRisk = n;
    int i = 0;
    while (i < n) {
      double t = time[o[i]];
      int d = 0;
      int c = 0;
      while (i < n && time[o[i]] == t) {
        if (event[o[i]]) {
          d++;
        } else {
          c++;
        }
        i++;
      }
      if (d > 0) {
        s *= 1 - (double) d / atRisk;
        gw +=
            d == atRisk ? Double.POSITIVE_INFINITY : (double) d / ((double) atRisk * (atRisk - d));
      }
      double se = Math.sqrt(gw);
      double[] band = band(s, se, z, tr);
      x[m] = t;
      ys[m] = 1 - s;
      yl[m] = 1 - band[0];
      yu[m] = 1 - band[1];
      m++;
      atRisk -= d + c;
    }
    x = Arrays.copyOf(x, m);
    double med = findq(x, Arrays.copyOf(ys, m), 0.5);
    // The lower band falls first, so 1 - lower reaches 0.5 first: it gives the lower limit.
    double lo = findq(x, Arrays.copyOf(yl, m), 0.5);
    double hi = findq(x, Arrays.copyOf(yu, m), 0.5);
    return new Result(med, lo, hi);
  }

  /** R {@code survfit_confint} (log-scale standard error): {lower, upper}, NaN where undefined. */
  static double[] band(double p, double se, double z, Transform tr) {
    switch (tr) {
      case PLAIN -> {
        double h = se * p * z;
        return new double[] {Math.max(p - h, 0), Math.min(p + h, 1)};
      }
      case LOG -> {
        if (p == 0) {
          return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {
          Math.exp(Math.log(p) - z * se), Math.min(Math.exp(Math.log(p) + z * se), 1)
        };
      }
      default -> {
        if (p == 0 || p == 1) {
          return new double[] {Double.NaN, Double.NaN};
        }
        double h = z * se / Math.log(p);
        double ll = Math.log(-Math.log(p));
        return new double[] {Math.exp(-Math.exp(ll - h)), Math.exp(-Math.exp(ll + h))};
      }
    }
  }

  /**
   * R {@code survival:::findq}: {@code x = (0, times)}, {@code y = (0, 1 - curve)} nondecreasing
   * (NaN where the band is undefined); the x at which y reaches p, the midpoint of a flat segment
   * exactly at p.
   */
  static double findq(double[] x, double[] y, double p) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    if (max < p) {
      return Double.NaN;
    }
    double xmax = x[x.length - 1];
    // Drop duplicated y values (R duplicated(): NaN equals NaN), keeping first occurrences.
    double[] xx = new double[x.length];
    double[] yy = new double[y.length];
    int n = 0;
    for (int i = 0; i < y.length; i++) {
      boolean dup = false;
      for (int j = 0; j < n; j++) {
        if (Double.compare(yy[j], y[i]) == 0) {
          dup = true;
          break;
        }
      }
      if (!dup) {
        xx[n] = x[i];
        yy[n] = y[i];
        n++;
      }
    }
    int i1 = firstAtLeast(yy, n, p, TOL);
    int i2 = firstAtLeast(yy, n, p, -TOL);
    double q = i1 < 0 || i2 < 0 ? Double.NaN : (xx[i1] + xx[i2]) / 2;
    if (!Double.isNaN(yy[n - 1]) && Math.abs(p - yy[n - 1]) < TOL && i1 >= 0) {
      q = (xx[i1] + xmax) / 2;
    }
    return q;
  }

  /**
   * R {@code approx(y + shift, 1:n, p, method = "constant", f = 1)}: the first non-NaN index whose
   * {@code y + shift >= p}; -1 beyond the last (approx's rule 1 gives NA).
   */
  private static int firstAtLeast(double[] y, int n, double p, double shift) {
    for (int j = 0; j < n; j++) {
      if (!Double.isNaN(y[j]) && y[j] + shift >= p) {
        return j;
      }
    }
    return -1;
  }
}

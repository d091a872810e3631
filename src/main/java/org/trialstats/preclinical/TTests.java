package org.trialstats.preclinical;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student t procedures as in R {@code stats::t.test}: the one-sample interval for a mean and the
 * Welch two-sample test (unequal variances, Welch–Satterthwaite df), two-sided.
 */
public final class TTests {
  private TTests() {}

  /**
   * A t result: {@code estimate} is the mean (one sample) or the difference of means x − y (two
   * samples), with its two-sided confidence interval, t statistic, df and two-sided p-value.
   */
  public record Result(
      double estimate,
      double confLow,
      double confHigh,
      double statistic,
      double df,
      double pValue,
      double stdError) {}

  /** Mean of {@code x}. */
  public static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    double m = s / x.length;
    double c = 0; // one correction pass, as R's mean()
    for (double v : x) {
      c += v - m;
    }
    return m + c / x.length;
  }

  /** Sample variance (n − 1 denominator) of {@code x}. */
  public static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  /**
   * One-sample t interval and test of mean = 0 (R {@code t.test(x)}). Needs n ≥ 2; a zero variance
   * gives NaN for the interval and test.
   */
  public static Result oneSample(double[] x, double level) {
    if (x.length < 2) {
      throw new IllegalArgumentException("one-sample t needs at least 2 values");
    }
    double m = mean(x);
    double se = Math.sqrt(variance(x) / x.length);
    double df = x.length - 1;
    return finish(m, se, df, level, Math.abs(m));
  }

  /**
   * Welch two-sample t-test of x versus y (R {@code t.test(x, y)}, {@code var.equal = FALSE}):
   * estimate mean(x) − mean(y), se = sqrt(vx/nx + vy/ny), df = se⁴ / ((vx/nx)²/(nx−1) +
   * (vy/ny)²/(ny−1)). Welch, B. L. (1947) Biometrika 34:28–35.
   */
  public static Result welch(double[] x, double[] y, double level) {
    if (x.length < 2 || y.length < 2) {
      throw new IllegalArgumentException("Welch t needs at least 2 values in each sample");
    }
    double vx = variance(x) / x.length;
    double vy = variance(y) / y.length;
    double se = Math.sqrt(vx + vy);
    double df = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
    double mx = mean(x);
    double my = mean(y);
    return finish(mx - my, se, df, level, Math.max(Math.abs(mx), Math.abs(my)));
  }

  /**
   * As R, "data are essentially constant" (no test) when se &lt; 10·eps·scale, scale being the
   * largest absolute mean.
   */
  private static Result finish(double est, double se, double df, double level, double scale) {
    if (!(se >= 10 * Math.ulp(1.0) * scale) || !(se > 0) || !Double.isFinite(df)) {
      return new Result(est, Double.NaN, Double.NaN, Double.NaN, df, Double.NaN, se);
    }
    TDistribution t = TDistribution.of(df);
    double q = t.inverseSurvivalProbability((1 - level) / 2);
    double stat = est / se;
    double p = 2 * t.survivalProbability(Math.abs(stat));
    return new Result(est, est - q * se, est + q * se, stat, df, Math.min(1, p), se);
  }

  /** The two-sided t quantile t(1 − (1 − level)/2; df). */
  public static double quantile(double level, double df) {
    return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
  }
}

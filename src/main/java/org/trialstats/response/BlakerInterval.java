package org.trialstats.response;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Blaker's exact confidence interval for a binomial proportion (Blaker H. 2000, "Confidence curves
 * and improved exact confidence intervals for discrete distributions", Canadian Journal of
 * Statistics 28:783–798).
 *
 * <p>The acceptability of p for the observation x is {@code a(p) = P_p(T(X) <= T(x))} with {@code
 * T(j) = min(P_p(X <= j), P_p(X >= j))}; the interval holds the p with {@code a(p) > alpha}. It
 * lies inside the Clopper–Pearson interval. Ties in T are compared with a relative tolerance of
 * 1e-7 (as R's {@code binom.test} does for its two-sided p-value).
 *
 * <p>Computation: the lower limit is searched in [Clopper–Pearson lower, x/n] on a grid of 400
 * points; the first grid point accepted is refined by bisection against the last one rejected, to
 * about 1e-15. When the acceptability is not monotone the reported limit is the smallest accepted p
 * found on that grid (the confidence set's infimum, as Blaker defines the interval). The upper
 * limit follows by symmetry: {@code U(x, n) = 1 - L(n - x, n)}. Lower 0 at x = 0, upper 1 at x = n.
 */
public final class BlakerInterval {
  private BlakerInterval() {}

  private static final double REL_TOL = 1 + 1e-7;
  private static final int GRID = 400;

  /** {lower, upper} for {@code x} of {@code n} at {@code confLevel}. */
  static double[] limits(int x, int n, double confLevel) {
    double alpha = 1 - confLevel;
    double lo = x == 0 ? 0 : lower(x, n, alpha);
    double hi = x == n ? 1 : 1 - lower(n - x, n, alpha);
    return new double[] {lo, hi};
  }

  /**
   * Blaker's acceptability of {@code p} for {@code x} of {@code n}: the probability, under p, of an
   * outcome whose smaller tail probability is at most that of x.
   */
  public static double acceptability(int x, int n, double p) {
    BinomialDistribution d = BinomialDistribution.of(n, p);
    double t = Math.min(d.cumulativeProbability(x), tailGe(d, x)) * REL_TOL;
    // Largest jl with P(X <= jl) <= t (P(X <= j) increases with j); -1 if none.
    int a = -1;
    int b = n;
    while (b - a > 1) {
      int m = (a + b) >>> 1;
      if (d.cumulativeProbability(m) <= t) {
        a = m;
      } else {
        b = m;
      }
    }
    int jl = a;
    if (jl == n) {
      return 1;
    }
    // Smallest ju with P(X >= ju) <= t (P(X >= j) decreases with j); n + 1 if none.
    a = 0;
    b = n + 1;
    while (b - a > 1) {
      int m = (a + b) >>> 1;
      if (tailGe(d, m) <= t) {
        b = m;
      } else {
        a = m;
      }
    }
    if (tailGe(d, 0) <= t) {
      b = 0;
    }
    int ju = b;
    if (jl >= ju - 1) {
      return 1;
    }
    double s = (jl >= 0 ? d.cumulativeProbability(jl) : 0) + (ju <= n ? tailGe(d, ju) : 0);
    return Math.min(1, s);
  }

  private static double tailGe(BinomialDistribution d, int j) {
    return j <= 0 ? 1 : d.survivalProbability(j - 1);
  }

  private static double lower(int x, int n, double alpha) {
    double cp = BetaDistribution.of(x, n - x + 1).inverseCumulativeProbability(alpha / 2);
    double phat = (double) x / n;
    double prev = cp;
    if (acceptability(x, n, cp) > alpha) {
      return cp;
    }
    for (int k = 1; k <= GRID; k++) {
      double g = cp + (phat - cp) * k / GRID;
      if (acceptability(x, n, g) > alpha) {
        return Roots.boundary(q -> acceptability(x, n, q) > alpha, prev, g);
      }
      prev = g;
    }
    return phat;
  }
}

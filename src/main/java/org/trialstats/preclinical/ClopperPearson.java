package org.trialstats.preclinical;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Exact (Clopper–Pearson 1934) binomial interval for x of n: lower = Beta⁻¹(α/2; x, n−x+1) (0 when
 * x = 0), upper = Beta⁻¹(1−α/2; x+1, n−x) (1 when x = n); R {@code binom.test}. Kept here in one
 * small method because the response package's binomial intervals were not on a branch yet.
 */
public final class ClopperPearson {
  private ClopperPearson() {}

  /** {lower, upper} at the given confidence level. */
  public static double[] interval(int x, int n, double level) {
    if (n < 1 || x < 0 || x > n) {
      throw new IllegalArgumentException("need 0 <= x <= n, n >= 1");
    }
    double a = 1 - level;
    double lo = x == 0 ? 0 : BetaDistribution.of(x, n - x + 1).inverseCumulativeProbability(a / 2);
    double hi = x == n ? 1 : BetaDistribution.of(x + 1, n - x).inverseSurvivalProbability(a / 2);
    return new double[] {lo, hi};
  }
}

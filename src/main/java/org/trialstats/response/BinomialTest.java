package org.trialstats.response;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Exact binomial test of a single proportion against {@code p0}.
 *
 * <ul>
 *   <li>{@code pUpper}: one-sided test of H0: p &lt;= p0 against H1: p &gt; p0, the upper tail
 *       {@code P(X >= x | n, p0)} (R {@code binom.test(x, n, p0, alternative = "greater")}).
 *   <li>{@code pTwoSided}: R {@code binom.test}'s two-sided p-value: the total probability of the
 *       outcomes no more likely than x, {@code sum P(X = j)} over {@code P(X = j) <= P(X = x) (1 +
 *       1e-7)} (the "minimum likelihood" method), capped at 1.
 * </ul>
 *
 * @param x responders
 * @param n subjects
 * @param p0 null proportion in (0, 1)
 * @param pUpper one-sided p-value of H0: p &lt;= p0
 * @param pTwoSided two-sided p-value (R binom.test definition)
 */
public record BinomialTest(int x, int n, double p0, double pUpper, double pTwoSided) {

  /** The tests for {@code x} of {@code n} against {@code p0}. */
  public static BinomialTest compute(int x, int n, double p0) {
    BinomialInterval.check(x, n, 0.5);
    if (!(p0 > 0 && p0 < 1)) {
      throw new IllegalArgumentException("p0 must be in (0, 1), found " + p0);
    }
    BinomialDistribution d = BinomialDistribution.of(n, p0);
    double upper = x == 0 ? 1 : d.survivalProbability(x - 1);
    return new BinomialTest(x, n, p0, upper, twoSided(d, x, n, p0));
  }

  /** R {@code binom.test} two-sided p-value (stats/R/binom.test.R). */
  static double twoSided(BinomialDistribution dist, int x, int n, double p) {
    double relErr = 1 + 1e-7;
    double d = dist.probability(x);
    double m = n * p;
    double pv;
    if (x == m) {
      pv = 1;
    } else if (x < m) {
      int y = 0;
      for (int i = (int) Math.ceil(m); i <= n; i++) {
        if (dist.probability(i) <= d * relErr) {
          y++;
        }
      }
      pv = dist.cumulativeProbability(x) + dist.survivalProbability(n - y);
    } else {
      int y = 0;
      for (int i = 0; i <= (int) Math.floor(m); i++) {
        if (dist.probability(i) <= d * relErr) {
          y++;
        }
      }
      pv = (y > 0 ? dist.cumulativeProbability(y - 1) : 0) + dist.survivalProbability(x - 1);
    }
    return Math.min(1, pv);
  }
}

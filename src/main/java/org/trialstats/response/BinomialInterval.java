package org.trialstats.response;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A two-sided confidence interval for a binomial proportion: {@code x} responders of {@code n}. All
 * limits are proportions in [0, 1]; {@code alpha = 1 - confLevel}, {@code z} the standard normal
 * {@code 1 - alpha/2} quantile.
 *
 * <ul>
 *   <li>{@code clopper-pearson}: Clopper &amp; Pearson (1934), Biometrika 26:404. Lower {@code
 *       BetaInv(alpha/2; x, n-x+1)}, upper {@code BetaInv(1-alpha/2; x+1, n-x)}; lower 0 at x = 0,
 *       upper 1 at x = n. Same as R {@code binom.test} and SAS PROC FREQ BINOMIAL (exact).
 *   <li>{@code wilson}: Wilson (1927), JASA 22:209; Newcombe (1998) Stat Med 17:857, method 3.
 *       {@code (x + z²/2)/(n + z²) ± z sqrt(n)/(n + z²) sqrt(p(1-p) + z²/(4n))}. Same as R {@code
 *       prop.test(correct = FALSE)} and SAS {@code CL=WILSON}.
 *   <li>{@code wilson-cc}: Newcombe (1998) method 4, continuity-corrected score interval: {@code L
 *       = (2np + z² - 1 - z sqrt(z² - 2 - 1/n + 4p(n(1-p) + 1))) / (2(n + z²))}, {@code U = (2np +
 *       z² + 1 + z sqrt(z² + 2 - 1/n + 4p(n(1-p) - 1))) / (2(n + z²))}; L = 0 at x = 0, U = 1 at x
 *       = n. Same as SAS {@code CL=WILSON(CORRECT)}; R {@code prop.test(correct = TRUE)} agrees
 *       except that it shrinks the correction to {@code |x - n p0|} when that is below 1/2.
 *   <li>{@code jeffreys}: equal-tailed Bayesian interval under the Jeffreys Beta(1/2, 1/2) prior,
 *       {@code BetaInv(alpha/2; x+1/2, n-x+1/2)} and {@code BetaInv(1-alpha/2; x+1/2, n-x+1/2)},
 *       with lower 0 at x = 0 and upper 1 at x = n (Brown, Cai &amp; DasGupta 2001, Stat Sci
 *       16:101, section 4.1.2; SAS {@code CL=JEFFREYS}).
 *   <li>{@code agresti-coull}: Agresti &amp; Coull (1998), Am Stat 52:119. {@code ñ = n + z²},
 *       {@code p̃ = (x + z²/2)/ñ}, {@code p̃ ± z sqrt(p̃(1-p̃)/ñ)}, truncated to [0, 1] (SAS {@code
 *       CL=AGRESTICOULL}).
 *   <li>{@code wald}: {@code p ± z sqrt(p(1-p)/n)}, truncated to [0, 1] (SAS {@code CL=WALD});
 *       degenerate (zero width) at x = 0 and x = n.
 *   <li>{@code mid-p}: the limits p at which {@code P(X > x) + P(X = x)/2 = alpha/2} (lower) and
 *       {@code P(X < x) + P(X = x)/2 = alpha/2} (upper); lower 0 at x = 0, upper 1 at x = n
 *       (Lancaster 1961; Berry &amp; Armitage 1995, The Statistician 44:417; SAS {@code CL=MIDP}).
 *   <li>{@code blaker}: Blaker (2000), Can J Stat 28:783: the p whose acceptability {@code
 *       P_p(min(F(X), 1-F(X-1)) <= min(F(x), 1-F(x-1))) > alpha}; see {@link BlakerInterval}.
 * </ul>
 *
 * @param method the interval method
 * @param x number of responders
 * @param n number of subjects
 * @param confLevel confidence level in (0, 1)
 * @param estimate the observed proportion {@code x/n}
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record BinomialInterval(
    BinomialMethod method,
    int x,
    int n,
    double confLevel,
    double estimate,
    double lower,
    double upper) {

  /** The interval by {@code method} for {@code x} of {@code n} at {@code confLevel}. */
  public static BinomialInterval compute(BinomialMethod method, int x, int n, double confLevel) {
    check(x, n, confLevel);
    double alpha = 1 - confLevel;
    double p = (double) x / n;
    double[] ci =
        switch (method) {
          case CLOPPER_PEARSON -> clopperPearson(x, n, alpha);
          case WILSON -> wilson(x, n, alpha);
          case WILSON_CC -> wilsonCc(x, n, alpha);
          case JEFFREYS -> jeffreys(x, n, alpha);
          case AGRESTI_COULL -> agrestiCoull(x, n, alpha);
          case WALD -> wald(x, n, alpha);
          case MID_P -> midP(x, n, alpha);
          case BLAKER -> BlakerInterval.limits(x, n, confLevel);
        };
    return new BinomialInterval(method, x, n, confLevel, p, ci[0], ci[1]);
  }

  /** Every method, in {@link BinomialMethod} order. */
  public static List<BinomialInterval> computeAll(int x, int n, double confLevel) {
    List<BinomialInterval> out = new ArrayList<>();
    for (BinomialMethod m : BinomialMethod.values()) {
      out.add(compute(m, x, n, confLevel));
    }
    return out;
  }

  /** Argument checks shared by the binomial computations. */
  static void check(int x, int n, double confLevel) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive, found " + n);
    }
    if (x < 0 || x > n) {
      throw new IllegalArgumentException("x must be in [0, n], found x = " + x + ", n = " + n);
    }
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), found " + confLevel);
    }
  }

  /** The standard normal quantile {@code 1 - alpha/2}. */
  static double z(double alpha) {
    return NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / 2);
  }

  static double[] clopperPearson(int x, int n, double alpha) {
    double lo =
        x == 0 ? 0 : BetaDistribution.of(x, n - x + 1).inverseCumulativeProbability(alpha / 2);
    double hi =
        x == n ? 1 : BetaDistribution.of(x + 1, n - x).inverseSurvivalProbability(alpha / 2);
    return new double[] {lo, hi};
  }

  static double[] wilson(int x, int n, double alpha) {
    double z = z(alpha);
    double p = (double) x / n;
    double z2 = z * z;
    double center = (x + z2 / 2) / (n + z2);
    double half = z * Math.sqrt(n) / (n + z2) * Math.sqrt(p * (1 - p) + z2 / (4.0 * n));
    return new double[] {Math.max(0, center - half), Math.min(1, center + half)};
  }

  static double[] wilsonCc(int x, int n, double alpha) {
    double z = z(alpha);
    double p = (double) x / n;
    double z2 = z * z;
    double den = 2 * (n + z2);
    double lo =
        x == 0
            ? 0
            : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1.0 / n + 4 * p * (n * (1 - p) + 1)))
                / den;
    double hi =
        x == n
            ? 1
            : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1.0 / n + 4 * p * (n * (1 - p) - 1)))
                / den;
    return new double[] {Math.max(0, lo), Math.min(1, hi)};
  }

  static double[] jeffreys(int x, int n, double alpha) {
    BetaDistribution b = BetaDistribution.of(x + 0.5, n - x + 0.5);
    double lo = x == 0 ? 0 : b.inverseCumulativeProbability(alpha / 2);
    double hi = x == n ? 1 : b.inverseSurvivalProbability(alpha / 2);
    return new double[] {lo, hi};
  }

  static double[] agrestiCoull(int x, int n, double alpha) {
    double z = z(alpha);
    double nt = n + z * z;
    double pt = (x + z * z / 2) / nt;
    double half = z * Math.sqrt(pt * (1 - pt) / nt);
    return new double[] {Math.max(0, pt - half), Math.min(1, pt + half)};
  }

  static double[] wald(int x, int n, double alpha) {
    double z = z(alpha);
    double p = (double) x / n;
    double half = z * Math.sqrt(p * (1 - p) / n);
    return new double[] {Math.max(0, p - half), Math.min(1, p + half)};
  }

  static double[] midP(int x, int n, double alpha) {
    double a2 = alpha / 2;
    double lo = 0;
    double hi = 1;
    if (x > 0) {
      // P(X > x) + P(X = x)/2 increases with p: 0 at p = 0, >= 1/2 at p = 1.
      lo =
          Roots.brent(
              q -> {
                BinomialDistribution d = BinomialDistribution.of(n, q);
                return d.survivalProbability(x) + 0.5 * d.probability(x) - a2;
              },
              0,
              1);
    }
    if (x < n) {
      hi =
          Roots.brent(
              q -> {
                BinomialDistribution d = BinomialDistribution.of(n, q);
                return d.cumulativeProbability(x) - 0.5 * d.probability(x) - a2;
              },
              0,
              1);
    }
    return new double[] {lo, hi};
  }
}

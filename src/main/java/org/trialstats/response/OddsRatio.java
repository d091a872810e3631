package org.trialstats.response;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Odds ratio of responding, arm 1 versus arm 2: {@code (x1/(n1-x1)) / (x2/(n2-x2))}, with a
 * two-sided confidence interval, and Fisher's exact test.
 *
 * <ul>
 *   <li>{@code conditional-exact}: as R {@code fisher.test} (stats/R/fisher.test.R): the estimate
 *       is the conditional maximum likelihood estimate (x1 given all margins follows Fisher's
 *       noncentral hypergeometric distribution), the limits are the odds ratios ψ with {@code P_ψ(X
 *       >= x1) = alpha/2} (lower) and {@code P_ψ(X <= x1) = alpha/2} (upper) — Cornfield's exact
 *       conditional interval. 0 or infinite at the ends of the support. R solves with {@code
 *       uniroot}'s default tolerance (about 1e-4); we solve to about 1e-14 on the log scale.
 *   <li>{@code woolf}: the sample odds ratio with the logit (Woolf 1955) interval {@code exp(log OR
 *       ± z sqrt(1/a + 1/b + 1/c + 1/d))}; when a cell is zero 1/2 is added to every cell
 *       (Haldane–Anscombe), see {@link #corrected()}.
 * </ul>
 *
 * @param method {@code conditional-exact} or {@code woolf}
 * @param estimate the odds ratio (conditional MLE, or the sample odds ratio)
 * @param lower lower limit (0 possible)
 * @param upper upper limit ({@code Double.POSITIVE_INFINITY} possible)
 * @param confLevel the confidence level
 * @param corrected true when 1/2 was added to each cell (Woolf with a zero cell)
 */
public record OddsRatio(
    String method,
    double estimate,
    double lower,
    double upper,
    double confLevel,
    boolean corrected) {

  /** Method name of the exact conditional interval (R fisher.test). */
  public static final String CONDITIONAL_EXACT = "conditional-exact";

  /** Method name of the logit interval. */
  public static final String WOOLF = "woolf";

  /** Woolf (logit) interval; Haldane–Anscombe 1/2 added to each cell when one is zero. */
  public static OddsRatio woolf(int x1, int n1, int x2, int n2, double confLevel) {
    BinomialInterval.check(x1, n1, confLevel);
    BinomialInterval.check(x2, n2, confLevel);
    double a = x1;
    double b = n1 - x1;
    double c = x2;
    double d = n2 - x2;
    boolean corr = a == 0 || b == 0 || c == 0 || d == 0;
    if (corr) {
      a += 0.5;
      b += 0.5;
      c += 0.5;
      d += 0.5;
    }
    double lor = Math.log(a * d / (b * c));
    double se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
    double z = BinomialInterval.z(1 - confLevel);
    return new OddsRatio(
        WOOLF, Math.exp(lor), Math.exp(lor - z * se), Math.exp(lor + z * se), confLevel, corr);
  }

  /**
   * True when the conditional distribution of x1 given the margins has a single point: nobody
   * responded, or everybody did. The data then carry no information on the odds ratio (R {@code
   * fisher.test} prints estimate 0 with the interval 0 to Inf) and it is not estimable.
   */
  public static boolean conditionallyEstimable(int x1, int n1, int x2, int n2) {
    int m = x1 + x2;
    return m > 0 && m < n1 + n2;
  }

  /** Conditional MLE and exact conditional interval, as R {@code fisher.test}. */
  public static OddsRatio conditionalExact(int x1, int n1, int x2, int n2, double confLevel) {
    BinomialInterval.check(x1, n1, confLevel);
    BinomialInterval.check(x2, n2, confLevel);
    Nchg h = new Nchg(x1, n1, x2, n2);
    double a2 = (1 - confLevel) / 2;
    int x = x1;
    double est;
    if (x == h.lo) {
      est = 0;
    } else if (x == h.hi) {
      est = Double.POSITIVE_INFINITY;
    } else {
      est = Math.exp(solve(t -> h.mean(t) - x));
    }
    double lower = x == h.lo ? 0 : Math.exp(solve(t -> h.upperTail(x, t) - a2));
    double upper =
        x == h.hi ? Double.POSITIVE_INFINITY : Math.exp(solve(t -> a2 - h.lowerTail(x, t)));
    return new OddsRatio(CONDITIONAL_EXACT, est, lower, upper, confLevel, false);
  }

  /** Root in log odds ratio of an increasing function, bracket widened as needed. */
  private static double solve(java.util.function.DoubleUnaryOperator f) {
    double lo = -1;
    double hi = 1;
    while (f.applyAsDouble(lo) > 0 && lo > -745) {
      lo *= 2;
    }
    while (f.applyAsDouble(hi) < 0 && hi < 745) {
      hi *= 2;
    }
    return Roots.brent(f, lo, hi);
  }

  /**
   * Fisher's exact test, two-sided p-value as R {@code fisher.test}: the sum of the hypergeometric
   * probabilities no larger than that of the observed table (relative tolerance 1e-7).
   */
  public static double fisherTwoSided(int x1, int n1, int x2, int n2) {
    BinomialInterval.check(x1, n1, 0.5);
    BinomialInterval.check(x2, n2, 0.5);
    Nchg h = new Nchg(x1, n1, x2, n2);
    double[] w = h.weights(0);
    double dx = w[x1 - h.lo] * (1 + 1e-7);
    double s = 0;
    for (double v : w) {
      if (v <= dx) {
        s += v;
      }
    }
    return Math.min(1, s);
  }

  /**
   * Fisher's noncentral hypergeometric distribution of x1 given the margins (R fisher.test's {@code
   * dnhyper}), parameterised by the log odds ratio.
   */
  static final class Nchg {
    final int lo;
    final int hi;
    final double[] logdc;

    Nchg(int x1, int n1, int x2, int n2) {
      int m = x1 + x2; // responders (column 1 total)
      int nn = n1 + n2 - m; // non-responders
      int k = n1; // row 1 total
      lo = Math.max(0, k - nn);
      hi = Math.min(k, m);
      HypergeometricDistribution d = HypergeometricDistribution.of(n1 + n2, m, k);
      logdc = new double[hi - lo + 1];
      for (int i = lo; i <= hi; i++) {
        logdc[i - lo] = d.logProbability(i);
      }
    }

    /** Normalised probabilities over lo..hi at log odds ratio {@code t}. */
    double[] weights(double t) {
      double[] w = new double[logdc.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < w.length; i++) {
        w[i] = logdc[i] + t * (lo + i);
        max = Math.max(max, w[i]);
      }
      double s = 0;
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.exp(w[i] - max);
        s += w[i];
      }
      for (int i = 0; i < w.length; i++) {
        w[i] /= s;
      }
      return w;
    }

    double mean(double t) {
      double[] w = weights(t);
      double s = 0;
      for (int i = 0; i < w.length; i++) {
        s += (lo + i) * w[i];
      }
      return s;
    }

    /** P(X >= x) at log odds ratio t (increasing in t). */
    double upperTail(int x, double t) {
      double[] w = weights(t);
      double s = 0;
      for (int i = x - lo; i < w.length; i++) {
        s += w[i];
      }
      return s;
    }

    /** P(X <= x) at log odds ratio t (decreasing in t). */
    double lowerTail(int x, double t) {
      double[] w = weights(t);
      double s = 0;
      for (int i = 0; i <= x - lo; i++) {
        s += w[i];
      }
      return s;
    }
  }
}

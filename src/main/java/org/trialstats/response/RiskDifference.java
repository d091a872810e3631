package org.trialstats.response;

/**
 * Difference of two proportions {@code p1 - p2} ({@code x1/n1} minus {@code x2/n2}) with a
 * two-sided confidence interval.
 *
 * <ul>
 *   <li>{@code wald}: {@code d ± z sqrt(p1(1-p1)/n1 + p2(1-p2)/n2)}, truncated to [-1, 1] (R {@code
 *       prop.test(correct = FALSE)} for two groups; SAS RISKDIFF Wald).
 *   <li>{@code newcombe}: Newcombe (1998) Stat Med 17:873, method 10 (hybrid score, no continuity
 *       correction): with Wilson limits (l1, u1), (l2, u2), {@code L = d - sqrt((p1-l1)² +
 *       (u2-p2)²)}, {@code U = d + sqrt((u1-p1)² + (p2-l2)²)} (SAS {@code CL=NEWCOMBE}).
 *   <li>{@code miettinen-nurminen}: Miettinen &amp; Nurminen (1985) Stat Med 4:213: the {@code δ}
 *       with {@code (d - δ)² / V(δ) <= z²}, {@code V(δ) = (p̃1(1-p̃1)/n1 + p̃2(1-p̃2)/n2) N/(N-1)},
 *       where (p̃1, p̃2 = p̃1 - δ) is the maximum likelihood estimate restricted to {@code p1 - p2
 *       = δ} (closed form of the cubic, Farrington &amp; Manning 1990 Stat Med 9:1447, appendix);
 *       SAS {@code CL=MN}.
 * </ul>
 *
 * @param method the interval method
 * @param estimate {@code p1 - p2}
 * @param lower lower limit
 * @param upper upper limit
 * @param confLevel the confidence level
 */
public record RiskDifference(
    DifferenceMethod method, double estimate, double lower, double upper, double confLevel) {

  /** The difference {@code x1/n1 - x2/n2} with a {@code method} interval. */
  public static RiskDifference compute(
      DifferenceMethod method, int x1, int n1, int x2, int n2, double confLevel) {
    BinomialInterval.check(x1, n1, confLevel);
    BinomialInterval.check(x2, n2, confLevel);
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    double d = p1 - p2;
    double alpha = 1 - confLevel;
    double z = BinomialInterval.z(alpha);
    double[] ci =
        switch (method) {
          case WALD -> {
            double h = z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
            yield new double[] {Math.max(-1, d - h), Math.min(1, d + h)};
          }
          case NEWCOMBE -> {
            double[] w1 = BinomialInterval.wilson(x1, n1, alpha);
            double[] w2 = BinomialInterval.wilson(x2, n2, alpha);
            yield new double[] {
              d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2)),
              d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]))
            };
          }
          case MIETTINEN_NURMINEN -> miettinenNurminen(x1, n1, x2, n2, z);
        };
    return new RiskDifference(method, d, ci[0], ci[1], confLevel);
  }

  /**
   * Note for a Wald interval left empty because it has zero width (see {@link #waldDegenerate}).
   */
  public static final String WALD_DEGENERATE = "Wald interval degenerate at 0 or 100%";

  /**
   * True when the {@code wald} interval degenerates to zero width: both proportions are 0 or 1, so
   * the estimated standard error is 0 (the interval carries no information).
   */
  public static boolean waldDegenerate(int x1, int n1, int x2, int n2) {
    return (x1 == 0 || x1 == n1) && (x2 == 0 || x2 == n2);
  }

  private static double sq(double v) {
    return v * v;
  }

  /** Signed MN score {@code (d - δ)/sqrt(V(δ))}; 0 when d = δ. */
  static double mnScore(int x1, int n1, int x2, int n2, double delta) {
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    double num = p1 - p2 - delta;
    if (num == 0) {
      return 0;
    }
    double[] r = restrictedMle(p1, n1, p2, n2, delta);
    double nn = n1 + n2;
    double v = (r[0] * (1 - r[0]) / n1 + r[1] * (1 - r[1]) / n2) * nn / (nn - 1);
    if (v <= 0) {
      return num > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return num / Math.sqrt(v);
  }

  /**
   * The maximum likelihood estimate of (p1, p2) under {@code p1 - p2 = delta} (Farrington &amp;
   * Manning 1990, closed-form root of the likelihood cubic).
   */
  static double[] restrictedMle(double p1, int n1, double p2, int n2, double delta) {
    double theta = (double) n2 / n1;
    double a = 1 + theta;
    double b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
    double c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
    double d = -p1 * delta * (1 + delta);
    double v = b * b * b / (27 * a * a * a) - b * c / (6 * a * a) + d / (2 * a);
    double s = b * b / (9 * a * a) - c / (3 * a);
    double u = Math.signum(v) * Math.sqrt(Math.max(0, s));
    double q1;
    if (u == 0) {
      q1 = -b / (3 * a);
    } else {
      double ratio = Math.max(-1, Math.min(1, v / (u * u * u)));
      double w = (Math.PI + Math.acos(ratio)) / 3;
      q1 = 2 * u * Math.cos(w) - b / (3 * a);
    }
    q1 = Math.max(0, Math.min(1, q1));
    double q2 = Math.max(0, Math.min(1, q1 - delta));
    return new double[] {q1, q2};
  }

  private static double[] miettinenNurminen(int x1, int n1, int x2, int n2, double z) {
    double d = (double) x1 / n1 - (double) x2 / n2;
    double edge = 1e-13;
    double lo;
    if (d <= -1 || mnScore(x1, n1, x2, n2, -1 + edge) <= z) {
      lo = -1;
    } else {
      lo = Roots.brent(t -> mnScore(x1, n1, x2, n2, t) - z, -1 + edge, d);
    }
    double hi;
    if (d >= 1 || mnScore(x1, n1, x2, n2, 1 - edge) >= -z) {
      hi = 1;
    } else {
      hi = Roots.brent(t -> mnScore(x1, n1, x2, n2, t) + z, d, 1 - edge);
    }
    return new double[] {lo, hi};
  }
}

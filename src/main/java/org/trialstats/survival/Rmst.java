package org.trialstats.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Restricted mean survival time (RMST): the area under the Kaplan–Meier curve from 0 to tau, with
 * the variance of R {@code survRM2} (Uno et al. 2014, J Clin Oncol 32:2380; function {@code rmst1},
 * after Miller 1981, Survival Analysis): {@code Var = sum over event times t_j <= tau of A_j^2 d_j
 * / (n_j (n_j - d_j))}, {@code A_j} the area under the curve between t_j and tau, and a term of 0
 * where {@code n_j = d_j}. Between-arm contrasts follow {@code survRM2::rmst2} (unadjusted): the
 * difference with variance {@code V1 + V0} and the ratio on the log scale with variance {@code
 * V1/R1^2 + V0/R0^2}, normal-theory CIs and two-sided p-values.
 */
public final class Rmst {
  private Rmst() {}

  /**
   * RMST of one arm.
   *
   * @param tau truncation time
   * @param estimate the RMST
   * @param variance its variance
   * @param n subjects
   * @param events events (all, not only before tau)
   */
  public record Arm(double tau, double estimate, double variance, int n, int events) {
    public double se() {
      return Math.sqrt(variance);
    }

    /** Normal CI estimate -/+ z se. */
    public double[] ci(double level) {
      double q = z(level);
      return new double[] {estimate - q * se(), estimate + q * se()};
    }
  }

  /**
   * A contrast of two arms (arm vs reference).
   *
   * @param estimate the difference (arm - ref) or the ratio (arm / ref)
   * @param low lower confidence limit
   * @param high upper confidence limit
   * @param p two-sided p-value (H0: difference 0, ratio 1)
   * @param statistic the z statistic (of the log ratio for ratios)
   */
  public record Contrast(double estimate, double low, double high, double p, double statistic) {}

  static double z(double level) {
    return NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
  }

  /**
   * RMST of one arm up to {@code tau} (survRM2 {@code rmst1}; the KM curve is carried on from its
   * last value when tau lies beyond the last time).
   *
   * @param time follow-up times (any order)
   * @param event true = event
   */
  public static Arm arm(double[] time, boolean[] event, double tau) {
    int n = time.length;
    if (event.length != n) {
      throw new IllegalArgumentException("arrays of different lengths");
    }
    if (n == 0) {
      throw new IllegalArgumentException("no subjects");
    }
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("tau must be positive and finite");
    }
    int[] order = Sorting.orderBy(time);
    // Distinct times <= tau with the KM survival after each and the Greenwood-type increment.
    List<double[]> steps = new ArrayList<>(); // {time, survival, increment}
    double s = 1;
    int atRisk = n;
    int events = 0;
    int k = 0;
    while (k < n) {
      double t = time[order[k]];
      int d = 0;
      int m = 0;
      while (k < n && time[order[k]] == t) {
        if (event[order[k]]) {
          d++;
        }
        m++;
        k++;
      }
      events += d;
      if (t <= tau) {
        s *= 1 - (double) d / atRisk;
        double inc = atRisk - d == 0 ? 0 : (double) d / ((double) atRisk * (atRisk - d));
        steps.add(new double[] {t, s, inc});
      }
      atRisk -= m;
    }
    int m = steps.size();
    // areas[0] = t_1 * 1; areas[j] = (t_{j+1} - t_j) * S_j, the last up to tau.
    double[] areas = new double[m + 1];
    double prevT = 0;
    double prevS = 1;
    for (int j = 0; j < m; j++) {
      areas[j] = (steps.get(j)[0] - prevT) * prevS;
      prevT = steps.get(j)[0];
      prevS = steps.get(j)[1];
    }
    areas[m] = (tau - prevT) * prevS;
    double rmst = 0;
    for (double a : areas) {
      rmst += a;
    }
    double var = 0;
    double tail = 0;
    for (int j = m - 1; j >= 0; j--) {
      tail += areas[j + 1];
      var += tail * tail * steps.get(j)[2];
    }
    return new Arm(tau, rmst, var, n, events);
  }

  /** Difference {@code a - ref} with a normal CI and two-sided p (survRM2 rmst2). */
  public static Contrast difference(Arm a, Arm ref, double level) {
    double est = a.estimate() - ref.estimate();
    double se = Math.sqrt(a.variance() + ref.variance());
    double q = z(level);
    double zs = est / se;
    return new Contrast(est, est - q * se, est + q * se, p(zs), zs);
  }

  /** Ratio {@code a / ref}, CI and p on the log scale (survRM2 rmst2). */
  public static Contrast ratio(Arm a, Arm ref, double level) {
    double lr = Math.log(a.estimate()) - Math.log(ref.estimate());
    double se =
        Math.sqrt(
            a.variance() / (a.estimate() * a.estimate())
                + ref.variance() / (ref.estimate() * ref.estimate()));
    double q = z(level);
    double zs = lr / se;
    return new Contrast(Math.exp(lr), Math.exp(lr - q * se), Math.exp(lr + q * se), p(zs), zs);
  }

  private static double p(double z) {
    return 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
  }

  /**
   * The default tau of {@code survRM2::rmst2}, generalised to any number of arms: the smallest of
   * the arms' largest observed times, except that an arm whose largest time is an event (every
   * subject at that time has the event, so its curve has reached 0 and its RMST is defined at any
   * later time) does not limit tau. When every arm ends with an event: the largest of the largest
   * times. For two arms this is survRM2's case analysis (its cases 1-4). It is also the largest tau
   * survRM2 accepts (it stops with an error beyond).
   *
   * @param maxTime per arm, the largest observed time
   * @param endsWithEvent per arm, whether every subject at that largest time had the event
   */
  public static double defaultTau(double[] maxTime, boolean[] endsWithEvent) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < maxTime.length; g++) {
      max = Math.max(max, maxTime[g]);
      if (!endsWithEvent[g]) {
        min = Math.min(min, maxTime[g]);
      }
    }
    return Double.isInfinite(min) ? max : min;
  }
}

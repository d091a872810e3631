package org.trialstats.subgroup;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.response.DifferenceMethod;
import org.trialstats.response.OddsRatio;
import org.trialstats.response.RiskDifference;
import org.trialstats.survival.CoxFit;
import org.trialstats.survival.CoxModel;
import org.trialstats.survival.CoxTies;

/**
 * Treatment comparisons within one subgroup level and the treatment-by-subgroup interaction test
 * for time-to-event data: hazard ratios from a Cox model fitted within the level (R {@code
 * coxph(Surv(time, status) ~ arm, subset = level)}), and the likelihood-ratio test of {@code ~ arm
 * + level} against {@code ~ arm * level} (R {@code anova(coxph(...), coxph(...))}). For a binary
 * response: the odds ratio (Woolf logit interval, equal to a logistic regression within the level
 * with a Wald interval) and the difference of response rates.
 *
 * <p>A comparison that cannot be estimated is returned with a reason instead of a number: an arm
 * without subjects in the level, no events in an arm (the Cox likelihood is monotone and the hazard
 * ratio diverges), an arm where nobody or everybody responded (the odds ratio is 0 or infinite).
 * The odds ratio is not rescued with a 1/2 correction here: a subgroup table should show that the
 * level is too small, not a number driven by the correction.
 */
public final class SubgroupEffects {
  private SubgroupEffects() {}

  /**
   * A comparison of one arm with the reference arm.
   *
   * @param arm index of the compared arm (&gt; 0)
   * @param estimate hazard ratio, odds ratio or difference (NaN when not estimable)
   * @param lower lower confidence limit
   * @param upper upper confidence limit
   * @param pValue two-sided Wald p-value (NaN when not available)
   * @param reason why the comparison (or only its interval, e.g. a degenerate Wald interval of a
   *     difference) is not reported; null when it is
   */
  public record Comparison(
      int arm, double estimate, double lower, double upper, double pValue, String reason) {
    /** Whether a number is reported. */
    public boolean estimable() {
      return reason == null;
    }

    static Comparison notEstimable(int arm, String reason) {
      return new Comparison(arm, Double.NaN, Double.NaN, Double.NaN, Double.NaN, reason);
    }
  }

  /**
   * Cox hazard ratios of each non-reference arm versus arm 0 within one level.
   *
   * @param time times of the level's subjects
   * @param event events
   * @param arm arm index per subject (0 = reference)
   * @param armNames arm labels (for the reasons)
   * @param ties tie handling
   * @param confLevel confidence level of the Wald interval
   */
  public static List<Comparison> hazardRatios(
      double[] time,
      boolean[] event,
      int[] arm,
      List<String> armNames,
      CoxTies ties,
      double confLevel) {
    int k = armNames.size();
    int[] n = new int[k];
    int[] d = new int[k];
    for (int i = 0; i < arm.length; i++) {
      n[arm[i]]++;
      if (event[i]) {
        d[arm[i]]++;
      }
    }
    List<Comparison> out = new ArrayList<>();
    String common = null;
    if (n[0] == 0) {
      common = "no subjects in " + armNames.get(0);
    } else if (d[0] + sum(d, 1) == 0) {
      common = "no events";
    }
    CoxFit fit = null;
    boolean anyFit = false;
    for (int a = 1; a < k; a++) {
      if (common == null && n[a] > 0) {
        anyFit = true;
      }
    }
    if (anyFit) {
      double[][] x = new double[k - 1][arm.length];
      for (int i = 0; i < arm.length; i++) {
        if (arm[i] > 0) {
          x[arm[i] - 1][i] = 1;
        }
      }
      fit = CoxModel.fit(time, event, null, x, ties);
    }
    for (int a = 1; a < k; a++) {
      String reason = common;
      if (n[0] == 0 && n[a] == 0) {
        reason = "no subjects";
      } else if (reason == null && n[a] == 0) {
        reason = "no subjects in " + armNames.get(a);
      } else if (reason == null && d[0] == 0) {
        reason = "no events in " + armNames.get(0) + ": hazard ratio not estimable";
      } else if (reason == null && d[a] == 0) {
        reason = "no events in " + armNames.get(a) + ": hazard ratio not estimable";
      } else if (reason == null && !fit.estimable(a - 1)) {
        reason =
            fit.converged()
                ? "monotone likelihood: hazard ratio not estimable"
                : "Cox fit did not converge";
      }
      if (reason != null) {
        out.add(Comparison.notEstimable(a, reason));
      } else {
        double[] ci = fit.hrCi(a - 1, confLevel);
        out.add(new Comparison(a, fit.hr(a - 1), ci[0], ci[1], fit.pWald(a - 1), null));
      }
    }
    return out;
  }

  /**
   * Likelihood-ratio test of the treatment-by-subgroup interaction in a Cox model.
   *
   * @param arm arm index per subject (0 = reference)
   * @param nArms number of arms
   * @param level level index per subject (0 = reference level)
   * @param nLevels number of levels
   */
  public static LikelihoodRatio coxInteraction(
      double[] time,
      boolean[] event,
      int[] arm,
      int nArms,
      int[] level,
      int nLevels,
      CoxTies ties) {
    CoxFit reduced =
        CoxModel.fit(
            time,
            event,
            null,
            columns(InteractionDesign.of(arm, nArms, level, nLevels, false, false)),
            ties);
    CoxFit full =
        CoxModel.fit(
            time,
            event,
            null,
            columns(InteractionDesign.of(arm, nArms, level, nLevels, true, false)),
            ties);
    boolean sep =
        anyTrue(reduced.infinite())
            || anyTrue(full.infinite())
            || !reduced.converged()
            || !full.converged();
    return LikelihoodRatio.of(reduced.loglik(), full.loglik(), full.rank() - reduced.rank(), sep);
  }

  /**
   * Odds ratio and difference of response rates of each non-reference arm versus arm 0.
   *
   * @param responders responders per arm
   * @param n subjects per arm
   * @param armNames arm labels
   * @param diff interval method of the difference
   * @param confLevel confidence level
   * @return per non-reference arm: {odds ratio, difference}
   */
  public static List<Comparison[]> responseComparisons(
      int[] responders, int[] n, List<String> armNames, DifferenceMethod diff, double confLevel) {
    List<Comparison[]> out = new ArrayList<>();
    for (int a = 1; a < n.length; a++) {
      Comparison or;
      Comparison rd;
      String missing =
          n[0] == 0 && n[a] == 0
              ? "no subjects"
              : n[0] == 0
                  ? "no subjects in " + armNames.get(0)
                  : n[a] == 0 ? "no subjects in " + armNames.get(a) : null;
      if (missing != null) {
        or = Comparison.notEstimable(a, missing);
        rd = Comparison.notEstimable(a, missing);
      } else {
        String zero = null;
        for (int b : new int[] {0, a}) {
          if (responders[b] == 0) {
            zero = "no responders in " + armNames.get(b) + ": odds ratio not estimable";
          } else if (responders[b] == n[b]) {
            zero = "all responded in " + armNames.get(b) + ": odds ratio not estimable";
          }
        }
        if (zero != null) {
          or = Comparison.notEstimable(a, zero);
        } else {
          OddsRatio w = OddsRatio.woolf(responders[a], n[a], responders[0], n[0], confLevel);
          double se =
              Math.sqrt(
                  1.0 / responders[a]
                      + 1.0 / (n[a] - responders[a])
                      + 1.0 / responders[0]
                      + 1.0 / (n[0] - responders[0]));
          double z = Math.log(w.estimate()) / se;
          double p =
              2
                  * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                      .survivalProbability(Math.abs(z));
          or = new Comparison(a, w.estimate(), w.lower(), w.upper(), p, null);
        }
        RiskDifference r =
            RiskDifference.compute(diff, responders[a], n[a], responders[0], n[0], confLevel);
        if (diff == DifferenceMethod.WALD
            && RiskDifference.waldDegenerate(responders[a], n[a], responders[0], n[0])) {
          // zero width (every rate 0 or 1): the estimate stays, the interval is left empty
          rd =
              new Comparison(
                  a,
                  r.estimate(),
                  Double.NaN,
                  Double.NaN,
                  Double.NaN,
                  RiskDifference.WALD_DEGENERATE);
        } else {
          rd = new Comparison(a, r.estimate(), r.lower(), r.upper(), Double.NaN, null);
        }
      }
      out.add(new Comparison[] {or, rd});
    }
    return out;
  }

  /** Column-major copy ({@code x[j][i]}) of a row-major design, as {@link CoxModel} wants. */
  static double[][] columns(double[][] rows) {
    int n = rows.length;
    int p = n == 0 ? 0 : rows[0].length;
    double[][] c = new double[p][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        c[j][i] = rows[i][j];
      }
    }
    return c;
  }

  private static boolean anyTrue(boolean[] b) {
    for (boolean v : b) {
      if (v) {
        return true;
      }
    }
    return false;
  }

  private static int sum(int[] v, int from) {
    int s = 0;
    for (int i = from; i < v.length; i++) {
      s += v[i];
    }
    return s;
  }
}

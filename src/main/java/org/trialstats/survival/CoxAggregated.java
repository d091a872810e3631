package org.trialstats.survival;

import java.util.Arrays;

/**
 * Treatment-only Cox model (one log hazard ratio per group vs group 0, optionally stratified)
 * computed from per-distinct-time counts only ({@link CountTable}: events and numbers at risk per
 * stratum x group x time), for Breslow and Efron ties. Subjects of one group share their covariate
 * vector, so the risk-set sums of {@link CoxModel} collapse to {@code sum_g n_g exp(beta_g)}: the
 * fit needs no subject-level data and the table could come from a database {@code GROUP BY}. The
 * same Newton-Raphson iteration as {@link CoxModel} gives the same estimates (R {@code coxph(Surv ~
 * arm + strata(s))}).
 */
public final class CoxAggregated {
  private CoxAggregated() {}

  /** Fits with R's default controls. */
  public static CoxFit fit(CountTable table, CoxTies ties) {
    return fit(table, ties, CoxModel.Control.DEFAULT);
  }

  /**
   * Fits the treatment-only model.
   *
   * @param table the counts (at least two groups)
   * @param ties {@link CoxTies#EFRON} or {@link CoxTies#BRESLOW}
   */
  public static CoxFit fit(CountTable table, CoxTies ties, CoxModel.Control ctl) {
    if (ties == CoxTies.EXACT) {
      throw new IllegalArgumentException("exact ties need subject-level data (CoxModel)");
    }
    int groups = table.groups();
    if (groups < 2) {
      throw new IllegalArgumentException("at least two groups are needed");
    }
    int n = 0;
    int events = 0;
    for (int s = 0; s < table.strata(); s++) {
      if (table.end(s) > table.start(s)) {
        n += table.atRisk(table.start(s));
      }
    }
    for (int row = 0; row < table.rows(); row++) {
      events += table.events(row);
    }
    return CoxModel.newton(
        new Evaluator(table, ties == CoxTies.EFRON), n, events, groups - 1, ties, ctl);
  }

  private static final class Evaluator implements CoxModel.Evaluator {
    private final CountTable t;
    private final boolean efron;

    Evaluator(CountTable t, boolean efron) {
      this.t = t;
      this.efron = efron;
    }

    @Override
    public double eval(double[] beta, double[] u, double[][] imat) {
      int p = beta.length;
      int groups = p + 1;
      Arrays.fill(u, 0);
      for (double[] r : imat) {
        Arrays.fill(r, 0);
      }
      double[] r = new double[groups];
      r[0] = 1;
      for (int g = 1; g < groups; g++) {
        r[g] = Math.exp(beta[g - 1]);
      }
      double[] a = new double[p];
      double[] a2 = new double[p];
      double loglik = 0;
      for (int row = 0; row < t.rows(); row++) {
        int dead = t.events(row);
        if (dead == 0) {
          continue;
        }
        double denom = 0;
        double denom2 = 0;
        for (int g = 0; g < groups; g++) {
          denom += t.atRisk(row, g) * r[g];
          denom2 += t.events(row, g) * r[g];
          if (g > 0) {
            a[g - 1] = t.atRisk(row, g) * r[g];
            a2[g - 1] = t.events(row, g) * r[g];
            loglik += t.events(row, g) * beta[g - 1];
            u[g - 1] += t.events(row, g);
          }
        }
        int terms = efron ? dead : 1;
        double weight = efron ? 1 : dead;
        for (int m = 0; m < terms; m++) {
          double f = efron ? (double) m / dead : 0;
          double den = denom - f * denom2;
          loglik -= weight * Math.log(den);
          for (int j = 0; j < p; j++) {
            double aj = a[j] - f * a2[j];
            double mj = aj / den;
            u[j] -= weight * mj;
            // x is an indicator: sum r x_j x_l is aj on the diagonal, 0 off it.
            imat[j][j] += weight * (aj - mj * aj) / den;
            for (int l = 0; l < j; l++) {
              double al = a[l] - f * a2[l];
              imat[j][l] -= weight * mj * al / den;
            }
          }
        }
      }
      for (int j = 0; j < p; j++) {
        for (int l = 0; l < j; l++) {
          imat[l][j] = imat[j][l];
        }
      }
      return loglik;
    }
  }
}

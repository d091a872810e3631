package org.trialstats.survival;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The result of a Cox proportional hazards fit ({@link CoxModel}). Arrays are indexed by
 * coefficient (design column) and are defensive copies.
 *
 * @param ties how tied event times were handled
 * @param n subjects used
 * @param events events among them
 * @param coef log hazard ratios; for a non-estimable (infinite or aliased) coefficient the last
 *     iterate (aliased: 0), see {@link #estimable(int)}
 * @param var variance matrix of {@code coef} (inverse information at the final estimate; aliased
 *     rows and columns are 0)
 * @param loglikNull log partial likelihood at beta = 0
 * @param loglik log partial likelihood at the estimate
 * @param scoreTest score (log-rank type) test statistic at beta = 0, {@code u' I^-1 u}
 * @param iterations Newton-Raphson iterations used
 * @param converged whether the relative change of the log-likelihood fell below the tolerance
 * @param infinite per coefficient: the likelihood is monotone in it (the estimate diverges, as with
 *     a group without events); R's criterion ({@code coxph.fit}: {@code |u' V| > eps} and {@code >
 *     sqrt(eps) |beta|})
 * @param aliased per coefficient: linearly dependent on earlier columns (R returns NA)
 * @param rank number of estimable (non-aliased) columns: the degrees of freedom of the tests
 */
public record CoxFit(
    CoxTies ties,
    int n,
    int events,
    double[] coef,
    double[][] var,
    double loglikNull,
    double loglik,
    double scoreTest,
    double waldTest,
    int iterations,
    boolean converged,
    boolean[] infinite,
    boolean[] aliased,
    int rank) {

  public CoxFit {
    coef = coef.clone();
    double[][] v = new double[var.length][];
    for (int i = 0; i < var.length; i++) {
      v[i] = var[i].clone();
    }
    var = v;
    infinite = infinite.clone();
    aliased = aliased.clone();
  }

  @Override
  public double[] coef() {
    return coef.clone();
  }

  @Override
  public double[][] var() {
    double[][] v = new double[var.length][];
    for (int i = 0; i < var.length; i++) {
      v[i] = var[i].clone();
    }
    return v;
  }

  @Override
  public boolean[] infinite() {
    return infinite.clone();
  }

  @Override
  public boolean[] aliased() {
    return aliased.clone();
  }

  /** Number of coefficients. */
  public int size() {
    return coef.length;
  }

  /** Coefficient {@code j} (log hazard ratio). */
  public double coef(int j) {
    return coef[j];
  }

  /** True when coefficient {@code j} is finite, identifiable and the fit converged. */
  public boolean estimable(int j) {
    return converged && !infinite[j] && !aliased[j];
  }

  /** True when every coefficient is estimable. */
  public boolean allEstimable() {
    for (int j = 0; j < coef.length; j++) {
      if (!estimable(j)) {
        return false;
      }
    }
    return true;
  }

  /** Standard error of coefficient {@code j}. */
  public double se(int j) {
    return Math.sqrt(var[j][j]);
  }

  /** Hazard ratio exp(beta_j). */
  public double hr(int j) {
    return Math.exp(coef[j]);
  }

  /** Wald z = beta / se. */
  public double z(int j) {
    return coef[j] / se(j);
  }

  /** Two-sided Wald p-value of coefficient {@code j}. */
  public double pWald(int j) {
    return 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z(j)));
  }

  /** Wald confidence interval of the hazard ratio: exp(beta -/+ z_(1-a/2) se). */
  public double[] hrCi(int j, double level) {
    double q = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    return new double[] {Math.exp(coef[j] - q * se(j)), Math.exp(coef[j] + q * se(j))};
  }

  /** Likelihood-ratio statistic 2 (l(beta) - l(0)). */
  public double lrTest() {
    return 2 * (loglik - loglikNull);
  }

  /** Upper-tail chi-square p-value with {@link #rank()} degrees of freedom. */
  public double chiSquareP(double statistic) {
    if (rank <= 0) {
      return Double.NaN;
    }
    return ChiSquaredDistribution.of(rank).survivalProbability(statistic);
  }
}

package org.trialstats.subgroup;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * A likelihood-ratio test of nested models: {@code 2 (logLik_full - logLik_reduced)} referred to a
 * chi-square with {@code rank_full - rank_reduced} degrees of freedom (R {@code anova(reduced,
 * full, test = "LRT")} for {@code glm}, {@code anova(reduced, full)} for {@code coxph}).
 *
 * @param statistic the LR chi-square (NaN when df = 0)
 * @param df degrees of freedom (0 when the full model adds no estimable column)
 * @param pValue upper-tail chi-square probability (NaN when df = 0)
 * @param logLikReduced maximised log-likelihood of the reduced (main effects) model
 * @param logLikFull maximised log-likelihood of the full (interaction) model
 * @param separated whether either fit showed separation / monotone likelihood (coefficients
 *     infinite; the log-likelihoods are their finite limits) or stopped without converging
 */
public record LikelihoodRatio(
    double statistic,
    int df,
    double pValue,
    double logLikReduced,
    double logLikFull,
    boolean separated) {

  /** Builds the test from the two log-likelihoods and ranks. */
  public static LikelihoodRatio of(
      double logLikReduced, double logLikFull, int df, boolean separated) {
    if (df <= 0) {
      return new LikelihoodRatio(Double.NaN, 0, Double.NaN, logLikReduced, logLikFull, separated);
    }
    // The full model nests the reduced one; a tiny negative difference is rounding.
    double stat = Math.max(0, 2 * (logLikFull - logLikReduced));
    double p = ChiSquaredDistribution.of(df).survivalProbability(stat);
    return new LikelihoodRatio(stat, df, p, logLikReduced, logLikFull, separated);
  }
}

package org.trialstats.survival;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Standard normal and chi-square helpers (Apache Commons Statistics). */
final class Normal {
  private static final NormalDistribution STD = NormalDistribution.of(0, 1);

  private Normal() {}

  /** The standard normal quantile (R {@code qnorm}). */
  static double quantile(double p) {
    return STD.inverseCumulativeProbability(p);
  }

  /** Upper tail of the chi-square distribution (R {@code pchisq(x, df, lower.tail = FALSE)}). */
  static double chiSquareUpper(double x, double df) {
    return ChiSquaredDistribution.of(df).survivalProbability(x);
  }
}

package org.trialstats.response;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Stratified comparison of two arms' response proportions over K strata (2 x 2 x K tables; per
 * stratum h: arm 1 has {@code x1[h]} responders of {@code n1[h]}, arm 2 {@code x2[h]} of {@code
 * n2[h]}). Strata with fewer than two subjects carry no information and are skipped (R {@code
 * mantelhaen.test} refuses them); {@link Result#usedStrata()} counts the strata used.
 *
 * <ul>
 *   <li>CMH test (Cochran 1954; Mantel &amp; Haenszel 1959), as R {@code mantelhaen.test} for 2 x 2
 *       x K: {@code Δ = Σ (x1 - n1 m/N)}, {@code V = Σ n1 n2 m (N - m) / (N² (N - 1))} (m
 *       responders in the stratum), {@code X² = (|Δ| - c)² / V} on 1 df, with {@code c = 0} ({@code
 *       cmh}: SAS PROC FREQ CMH, R {@code correct = FALSE}) or {@code c = 1/2} when {@code |Δ| >=
 *       1/2} ({@code cmh-yates}: R's default {@code correct = TRUE}).
 *   <li>Mantel–Haenszel common odds ratio {@code Σ a d/N / Σ b c/N} with the Robins, Breslow &amp;
 *       Greenland (1986, Biometrics 42:311) variance of its logarithm (the interval R {@code
 *       mantelhaen.test} and SAS print).
 *   <li>Mantel–Haenszel common risk difference {@code Σ w d_h / Σ w}, {@code w = n1 n2 / N}, with
 *       Sato's (1989, Biometrics 45:1323) variance {@code (d Σ P + Σ Q) / (Σ w)²}, {@code P = (n1²
 *       x2 - n2² x1 + n1 n2 (n2 - n1)/2) / N²}, {@code Q = (x1 (n2 - x2) + x2 (n1 - x1)) / (2N)},
 *       Wald limits (SAS PROC FREQ {@code COMMONRISKDIFF}, Mantel–Haenszel).
 * </ul>
 */
public final class MantelHaenszel {
  private MantelHaenszel() {}

  /**
   * @param cmh CMH statistic without continuity correction
   * @param cmhP its p-value (chi-square, 1 df)
   * @param cmhYates CMH statistic with R's continuity correction
   * @param cmhYatesP its p-value
   * @param orEstimate MH common odds ratio (arm 1 vs arm 2)
   * @param orLower RBG lower limit
   * @param orUpper RBG upper limit
   * @param rdEstimate MH common risk difference (arm 1 minus arm 2)
   * @param rdLower Sato lower limit
   * @param rdUpper Sato upper limit
   * @param confLevel confidence level
   * @param usedStrata strata with at least two subjects (those used)
   */
  public record Result(
      double cmh,
      double cmhP,
      double cmhYates,
      double cmhYatesP,
      double orEstimate,
      double orLower,
      double orUpper,
      double rdEstimate,
      double rdLower,
      double rdUpper,
      double confLevel,
      int usedStrata) {}

  /** The stratified analysis of the K tables. */
  public static Result compute(int[] x1, int[] n1, int[] x2, int[] n2, double confLevel) {
    int k = x1.length;
    if (n1.length != k || x2.length != k || n2.length != k || k == 0) {
      throw new IllegalArgumentException("strata arrays must have one common, positive length");
    }
    double delta = 0;
    double var = 0;
    double sr = 0; // Σ a d / N
    double ss = 0; // Σ b c / N
    double spr = 0;
    double spsqr = 0;
    double sqs = 0;
    double sw = 0;
    double swd = 0;
    double sp = 0;
    double sq = 0;
    int used = 0;
    for (int h = 0; h < k; h++) {
      if (x1[h] < 0 || x2[h] < 0 || x1[h] > n1[h] || x2[h] > n2[h] || n1[h] < 0 || n2[h] < 0) {
        throw new IllegalArgumentException("bad counts in stratum " + h);
      }
      double nn = n1[h] + n2[h];
      if (nn < 2) {
        continue;
      }
      used++;
      double a = x1[h];
      double b = n1[h] - x1[h];
      double c = x2[h];
      double d = n2[h] - x2[h];
      double m = a + c;
      delta += a - n1[h] * m / nn;
      var += (double) n1[h] * n2[h] * m * (nn - m) / (nn * nn * (nn - 1));
      double r = a * d / nn;
      double s = b * c / nn;
      double p = (a + d) / nn;
      double q = (b + c) / nn;
      sr += r;
      ss += s;
      spr += p * r;
      spsqr += p * s + q * r;
      sqs += q * s;
      double w = (double) n1[h] * n2[h] / nn;
      sw += w;
      if (n1[h] > 0 && n2[h] > 0) {
        swd += w * (a / n1[h] - c / n2[h]);
      }
      sp +=
          (sqd(n1[h]) * c - sqd(n2[h]) * a + (double) n1[h] * n2[h] * (n2[h] - n1[h]) / 2.0)
              / (nn * nn);
      sq += (a * d + c * b) / (2 * nn);
    }
    ChiSquaredDistribution chi = ChiSquaredDistribution.of(1);
    double stat = var > 0 ? delta * delta / var : Double.NaN;
    double yates = Math.abs(delta) >= 0.5 ? 0.5 : 0;
    double statY = var > 0 ? Math.pow(Math.abs(delta) - yates, 2) / var : Double.NaN;
    double z = BinomialInterval.z(1 - confLevel);
    double or = sr / ss;
    double vlor = spr / (2 * sr * sr) + spsqr / (2 * sr * ss) + sqs / (2 * ss * ss);
    double orLo = Math.exp(Math.log(or) - z * Math.sqrt(vlor));
    double orHi = Math.exp(Math.log(or) + z * Math.sqrt(vlor));
    double rd = sw > 0 ? swd / sw : Double.NaN;
    double vrd = (rd * sp + sq) / (sw * sw);
    double se = Math.sqrt(vrd);
    return new Result(
        stat,
        Double.isNaN(stat) ? Double.NaN : chi.survivalProbability(stat),
        statY,
        Double.isNaN(statY) ? Double.NaN : chi.survivalProbability(statY),
        or,
        orLo,
        orHi,
        rd,
        rd - z * se,
        rd + z * se,
        confLevel,
        used);
  }

  private static double sqd(int v) {
    return (double) v * v;
  }
}

package org.trialstats.preclinical;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Wilcoxon rank-sum (Mann–Whitney) test, two-sided, exactly as R {@code stats::wilcox.test(x, y)}
 * with its defaults: W = (sum of the ranks of x) − nx(nx+1)/2 using mid-ranks; the exact null
 * distribution when both samples have fewer than 50 values and there are no ties, otherwise the
 * normal approximation with tie-corrected variance and continuity correction 0.5. Mann, H. B. &
 * Whitney, D. R. (1947) Ann. Math. Statist. 18:50–60; R source src/library/stats/R/wilcox.test.R.
 */
public final class RankSumTest {
  private RankSumTest() {}

  /** Result: the W statistic, the two-sided p-value and whether the exact distribution was used. */
  public record Result(double w, double pValue, boolean exact) {
    /** The contract method name: {@code wilcoxon-exact} or {@code wilcoxon-normal-cc}. */
    public String method() {
      return exact ? "wilcoxon-exact" : "wilcoxon-normal-cc";
    }
  }

  /** The two-sided test of x versus y. Values may be ±infinity (ranked as such), not NaN. */
  public static Result test(double[] x, double[] y) {
    int nx = x.length;
    int ny = y.length;
    if (nx < 1 || ny < 1) {
      throw new IllegalArgumentException("rank-sum test needs at least one value in each sample");
    }
    int n = nx + ny;
    double[] all = new double[n];
    System.arraycopy(x, 0, all, 0, nx);
    System.arraycopy(y, 0, all, nx, ny);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(all[i])) {
        throw new IllegalArgumentException("NaN in rank-sum test input");
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
    double[] rank = new double[n];
    double tieSum = 0;
    boolean ties = false;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
        j++;
      }
      double r = (i + j + 2) / 2.0;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = r;
      }
      double t = j - i + 1;
      if (t > 1) {
        ties = true;
        tieSum += t * t * t - t;
      }
      i = j + 1;
    }
    double sx = 0;
    for (int i = 0; i < nx; i++) {
      sx += rank[i];
    }
    double w = sx - nx * (nx + 1) / 2.0;
    if (nx < 50 && ny < 50 && !ties) {
      int wi = (int) Math.round(w);
      double p = w > nx * ny / 2.0 ? upper(wi, nx, ny) : cdf(wi, nx, ny);
      return new Result(w, Math.min(1, 2 * p), true);
    }
    double z = w - nx * (double) ny / 2;
    double sigma = Math.sqrt((nx * (double) ny / 12) * ((n + 1) - tieSum / ((double) n * (n - 1))));
    double corr = Math.signum(z) * 0.5;
    z = (z - corr) / sigma;
    NormalDistribution nd = NormalDistribution.of(0, 1);
    double p = 2 * Math.min(nd.cumulativeProbability(z), nd.survivalProbability(z));
    return new Result(w, Math.min(1, p), false);
  }

  /** P(W ≤ q) under H0 for sample sizes m, n (R {@code pwilcox(q, m, n)}). */
  static double cdf(int q, int m, int n) {
    return tail(m, n, 0, q);
  }

  /** P(W ≥ q) under H0 (R {@code pwilcox(q - 1, m, n, lower.tail = FALSE)}), summed directly. */
  static double upper(int q, int m, int n) {
    return tail(m, n, q, m * n);
  }

  private static double tail(int m, int n, int from, int to) {
    double[] f = frequencies(m, n);
    double total = 0;
    double part = 0;
    for (int u = 0; u < f.length; u++) {
      total += f[u];
      if (u >= from && u <= to) {
        part += f[u];
      }
    }
    return part / total;
  }

  /**
   * f[u] = number of rankings giving W = u, from the recurrence f(m, n, u) = f(m−1, n, u−n) + f(m,
   * n−1, u) with f(m, 0, 0) = f(0, n, 0) = 1 (the largest of the m+n values is either an x, adding
   * n to W, or a y). Counts are held as doubles, as R's {@code cwilcox}.
   */
  static double[] frequencies(int m, int n) {
    double[][] dp = new double[m + 1][]; // dp[mm] = f(mm, nn - 1, .)
    for (int mm = 0; mm <= m; mm++) {
      dp[mm] = new double[] {1};
    }
    for (int nn = 1; nn <= n; nn++) {
      double[][] nd = new double[m + 1][]; // nd[mm] = f(mm, nn, .)
      nd[0] = new double[] {1};
      for (int mm = 1; mm <= m; mm++) {
        double[] a = new double[mm * nn + 1];
        double[] left = nd[mm - 1];
        double[] up = dp[mm];
        for (int u = 0; u < a.length; u++) {
          int ul = u - nn;
          a[u] = (ul >= 0 && ul < left.length ? left[ul] : 0) + (u < up.length ? up[u] : 0);
        }
        nd[mm] = a;
      }
      dp = nd;
    }
    return dp[m];
  }
}

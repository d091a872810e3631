package org.trialstats.response;

/**
 * Simon's optimal and minimax two-stage designs for a single-arm phase II study with a binary
 * endpoint (Simon R. Optimal two-stage designs for phase II clinical trials. Controlled Clinical
 * Trials 1989;10:1-10; the same search as R {@code clinfun::ph2simon}).
 *
 * <p>H0: p &lt;= p0 against H1: p &gt;= p1. A design (r1/n1, r/n) stops after stage 1 when X1 &lt;=
 * r1 and rejects H0 when X1 &gt; r1 and X1 + X2 &gt; r. It is admissible when P(reject | p0) &lt;=
 * alpha and P(reject | p1) &gt;= power. The <em>optimal</em> design minimises the expected sample
 * size under p0, EN0 = n1 + (1 - PET0)(n - n1); the <em>minimax</em> design minimises n and, among
 * designs with that n, EN0. Remaining ties go to the smaller n, then the smaller n1, then r1.
 *
 * <p>Search: binomial pmfs for every size up to {@code maxN} are tabulated once (stable recursion).
 * For each (n, n1) the rejection probability falls as r1 or r grows, so the smallest r meeting the
 * alpha constraint (which gives the largest power) is found by a pointer that only moves down as r1
 * increases; a design exists for (n, n1, r1) exactly when that r meets the power constraint. Once
 * the minimax n is passed, only (n1, r1) whose EN0 can still beat the best one are examined (EN0
 * &gt;= n1). Milliseconds for maxN = 100.
 */
public final class SimonTwoStage {
  private SimonTwoStage() {}

  /** The two designs; either is null when no design with n &lt;= maxN meets the constraints. */
  public record Result(SimonDesign optimal, SimonDesign minimax) {}

  /** Finds the optimal and minimax designs with total sample size at most {@code maxN}. */
  public static Result search(double p0, double p1, double alpha, double power, int maxN) {
    if (!(p0 > 0 && p0 < 1) || !(p1 > 0 && p1 < 1) || !(p1 > p0)) {
      throw new IllegalArgumentException("need 0 < p0 < p1 < 1");
    }
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
      throw new IllegalArgumentException("alpha and power must lie in (0, 1)");
    }
    if (maxN < 2 || maxN > 2000) {
      throw new IllegalArgumentException("maxN must lie in [2, 2000]");
    }
    double[][] f0 = pmfTable(p0, maxN);
    double[][] f1 = pmfTable(p1, maxN);
    double[][] s0 = upperTails(f0);
    double[][] s1 = upperTails(f1);
    final double tol = 1e-12;
    SimonDesign best = null;
    SimonDesign minimax = null;
    for (int n = 2; n <= maxN; n++) {
      // once a minimax design exists at a smaller n, only designs that can beat the optimal
      // EN0 matter, and EN0 >= n1 (exact pruning)
      boolean minimaxDone = minimax != null && minimax.n() < n;
      for (int n1 = 1; n1 < n; n1++) {
        if (minimaxDone && n1 >= best.en0() + tol) {
          break;
        }
        int m = n - n1;
        double[] a1 = f0[n1];
        double[] b1 = f1[n1];
        double[] tail0 = s0[m];
        double[] tail1 = s1[m];
        double pet0 = 0;
        int r = n; // rejection probability at r = n is 0; the pointer moves down
        for (int r1 = 0; r1 < n1; r1++) {
          pet0 += a1[r1];
          double en0 = n1 + (1 - pet0) * m;
          if (minimaxDone && en0 > best.en0() + tol) {
            continue; // cannot beat the optimal design; later r1 (larger PET0) still may
          }
          if (r < r1) {
            r = r1; // r < r1 rejects exactly when r = r1 does (X1 > r1 implies X > r)
          }
          // lower r while the next smaller r (>= r1) still meets alpha
          while (r - 1 >= r1 && reject(a1, tail0, r1, r - 1, n1) <= alpha + tol) {
            r--;
          }
          if (r >= n) {
            continue; // even r = n - 1 violates alpha: no design with this r1
          }
          double pw = reject(b1, tail1, r1, r, n1);
          if (pw + tol < power) {
            continue; // a larger r1 may still work, as its smallest r can be lower
          }
          SimonDesign d =
              new SimonDesign(r1, n1, r, n, en0, pet0, reject(a1, tail0, r1, r, n1), pw);
          if (best == null || better(d.en0(), d, best.en0(), best)) {
            best = d;
          }
          if (minimax == null
              || d.n() < minimax.n()
              || (d.n() == minimax.n() && better(d.en0(), d, minimax.en0(), minimax))) {
            minimax = d;
          }
        }
      }
    }
    return new Result(best, minimax);
  }

  private static boolean better(double en, SimonDesign d, double enBest, SimonDesign b) {
    if (en < enBest - 1e-12) {
      return true;
    }
    if (en > enBest + 1e-12) {
      return false;
    }
    if (d.n() != b.n()) {
      return d.n() < b.n();
    }
    if (d.n1() != b.n1()) {
      return d.n1() < b.n1();
    }
    return d.r1() < b.r1();
  }

  /** P(X1 &gt; r1 and X1 + X2 &gt; r) with X1 ~ pmf1 (size n1) and tail[k] = P(X2 &gt; k). */
  static double reject(double[] pmf1, double[] tail, int r1, int r, int n1) {
    double s = 0;
    for (int x1 = r1 + 1; x1 <= n1; x1++) {
      int k = r - x1;
      s += pmf1[x1] * (k < 0 ? 1.0 : k >= tail.length ? 0.0 : tail[k]);
    }
    return s;
  }

  /** pmf[m][k] = P(Bin(m, p) = k) for m = 0..maxN by the recursion over m (no cancellation). */
  static double[][] pmfTable(double p, int maxN) {
    double[][] f = new double[maxN + 1][];
    f[0] = new double[] {1.0};
    for (int m = 1; m <= maxN; m++) {
      double[] prev = f[m - 1];
      double[] cur = new double[m + 1];
      for (int k = 0; k <= m; k++) {
        double a = k < m ? prev[k] * (1 - p) : 0;
        double b = k > 0 ? prev[k - 1] * p : 0;
        cur[k] = a + b;
      }
      f[m] = cur;
    }
    return f;
  }

  /** tail[m][k] = P(Bin(m, p) &gt; k) for k = 0..m, summed from the top. */
  static double[][] upperTails(double[][] f) {
    double[][] t = new double[f.length][];
    for (int m = 0; m < f.length; m++) {
      double[] pm = f[m];
      double[] tm = new double[m + 1];
      double s = 0;
      for (int k = m; k >= 0; k--) {
        tm[k] = s; // P(X > k)
        s += pm[k];
      }
      t[m] = tm;
    }
    return t;
  }
}

package org.trialstats.survival;

import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The weighted log-rank family for k groups, optionally stratified, in one pass over a {@link
 * CountTable} (per stratum x distinct time counts).
 *
 * <p>At each event time with n at risk and d events (n_g, d_g in group g) and weight w: U_g += w
 * (d_g − d n_g / n), V_gh += w² d (n − d)/(n − 1) · (n_g / n)(δ_gh − n_h / n). Stratified tests sum
 * U and V over strata (weights computed within each stratum). The statistic is U'V⁻U on the groups
 * with a positive expected count, dropping the first of them (as R {@code survdiff}, survival
 * 3.5-3), with k − 1 degrees of freedom (k = groups with expected &gt; 0); a singular reduced
 * matrix falls back to the Moore–Penrose inverse with df = its rank.
 *
 * <p>Weights (Klein &amp; Moeschberger 2003, §7.3; SAS/STAT LIFETEST "Nonparametric Tests"; R
 * {@code survdiff}): log-rank w = 1; Gehan–Breslow (SAS "Wilcoxon") w = n; Tarone–Ware w = √n;
 * Fleming–Harrington G(ρ, γ) w = S(t−)^ρ (1 − S(t−))^γ with S the Kaplan–Meier estimate of the
 * pooled sample (within the stratum) just before t; Peto–Peto as R {@code survdiff(rho = 1)} = G(1,
 * 0).
 */
public final class LogRank {
  private LogRank() {}

  /** A member of the family. */
  public record Test(Kind kind, double rho, double gamma) {
    public enum Kind {
      LOGRANK,
      GEHAN,
      TARONE_WARE,
      PETO,
      FLEMING_HARRINGTON
    }

    public static final Test LOGRANK = new Test(Kind.LOGRANK, 0, 0);
    public static final Test GEHAN = new Test(Kind.GEHAN, 0, 0);
    public static final Test TARONE_WARE = new Test(Kind.TARONE_WARE, 0, 0);
    public static final Test PETO = new Test(Kind.PETO, 1, 0);

    public static Test flemingHarrington(double rho, double gamma) {
      if (!(rho >= 0) || !(gamma >= 0)) {
        throw new IllegalArgumentException("rho and gamma must be >= 0");
      }
      return new Test(Kind.FLEMING_HARRINGTON, rho, gamma);
    }

    /**
     * Parses {@code logrank|gehan|wilcoxon|peto|tarone-ware|fh:RHO,GAMMA}; throws
     * IllegalArgumentException otherwise.
     */
    public static Test parse(String s) {
      String k = s.trim().toLowerCase(Locale.ROOT);
      if (k.startsWith("fh:") || k.startsWith("fh(")) {
        String body = k.substring(3).replace(")", "");
        String[] p = body.split(",");
        if (p.length != 2) {
          throw new IllegalArgumentException(s);
        }
        return flemingHarrington(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
      }
      return switch (k) {
        case "logrank", "log-rank" -> LOGRANK;
        case "gehan", "wilcoxon", "gehan-breslow" -> GEHAN;
        case "tarone-ware", "tarone" -> TARONE_WARE;
        case "peto", "peto-peto" -> PETO;
        default -> throw new IllegalArgumentException(s);
      };
    }

    /** The contract's method string, e.g. {@code logrank}, {@code fleming-harrington(1,0)}. */
    public String method() {
      return switch (kind) {
        case LOGRANK -> "logrank";
        case GEHAN -> "gehan-breslow";
        case TARONE_WARE -> "tarone-ware";
        case PETO -> "peto-peto/fleming-harrington(1,0)";
        case FLEMING_HARRINGTON -> "fleming-harrington(" + num(rho) + "," + num(gamma) + ")";
      };
    }

    private static String num(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    double weight(int n, double sMinus) {
      return switch (kind) {
        case LOGRANK -> 1;
        case GEHAN -> n;
        case TARONE_WARE -> Math.sqrt(n);
        case PETO -> sMinus;
        case FLEMING_HARRINGTON -> pow(sMinus, rho) * pow(1 - sMinus, gamma);
      };
    }

    private static double pow(double x, double e) {
      return e == 0 ? 1 : Math.pow(x, e);
    }
  }

  /**
   * Result: chi-square statistic, degrees of freedom and p-value (NaN statistic when fewer than two
   * groups have expected events), with the unweighted observed and expected events per group.
   */
  public record Result(
      double statistic,
      int df,
      double pValue,
      double[] observed,
      double[] expected,
      double[] score,
      double[][] variance,
      String method) {}

  /**
   * Runs the test on the table (one block per stratum; pass {@code counts(true)} for a stratified
   * test, {@code counts(false)} for an unstratified one).
   */
  public static Result test(CountTable t, Test test) {
    int k = t.groups();
    double[] obs = new double[k];
    double[] exp = new double[k];
    double[] u = new double[k];
    double[] wexp = new double[k];
    double[][] v = new double[k][k];
    for (int s = 0; s < t.strata(); s++) {
      double km = 1;
      for (int r = t.start(s); r < t.end(s); r++) {
        int n = t.atRisk(r);
        int d = t.events(r);
        if (d == 0 || n == 0) {
          continue;
        }
        double w = test.weight(n, km);
        double vf = n > 1 ? (double) d * (n - d) / (n - 1) : 0;
        for (int g = 0; g < k; g++) {
          double ng = t.atRisk(r, g);
          double e = d * ng / n;
          obs[g] += t.events(r, g);
          exp[g] += e;
          wexp[g] += w * e;
          u[g] += w * (t.events(r, g) - e);
          if (ng > 0) {
            for (int h = 0; h < k; h++) {
              double nh = t.atRisk(r, h);
              v[g][h] += w * w * vf * (ng / n) * ((g == h ? 1 : 0) - nh / n);
            }
          }
        }
        km *= (double) (n - d) / n;
      }
    }
    int[] keep = new int[k];
    int m = 0;
    for (int g = 0; g < k; g++) {
      if (exp[g] > 0) {
        keep[m++] = g;
      }
    }
    double chi = Double.NaN;
    int df = m - 1;
    if (m >= 2) {
      int q = m - 1;
      RealMatrix vv = new Array2DRowRealMatrix(q, q);
      RealVector uu = new ArrayRealVector(q);
      for (int i = 0; i < q; i++) {
        uu.setEntry(i, u[keep[i + 1]]);
        for (int j = 0; j < q; j++) {
          vv.setEntry(i, j, v[keep[i + 1]][keep[j + 1]]);
        }
      }
      LUDecomposition lu = new LUDecomposition(vv, 1e-12);
      if (lu.getSolver().isNonSingular()) {
        chi = lu.getSolver().solve(uu).dotProduct(uu);
      } else {
        SingularValueDecomposition svd = new SingularValueDecomposition(vv);
        chi = svd.getSolver().getInverse().operate(uu).dotProduct(uu);
        df = svd.getRank();
      }
    } else {
      df = 0;
    }
    double p = Double.isNaN(chi) || df < 1 ? Double.NaN : Normal.chiSquareUpper(chi, df);
    return new Result(chi, df, p, obs, exp, u, v, test.method());
  }
}

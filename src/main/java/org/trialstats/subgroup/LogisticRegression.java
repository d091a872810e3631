package org.trialstats.subgroup;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Logistic regression (binomial GLM, logit link) fitted by iteratively reweighted least squares,
 * following R's {@code glm.fit} (R Core Team, {@code stats} package; McCullagh &amp; Nelder,
 * <i>Generalized Linear Models</i>, 2nd ed., 1989, section 2.5): start at {@code mu = (y + 0.5) /
 * 2}, working response {@code z = eta + (y - mu) / mu'(eta)}, weights {@code mu'(eta)^2 / (mu (1 -
 * mu))}, convergence when {@code |dev - dev_old| / (|dev| + 0.1) < epsilon}. The inverse link
 * clamps {@code eta} to [-30, 30] like R's {@code binomial()$linkinv}, so a separated fit stays
 * finite and its log-likelihood tends to the supremum.
 *
 * <p>Aliased columns (linearly dependent on earlier columns, e.g. an interaction for a subgroup
 * level that holds only one arm) are dropped before fitting, as R's pivoting QR does; their
 * coefficients are reported as NaN. Separation (a fitted probability within 1e-8 of 0 or 1, which
 * happens when a covariate pattern has all or no responders) is flagged: the coefficients then
 * diverge and are not estimable, while the log-likelihood (and a likelihood-ratio test built on it)
 * converges to its finite limit.
 *
 * <p>Own implementation rather than Smile 2.6.0's {@code smile.glm.GLM}: see {@code
 * docs/subgroup.md} (native BLAS dependency, absolute 1e-5 deviance stopping rule, no aliasing or
 * separation handling).
 */
public final class LogisticRegression {
  private LogisticRegression() {}

  /** R's {@code glm.control()} default is 1e-8; we iterate further to match R to 1e-6. */
  public static final double EPSILON = 1e-12;

  public static final int MAX_ITERATIONS = 100;

  private static final double THRESH = 30;
  private static final double DBL_EPS = Math.ulp(1.0);

  /**
   * The fit.
   *
   * @param coefficients one per design column; NaN for aliased columns
   * @param stdErrors Wald standard errors from the inverse information; NaN for aliased columns
   * @param aliased columns dropped as linearly dependent on earlier ones
   * @param logLik maximised log-likelihood (the limit under separation)
   * @param deviance residual deviance {@code -2 logLik} (binary response)
   * @param rank number of estimated coefficients
   * @param iterations IRLS iterations used
   * @param converged whether the deviance criterion was met
   * @param separated whether some fitted probability is within 1e-8 of 0 or 1
   */
  public record Fit(
      double[] coefficients,
      double[] stdErrors,
      boolean[] aliased,
      double logLik,
      double deviance,
      int rank,
      int iterations,
      boolean converged,
      boolean separated) {}

  /**
   * Fits {@code y ~ x} (no implicit intercept: include a column of ones).
   *
   * @param x design matrix, {@code x[i]} = the covariates of subject i
   * @param y responses, 0 or 1
   */
  public static Fit fit(double[][] x, double[] y) {
    int n = y.length;
    if (n == 0 || x.length != n) {
      throw new IllegalArgumentException("x and y must have the same positive number of rows");
    }
    int p = x[0].length;
    for (double v : y) {
      if (v != 0 && v != 1) {
        throw new IllegalArgumentException("y must be 0 or 1");
      }
    }
    boolean[] aliased = aliased(x, p);
    int[] keep = new int[p];
    int q = 0;
    for (int j = 0; j < p; j++) {
      if (!aliased[j]) {
        keep[q++] = j;
      }
    }
    double[] eta = new double[n];
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = (y[i] + 0.5) / 2;
      eta[i] = Math.log(mu[i] / (1 - mu[i]));
    }
    double dev = deviance(y, mu);
    double[] beta = new double[q];
    boolean converged = false;
    int iter = 0;
    RealMatrix info = null;
    while (iter < MAX_ITERATIONS) {
      iter++;
      double[][] a = new double[n][q];
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        double d = muEta(eta[i]);
        double w = Math.sqrt(d * d / (mu[i] * (1 - mu[i])));
        z[i] = (eta[i] + (y[i] - mu[i]) / d) * w;
        for (int k = 0; k < q; k++) {
          a[i][k] = x[i][keep[k]] * w;
        }
      }
      RealMatrix am = new Array2DRowRealMatrix(a, false);
      double[] next =
          new QRDecomposition(am, 0).getSolver().solve(new ArrayRealVector(z, false)).toArray();
      double[] newEta = new double[n];
      double[] newMu = new double[n];
      linear(x, keep, next, newEta, newMu);
      double newDev = deviance(y, newMu);
      // Step halving when the deviance is not finite (R's glm.fit does the same).
      int halvings = 0;
      while (!Double.isFinite(newDev) && halvings < 30) {
        for (int k = 0; k < q; k++) {
          next[k] = (next[k] + beta[k]) / 2;
        }
        linear(x, keep, next, newEta, newMu);
        newDev = deviance(y, newMu);
        halvings++;
      }
      beta = next;
      eta = newEta;
      mu = newMu;
      info = am.transpose().multiply(am);
      boolean done = Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1) < EPSILON;
      dev = newDev;
      if (done) {
        converged = true;
        break;
      }
    }
    // Information at the final estimate (R reports the weights of the last iteration; at
    // convergence the difference is below the tolerance).
    double[][] a = new double[n][q];
    for (int i = 0; i < n; i++) {
      double d = muEta(eta[i]);
      double w = Math.sqrt(d * d / (mu[i] * (1 - mu[i])));
      for (int k = 0; k < q; k++) {
        a[i][k] = x[i][keep[k]] * w;
      }
    }
    RealMatrix am = new Array2DRowRealMatrix(a, false);
    info = am.transpose().multiply(am);
    RealMatrix cov = new LUDecomposition(info, 0).getSolver().getInverse();
    double[] coef = new double[p];
    double[] se = new double[p];
    Arrays.fill(coef, Double.NaN);
    Arrays.fill(se, Double.NaN);
    for (int k = 0; k < q; k++) {
      coef[keep[k]] = beta[k];
      se[keep[k]] = Math.sqrt(cov.getEntry(k, k));
    }
    boolean separated = false;
    for (double m : mu) {
      if (m < 1e-8 || m > 1 - 1e-8) {
        separated = true;
        break;
      }
    }
    return new Fit(coef, se, aliased, -dev / 2, dev, q, iter, converged, separated);
  }

  private static void linear(double[][] x, int[] keep, double[] b, double[] eta, double[] mu) {
    for (int i = 0; i < x.length; i++) {
      double e = 0;
      for (int k = 0; k < b.length; k++) {
        e += x[i][keep[k]] * b[k];
      }
      eta[i] = e;
      mu[i] = linkInv(e);
    }
  }

  /** R's {@code binomial()$linkinv}: eta clamped to [-30, 30]. */
  static double linkInv(double eta) {
    double t = eta < -THRESH ? DBL_EPS : eta > THRESH ? 1 / DBL_EPS : Math.exp(eta);
    return t / (1 + t);
  }

  /** R's {@code binomial()$mu.eta}: at least machine epsilon. */
  static double muEta(double eta) {
    double opexp = 1 + Math.exp(eta);
    double d = (eta > THRESH || eta < -THRESH) ? DBL_EPS : Math.exp(eta) / (opexp * opexp);
    return Math.max(d, DBL_EPS);
  }

  /** Binary-response deviance {@code -2 sum(y log mu + (1 - y) log(1 - mu))}. */
  static double deviance(double[] y, double[] mu) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += y[i] == 1 ? Math.log(mu[i]) : Math.log1p(-mu[i]);
    }
    return -2 * s;
  }

  /**
   * Columns linearly dependent on earlier columns (modified Gram–Schmidt with a relative tolerance
   * of 1e-7, R's {@code lm} default), in column order like R's pivoting.
   */
  static boolean[] aliased(double[][] x, int p) {
    int n = x.length;
    boolean[] out = new boolean[p];
    double[][] basis = new double[p][];
    int m = 0;
    for (int j = 0; j < p; j++) {
      double[] v = new double[n];
      double norm0 = 0;
      for (int i = 0; i < n; i++) {
        v[i] = x[i][j];
        norm0 += v[i] * v[i];
      }
      for (int k = 0; k < m; k++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += v[i] * basis[k][i];
        }
        for (int i = 0; i < n; i++) {
          v[i] -= dot * basis[k][i];
        }
      }
      double norm = 0;
      for (double e : v) {
        norm += e * e;
      }
      if (norm0 == 0 || Math.sqrt(norm) <= 1e-7 * Math.sqrt(norm0)) {
        out[j] = true;
        continue;
      }
      double s = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        v[i] /= s;
      }
      basis[m++] = v;
    }
    return out;
  }
}

package org.trialstats.preclinical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Four-parameter logistic dose-response fit by nonlinear least squares (Commons Math 3
 * Levenberg–Marquardt, analytic Jacobian):
 *
 * <pre>  y = bottom + (top − bottom) / (1 + 10^((log10 IC50 − log10 x) · hill))</pre>
 *
 * the "log(inhibitor) vs. response, variable slope" form (GraphPad); it is R's {@code SSfpl} on
 * log(x) with A = bottom, B = top, xmid = ln IC50, scal = 1/hill. Bottom and top may be fixed. When
 * both are free they are reported with bottom ≤ top, so a decreasing (inhibition) curve has a
 * negative Hill slope. The IC50 is the relative (mid-curve) IC50. Standard errors are the
 * asymptotic (Wald) ones of R {@code summary.nls}: s²(JᵀJ)⁻¹ with s² = RSS/(n − p); intervals are
 * estimate ± t(1 − α/2; n − p)·SE on log10 IC50 (and on each parameter), back-transformed for the
 * IC50 (as GraphPad's asymptotic CI; R {@code confint.default} would use the normal quantile).
 */
public final class FourParameterLogistic {
  private FourParameterLogistic() {}

  private static final double LN10 = Math.log(10);

  /**
   * A fit. Parameters that were fixed have NaN standard errors; {@code converged} false means no
   * start converged (estimates NaN, {@code note} says why).
   */
  public record Fit(
      double bottom,
      double top,
      double log10Ic50,
      double hill,
      double seBottom,
      double seTop,
      double seLog10Ic50,
      double seHill,
      boolean bottomFixed,
      boolean topFixed,
      int n,
      int df,
      double rss,
      double residualSe,
      double rSquared,
      double level,
      double tQuantile,
      double minConc,
      double maxConc,
      boolean converged,
      String note) {

    /** Note prefix of a fit whose IC50 (and Hill slope) cannot be estimated. */
    public static final String NOT_ESTIMABLE = "IC50 not estimable";

    /**
     * Whether the IC50, log10 IC50 and Hill slope are estimable: the fit converged and the gradient
     * at the solution is not singular. A singular gradient (e.g. a trendless response, where the
     * least-squares curve is a flat line with an arbitrary step) leaves the location and steepness
     * unidentified, so they are reported empty with the note.
     */
    public boolean ic50Estimable() {
      return converged && (note == null || !note.startsWith(NOT_ESTIMABLE));
    }

    /** The IC50 on the concentration scale. */
    public double ic50() {
      return Math.pow(10, log10Ic50);
    }

    /** {low, high} for log10 IC50: estimate ± t·SE. */
    public double[] log10Ic50Ci() {
      return new double[] {
        log10Ic50 - tQuantile * seLog10Ic50, log10Ic50 + tQuantile * seLog10Ic50
      };
    }

    /** {low, high} for the IC50: 10^(log10 interval). */
    public double[] ic50Ci() {
      double[] l = log10Ic50Ci();
      return new double[] {Math.pow(10, l[0]), Math.pow(10, l[1])};
    }

    /** {low, high} for a parameter: estimate ± t·SE. */
    public static double[] wald(double est, double se, double t) {
      return new double[] {est - t * se, est + t * se};
    }

    /** The fitted response at concentration x &gt; 0. */
    public double predict(double x) {
      return value(bottom, top, log10Ic50, hill, Math.log10(x));
    }
  }

  static double value(double b, double t, double l, double h, double lx) {
    double z = LN10 * (l - lx) * h;
    return b + (t - b) * logistic(-z);
  }

  /** 1/(1 + e^−z), stable for large |z|. */
  private static double logistic(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** The number of free parameters given the fixed ones (NaN = free). */
  public static int freeParameters(double fixedBottom, double fixedTop) {
    return 2 + (Double.isNaN(fixedBottom) ? 1 : 0) + (Double.isNaN(fixedTop) ? 1 : 0);
  }

  /**
   * Fits the curve. Concentrations must be positive; there must be more points than free
   * parameters, at least as many distinct concentrations as free parameters, and some variation in
   * y (the command checks these and reports them as input errors).
   *
   * @param fixedBottom bottom value to hold fixed, NaN to estimate it
   * @param fixedTop top value to hold fixed, NaN to estimate it
   */
  public static Fit fit(
      double[] conc, double[] y, double fixedBottom, double fixedTop, double level) {
    int n = conc.length;
    int p = freeParameters(fixedBottom, fixedTop);
    if (y.length != n || n <= p) {
      throw new IllegalArgumentException("need more points than the " + p + " free parameters");
    }
    double[] lx = new double[n];
    double minC = Double.POSITIVE_INFINITY;
    double maxC = 0;
    for (int i = 0; i < n; i++) {
      if (!(conc[i] > 0)) {
        throw new IllegalArgumentException("concentrations must be positive");
      }
      lx[i] = Math.log10(conc[i]);
      minC = Math.min(minC, conc[i]);
      maxC = Math.max(maxC, conc[i]);
    }
    double ymin = Arrays.stream(y).min().orElseThrow();
    double ymax = Arrays.stream(y).max().orElseThrow();
    if (!(ymax > ymin)) {
      throw new IllegalArgumentException("flat response");
    }
    boolean fb = !Double.isNaN(fixedBottom);
    boolean ft = !Double.isNaN(fixedTop);

    // Starting values: plateaus from the extremes, log IC50 where the response crosses the middle,
    // Hill slope ±1 by the sign of the trend; a few alternatives, the best converged fit wins.
    double slopeSign = Math.signum(covariance(lx, y));
    if (slopeSign == 0) {
      slopeSign = 1;
    }
    double b0 = fb ? fixedBottom : ymin;
    double t0 = ft ? fixedTop : ymax;
    double mid = (b0 + t0) / 2;
    double l0 = lx[0];
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (Math.abs(y[i] - mid) < best) {
        best = Math.abs(y[i] - mid);
        l0 = lx[i];
      }
    }
    double lmid = (Math.log10(minC) + Math.log10(maxC)) / 2;
    List<double[]> starts = new ArrayList<>();
    for (double h : new double[] {1, 0.5, 2, -1, -0.5, -2}) {
      starts.add(new double[] {b0, t0, l0, slopeSign * h});
      starts.add(new double[] {b0, t0, lmid, slopeSign * h});
    }
    LeastSquaresOptimizer.Optimum bestOpt = null;
    for (double[] s : starts) {
      try {
        LeastSquaresOptimizer.Optimum opt = optimise(lx, y, fb, ft, fixedBottom, fixedTop, s);
        if (bestOpt == null || opt.getCost() < bestOpt.getCost() - 1e-12 * bestOpt.getCost()) {
          bestOpt = opt;
        }
      } catch (RuntimeException e) { // too many iterations, non-finite steps: try the next start
        continue;
      }
    }
    double nan = Double.NaN;
    if (bestOpt == null) {
      return new Fit(
          nan,
          nan,
          nan,
          nan,
          nan,
          nan,
          nan,
          nan,
          fb,
          ft,
          n,
          n - p,
          nan,
          nan,
          nan,
          level,
          nan,
          minC,
          maxC,
          false,
          "IC50 not estimable: the fit did not converge from "
              + starts.size()
              + " starting values (no sigmoid trend?)");
    }
    double[] par = full(bestOpt.getPoint().toArray(), fb, ft, fixedBottom, fixedTop);
    double rss = bestOpt.getCost() * bestOpt.getCost();
    int df = n - p;
    double s2 = rss / df;
    double[] se = new double[4];
    Arrays.fill(se, nan);
    String note = null;
    try {
      RealMatrix cov = bestOpt.getCovariances(1e-14);
      int k = 0;
      for (int j = 0; j < 4; j++) {
        if ((j == 0 && fb) || (j == 1 && ft)) {
          continue;
        }
        se[j] = Math.sqrt(cov.getEntry(k, k) * s2);
        k++;
      }
    } catch (SingularMatrixException e) {
      note = "IC50 not estimable: singular gradient at the solution (parameters not identifiable)";
    }
    if (!fb && !ft && par[0] > par[1]) { // same curve, labelled so that bottom <= top
      double tmp = par[0];
      par[0] = par[1];
      par[1] = tmp;
      par[3] = -par[3];
      tmp = se[0];
      se[0] = se[1];
      se[1] = tmp;
    }
    double ym = TTests.mean(y);
    double tss = 0;
    for (double v : y) {
      tss += (v - ym) * (v - ym);
    }
    double ic50 = Math.pow(10, par[2]);
    if (note == null && (ic50 < minC || ic50 > maxC)) {
      note = "IC50 outside the tested concentration range (extrapolated)";
    }
    return new Fit(
        par[0],
        par[1],
        par[2],
        par[3],
        se[0],
        se[1],
        se[2],
        se[3],
        fb,
        ft,
        n,
        df,
        rss,
        Math.sqrt(s2),
        1 - rss / tss,
        level,
        TTests.quantile(level, df),
        minC,
        maxC,
        true,
        note);
  }

  private static double covariance(double[] a, double[] b) {
    double ma = TTests.mean(a);
    double mb = TTests.mean(b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - ma) * (b[i] - mb);
    }
    return s;
  }

  /** The 4 parameters [bottom, top, log10 IC50, hill] from the free ones. */
  private static double[] full(double[] free, boolean fb, boolean ft, double b, double t) {
    double[] p = new double[4];
    int k = 0;
    p[0] = fb ? b : free[k++];
    p[1] = ft ? t : free[k++];
    p[2] = free[k++];
    p[3] = free[k];
    return p;
  }

  private static LeastSquaresOptimizer.Optimum optimise(
      double[] lx, double[] y, boolean fb, boolean ft, double b, double t, double[] start) {
    int n = lx.length;
    int p = 2 + (fb ? 0 : 1) + (ft ? 0 : 1);
    MultivariateJacobianFunction model =
        point -> {
          double[] q = full(point.toArray(), fb, ft, b, t);
          double[] v = new double[n];
          double[][] jac = new double[n][p];
          for (int i = 0; i < n; i++) {
            double z = LN10 * (q[2] - lx[i]) * q[3];
            double s = logistic(-z); // 1 / (1 + 10^((L - lx) h))
            v[i] = q[0] + (q[1] - q[0]) * s;
            double ds = -s * (1 - s) * LN10; // d s / d((L - lx) h)
            int k = 0;
            if (!fb) {
              jac[i][k++] = 1 - s;
            }
            if (!ft) {
              jac[i][k++] = s;
            }
            jac[i][k++] = (q[1] - q[0]) * ds * q[3];
            jac[i][k] = (q[1] - q[0]) * ds * (q[2] - lx[i]);
          }
          return new Pair<RealVector, RealMatrix>(
              new ArrayRealVector(v, false), new Array2DRowRealMatrix(jac, false));
        };
    double[] s0 = new double[p];
    int k = 0;
    if (!fb) {
      s0[k++] = start[0];
    }
    if (!ft) {
      s0[k++] = start[1];
    }
    s0[k++] = start[2];
    s0[k] = start[3];
    LeastSquaresProblem problem =
        new LeastSquaresBuilder()
            .model(model)
            .target(y)
            .start(s0)
            .maxEvaluations(1000)
            .maxIterations(500)
            .build();
    LeastSquaresOptimizer.Optimum opt =
        new LevenbergMarquardtOptimizer()
            .withCostRelativeTolerance(1e-15)
            .withParameterRelativeTolerance(1e-15)
            .withOrthoTolerance(1e-15)
            .optimize(problem);
    if (!Double.isFinite(opt.getCost())) {
      throw new IllegalStateException("non-finite residuals");
    }
    return opt;
  }
}

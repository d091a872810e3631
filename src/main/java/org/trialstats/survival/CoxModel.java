package org.trialstats.survival;

import java.util.Arrays;

/**
 * Cox proportional hazards regression for right-censored data, optionally stratified (a separate
 * baseline hazard per stratum), fitted by Newton-Raphson with step halving.
 *
 * <p>The iteration follows R {@code survival::coxph} ({@code coxph.fit} / C {@code coxfit6},
 * Therneau): start at beta = 0; the score test is {@code u' I^-1 u} there; each step solves {@code
 * I step = u} by a Cholesky (LDL') decomposition with R's tolerance {@code toler.chol =
 * eps_machine^0.75}; a step that lowers the log-likelihood is halved towards the last good estimate
 * ({@code (new + h * old) / (h + 1)} with h counting halvings); convergence when {@code |1 - l_best
 * / l_new| <= eps} ({@code eps = 1e-9}, at most {@code iter.max = 20} iterations). After
 * convergence a coefficient is flagged infinite (monotone likelihood) with R's test {@code |(u'
 * V)_j| > eps} and {@code > sqrt(eps) |beta_j|}.
 *
 * <p>Risk-set sums are accumulated in one backward pass over the data sorted by stratum and time
 * ({@code O(n p^2)} per iteration, no per-subject objects): Breslow (1974) and Efron (1977) ties as
 * in Therneau and Grambsch (2000, Modeling Survival Data, sec. 3.3); exact (discrete) ties by the
 * recursion of Gail, Lubin and Rubinstein (1981) on the risk set (as R {@code coxexact}, here in a
 * rolling form with cost {@code O(n d_max p^2)}, d_max the largest number of tied events).
 */
public final class CoxModel {
  private CoxModel() {}

  /**
   * Iteration controls ({@code survival::coxph.control} defaults in {@link #DEFAULT}).
   *
   * @param iterMax maximum Newton-Raphson iterations (20)
   * @param eps convergence tolerance on the relative change in log-likelihood (1e-9)
   * @param tolerChol pivot tolerance of the Cholesky decomposition (machine eps^0.75)
   * @param tolerInf relative tolerance of the infinite-coefficient check (sqrt(eps))
   * @param gconv NaN for R's rule; otherwise SAS PROC PHREG's relative gradient rule (MODEL option
   *     GCONV=, default 1e-8): at the current estimate b_j with score u_j and information I_j the
   *     iteration stops, reporting b_j, when {@code u_j' I_j^-1 u_j / (|l(b_j)| + 1e-6) < gconv};
   *     otherwise the Newton step {@code I_j^-1 u_j} is taken, halved while it lowers the
   *     log-likelihood (SAS/STAT PHREG "Newton-Raphson Method"). R checks the relative change of
   *     the log-likelihood after a step, so it usually takes one step more and the estimates differ
   *     in about the 5th significant digit (CAMIS "R vs SAS - Kaplan Meier and Cox", reason 3); the
   *     SAS rule reproduces PHREG's printed estimates (SasPhregReferenceTest)
   */
  public record Control(int iterMax, double eps, double tolerChol, double tolerInf, double gconv) {
    public static final Control DEFAULT =
        new Control(20, 1e-9, Math.pow(Math.ulp(1.0), 0.75), Math.sqrt(1e-9));

    /** R's convergence rule (relative change in log-likelihood below {@code eps}). */
    public Control(int iterMax, double eps, double tolerChol, double tolerInf) {
      this(iterMax, eps, tolerChol, tolerInf, Double.NaN);
    }

    /**
     * The same controls with SAS PROC PHREG's default convergence rule instead of R's: the relative
     * gradient criterion {@code GCONV=1E-8} (see {@link #gconv}).
     */
    public Control sasConvergence() {
      return new Control(iterMax, eps, tolerChol, tolerInf, SAS_GCONV);
    }

    /** True when the SAS relative-gradient rule is used. */
    public boolean sasRule() {
      return !Double.isNaN(gconv);
    }
  }

  /** SAS PROC PHREG's default relative gradient convergence criterion (MODEL option GCONV=). */
  public static final double SAS_GCONV = 1e-8;

  /**
   * The largest amount of work (subjects x largest tie set x derivative terms) accepted for exact
   * ties in one likelihood evaluation.
   */
  public static final double EXACT_WORK_LIMIT = 4e9;

  /**
   * Fits with the default controls. See {@link #fit(double[], boolean[], int[], double[][],
   * CoxTies, Control)}.
   */
  public static CoxFit fit(
      double[] time, boolean[] event, int[] stratum, double[][] x, CoxTies ties) {
    return fit(time, event, stratum, x, ties, Control.DEFAULT);
  }

  /**
   * Fits a Cox model.
   *
   * @param time follow-up times (any order; already ascending data skips the sort)
   * @param event true for an event, false for censored
   * @param stratum stratum index per subject (0..), or null for no strata
   * @param x design columns: {@code x[j][i]} is covariate j of subject i (at least one column)
   * @param ties tie handling
   */
  public static CoxFit fit(
      double[] time, boolean[] event, int[] stratum, double[][] x, CoxTies ties, Control ctl) {
    int n = time.length;
    int p = x.length;
    if (p == 0) {
      throw new IllegalArgumentException("at least one covariate is needed");
    }
    if (event.length != n || (stratum != null && stratum.length != n)) {
      throw new IllegalArgumentException("arrays of different lengths");
    }
    for (double[] c : x) {
      if (c.length != n) {
        throw new IllegalArgumentException("covariate of wrong length");
      }
    }
    Sorted s = Sorted.of(time, event, stratum, x);
    Evaluator ev = ties == CoxTies.EXACT ? new ExactEvaluator(s) : new ApproxEvaluator(s, ties);
    return newton(ev, s.n, s.events, p, ties, ctl);
  }

  /** Computes the log partial likelihood, score and information at beta. */
  interface Evaluator {
    /** Fills {@code u} (length p) and {@code imat} (p x p, full) and returns the loglik. */
    double eval(double[] beta, double[] u, double[][] imat);
  }

  /**
   * Newton-Raphson with SAS PROC PHREG's stopping rule (see {@link Control#gconv}); the step and
   * the step halving are the same as in R's iteration.
   */
  static CoxFit newtonSas(Evaluator ev, int n, int events, int p, CoxTies ties, Control ctl) {
    double[] beta = new double[p];
    double[] u = new double[p];
    double[][] imat = new double[p][p];
    double loglik0 = ev.eval(beta, u, imat);
    double loglik = loglik0;
    Ldl f = Ldl.of(imat, ctl.tolerChol);
    double sctest = 0;
    boolean converged = false;
    int iter;
    for (iter = 0; iter <= ctl.iterMax; iter++) {
      double[] step = f.solve(u);
      double crit = 0;
      for (int i = 0; i < p; i++) {
        crit += u[i] * step[i];
      }
      if (iter == 0) {
        sctest = crit;
      }
      if (Math.abs(crit) / (Math.abs(loglik) + 1e-6) < ctl.gconv) {
        converged = true;
        break;
      }
      if (iter == ctl.iterMax) {
        break;
      }
      double[] newbeta = new double[p];
      double newlk = Double.NaN;
      for (int halving = 0; halving <= 30; halving++) {
        double scale = Math.scalb(1.0, -halving);
        for (int i = 0; i < p; i++) {
          newbeta[i] = beta[i] + scale * step[i];
        }
        newlk = ev.eval(newbeta, u, imat);
        if (Double.isFinite(newlk) && newlk >= loglik) {
          break;
        }
      }
      if (!Double.isFinite(newlk)) {
        loglik = ev.eval(beta, u, imat);
        break;
      }
      beta = newbeta;
      loglik = newlk;
      f = Ldl.of(imat, ctl.tolerChol);
    }
    // Monotone likelihood (a diverging coefficient) is judged as R does, on the R iteration: at
    // SAS's earlier stop the remaining step is not yet small enough for R's relative test.
    boolean[] infinite = newtonR(ev, n, events, p, ties, ctl).infinite();
    return finish(
        n,
        events,
        p,
        ties,
        ctl,
        beta,
        u,
        imat,
        f,
        loglik0,
        loglik,
        sctest,
        Math.min(iter, ctl.iterMax),
        converged,
        infinite);
  }

  /** Newton-Raphson with step halving as R coxfit6 (see the class comment). */
  static CoxFit newton(Evaluator ev, int n, int events, int p, CoxTies ties, Control ctl) {
    if (ctl.sasRule()) {
      return newtonSas(ev, n, events, p, ties, ctl);
    }
    return newtonR(ev, n, events, p, ties, ctl);
  }

  private static CoxFit newtonR(Evaluator ev, int n, int events, int p, CoxTies ties, Control ctl) {
    double[] beta = new double[p];
    double[] newbeta = new double[p];
    double[] u = new double[p];
    double[][] imat = new double[p][p];
    double loglik0 = ev.eval(beta, u, imat);
    Ldl f = Ldl.of(imat, ctl.tolerChol);
    double[] a = f.solve(u);
    double sctest = 0;
    for (int i = 0; i < p; i++) {
      sctest += u[i] * a[i];
    }
    double best = loglik0;
    for (int i = 0; i < p; i++) {
      newbeta[i] = beta[i] + a[i];
    }
    int halving = 0;
    boolean converged = false;
    int iter;
    double loglik = loglik0;
    double[] finalBeta = beta;
    for (iter = 1; iter <= ctl.iterMax; iter++) {
      double newlk = ev.eval(newbeta, u, imat);
      f = Ldl.of(imat, ctl.tolerChol);
      boolean finite = Double.isFinite(newlk);
      for (int i = 0; i < p && finite; i++) {
        finite = Double.isFinite(u[i]);
        for (int j = 0; j < p && finite; j++) {
          finite = Double.isFinite(imat[i][j]);
        }
      }
      if (finite && Math.abs(1 - best / newlk) <= ctl.eps) {
        converged = true;
        loglik = newlk;
        finalBeta = newbeta.clone();
        break;
      }
      if (!finite || newlk < best) {
        halving++;
        for (int i = 0; i < p; i++) {
          newbeta[i] = (newbeta[i] + halving * beta[i]) / (halving + 1.0);
        }
      } else {
        halving = 0;
        best = newlk;
        double[] step = f.solve(u);
        for (int i = 0; i < p; i++) {
          beta[i] = newbeta[i];
          newbeta[i] = newbeta[i] + step[i];
        }
      }
    }
    if (!converged) {
      iter = ctl.iterMax;
      finalBeta = beta.clone();
      loglik = ev.eval(finalBeta, u, imat);
      f = Ldl.of(imat, ctl.tolerChol);
    }
    return finish(
        n, events, p, ties, ctl, finalBeta, u, imat, f, loglik0, loglik, sctest, iter, converged,
        null);
  }

  /** Variance, infinite/aliased flags and the Wald test at the final estimate. */
  private static CoxFit finish(
      int n,
      int events,
      int p,
      CoxTies ties,
      Control ctl,
      double[] finalBeta,
      double[] u,
      double[][] imat,
      Ldl f,
      double loglik0,
      double loglik,
      double sctest,
      int iter,
      boolean converged,
      boolean[] infiniteOverride) {
    double[][] var = f.inverse();
    boolean[] aliased = new boolean[p];
    boolean[] infinite = new boolean[p];
    for (int j = 0; j < p; j++) {
      aliased[j] = f.zero[j];
      double inf = 0;
      for (int i = 0; i < p; i++) {
        inf += u[i] * var[i][j];
      }
      inf = Math.abs(inf);
      infinite[j] =
          !aliased[j]
              && (infiniteOverride != null
                  ? infiniteOverride[j]
                  : !Double.isFinite(u[j])
                      || (inf > ctl.eps && inf > ctl.tolerInf * Math.abs(finalBeta[j])));
    }
    // Wald test b' V^- b over the estimable columns (= b' I b there), as R's coxph.wtest.
    double wald = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        if (!aliased[i] && !aliased[j]) {
          wald += finalBeta[i] * imat[i][j] * finalBeta[j];
        }
      }
    }
    return new CoxFit(
        ties, n, events, finalBeta, var, loglik0, loglik, sctest, wald, iter, converged, infinite,
        aliased, f.rank);
  }

  /** Data sorted by (stratum, time) with covariates centred; strata as index ranges. */
  static final class Sorted {
    final int n;
    final int p;
    final int events;
    final double[] time;
    final boolean[] event;
    final double[][] x;

    /** Stratum k occupies [start[k], start[k+1]). */
    final int[] start;

    private Sorted(double[] time, boolean[] event, double[][] x, int[] start, int events) {
      this.n = time.length;
      this.p = x.length;
      this.time = time;
      this.event = event;
      this.x = x;
      this.start = start;
      this.events = events;
    }

    static Sorted of(double[] time, boolean[] event, int[] stratum, double[][] x) {
      int n = time.length;
      int[] byTime = Sorting.orderBy(time);
      int nStrata = 1;
      if (stratum != null) {
        for (int v : stratum) {
          if (v < 0) {
            throw new IllegalArgumentException("negative stratum index");
          }
          nStrata = Math.max(nStrata, v + 1);
        }
      }
      // Stable counting sort of the time order by stratum.
      int[] count = new int[nStrata + 1];
      for (int i = 0; i < n; i++) {
        count[(stratum == null ? 0 : stratum[i]) + 1]++;
      }
      for (int k = 0; k < nStrata; k++) {
        count[k + 1] += count[k];
      }
      int[] start = count.clone();
      int[] order = new int[n];
      int[] next = Arrays.copyOf(count, nStrata);
      for (int i : byTime) {
        order[next[stratum == null ? 0 : stratum[i]]++] = i;
      }
      double[] t = new double[n];
      boolean[] e = new boolean[n];
      int events = 0;
      for (int k = 0; k < n; k++) {
        t[k] = time[order[k]];
        if (!(t[k] >= 0) || Double.isInfinite(t[k])) {
          throw new IllegalArgumentException("times must be finite and non-negative");
        }
        e[k] = event[order[k]];
        if (e[k]) {
          events++;
        }
      }
      double[][] xs = new double[x.length][n];
      for (int j = 0; j < x.length; j++) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
          mean += x[j][i];
        }
        mean /= n;
        for (int k = 0; k < n; k++) {
          xs[j][k] = x[j][order[k]] - mean;
        }
      }
      return new Sorted(t, e, xs, start, events);
    }
  }

  /** Breslow and Efron ties: one backward pass per stratum. */
  static final class ApproxEvaluator implements Evaluator {
    private final Sorted s;
    private final boolean efron;
    private final double[] a;
    private final double[] a2;
    private final double[][] c;
    private final double[][] c2;
    private final double[] xi;

    ApproxEvaluator(Sorted s, CoxTies ties) {
      this.s = s;
      this.efron = ties == CoxTies.EFRON;
      int p = s.p;
      a = new double[p];
      a2 = new double[p];
      c = new double[p][p];
      c2 = new double[p][p];
      xi = new double[p];
    }

    @Override
    public double eval(double[] beta, double[] u, double[][] imat) {
      int p = s.p;
      double[][] x = s.x;
      Arrays.fill(u, 0);
      for (double[] r : imat) {
        Arrays.fill(r, 0);
      }
      double loglik = 0;
      for (int k = 0; k + 1 < s.start.length; k++) {
        int lo = s.start[k];
        int hi = s.start[k + 1];
        double denom = 0;
        Arrays.fill(a, 0);
        for (double[] r : c) {
          Arrays.fill(r, 0);
        }
        int i = hi - 1;
        while (i >= lo) {
          double t = s.time[i];
          int ndead = 0;
          double denom2 = 0;
          Arrays.fill(a2, 0);
          for (double[] r : c2) {
            Arrays.fill(r, 0);
          }
          // One block of tied times: censored join the risk set, deaths are held apart.
          while (i >= lo && s.time[i] == t) {
            double eta = 0;
            for (int j = 0; j < p; j++) {
              xi[j] = x[j][i];
              eta += beta[j] * xi[j];
            }
            double risk = Math.exp(eta);
            if (s.event[i]) {
              ndead++;
              denom2 += risk;
              loglik += eta;
              for (int j = 0; j < p; j++) {
                u[j] += xi[j];
                double rx = risk * xi[j];
                a2[j] += rx;
                for (int l = 0; l <= j; l++) {
                  c2[j][l] += rx * xi[l];
                }
              }
            } else {
              denom += risk;
              for (int j = 0; j < p; j++) {
                double rx = risk * xi[j];
                a[j] += rx;
                for (int l = 0; l <= j; l++) {
                  c[j][l] += rx * xi[l];
                }
              }
            }
            i--;
          }
          if (ndead == 0) {
            continue;
          }
          if (!efron || ndead == 1) {
            denom += denom2;
            loglik -= ndead * Math.log(denom);
            for (int j = 0; j < p; j++) {
              a[j] += a2[j];
            }
            for (int j = 0; j < p; j++) {
              double mj = a[j] / denom;
              u[j] -= ndead * mj;
              for (int l = 0; l <= j; l++) {
                c[j][l] += c2[j][l];
                imat[j][l] += ndead * (c[j][l] - mj * a[l]) / denom;
              }
            }
          } else {
            // Efron: the tied deaths leave the risk set in ndead equal fractions.
            for (int m = 0; m < ndead; m++) {
              denom += denom2 / ndead;
              loglik -= Math.log(denom);
              for (int j = 0; j < p; j++) {
                a[j] += a2[j] / ndead;
              }
              for (int j = 0; j < p; j++) {
                double mj = a[j] / denom;
                u[j] -= mj;
                for (int l = 0; l <= j; l++) {
                  c[j][l] += c2[j][l] / ndead;
                  imat[j][l] += (c[j][l] - mj * a[l]) / denom;
                }
              }
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

  /**
   * Exact (discrete) ties: at each event time with d tied events among the risk set R, the
   * contribution is {@code sum_D eta - log B(d)} with {@code B(d) = sum over d-subsets S of R of
   * exp(sum_S eta)}. B and its first and second derivatives follow the recursion {@code B(k, m) =
   * B(k, m-1) + r_m B(k-1, m-1)} (Gail et al. 1981) over subjects in descending time, so one
   * rolling array of length d_max + 1 per derivative suffices. Each order k keeps its own scale
   * (log) so that large risk sets do not overflow.
   */
  static final class ExactEvaluator implements Evaluator {
    private static final double BIG = 1e150;
    private static final double LOG_BIG = Math.log(BIG);
    private final Sorted s;
    private final int[] maxDead;

    ExactEvaluator(Sorted s) {
      this.s = s;
      int nStrata = s.start.length - 1;
      maxDead = new int[nStrata];
      double work = 0;
      int p = s.p;
      for (int k = 0; k < nStrata; k++) {
        int i = s.start[k];
        int md = 0;
        while (i < s.start[k + 1]) {
          double t = s.time[i];
          int d = 0;
          while (i < s.start[k + 1] && s.time[i] == t) {
            if (s.event[i]) {
              d++;
            }
            i++;
          }
          md = Math.max(md, d);
        }
        maxDead[k] = md;
        work += (double) (s.start[k + 1] - s.start[k]) * md * (1 + p + p * (p + 1) / 2.0);
      }
      if (work > EXACT_WORK_LIMIT) {
        int md = Arrays.stream(maxDead).max().orElse(0);
        throw new IllegalArgumentException(
            String.format(
                "exact ties: up to %d tied events in a risk set of %d subjects is too much work"
                    + " (%.3g > %.3g); use efron",
                md, s.n, work, EXACT_WORK_LIMIT));
      }
    }

    @Override
    public double eval(double[] beta, double[] u, double[][] imat) {
      int p = s.p;
      double[][] x = s.x;
      Arrays.fill(u, 0);
      for (double[] r : imat) {
        Arrays.fill(r, 0);
      }
      double loglik = 0;
      double[] xi = new double[p];
      for (int k = 0; k + 1 < s.start.length; k++) {
        int lo = s.start[k];
        int hi = s.start[k + 1];
        int kmax = maxDead[k];
        if (kmax == 0) {
          continue;
        }
        double[] b = new double[kmax + 1];
        double[][] db = new double[p][kmax + 1];
        double[][][] d2b = new double[p][p][kmax + 1];
        double[] scale = new double[kmax + 1];
        b[0] = 1;
        int i = hi - 1;
        while (i >= lo) {
          double t = s.time[i];
          int ndead = 0;
          while (i >= lo && s.time[i] == t) {
            double eta = 0;
            for (int j = 0; j < p; j++) {
              xi[j] = x[j][i];
              eta += beta[j] * xi[j];
            }
            double r = Math.exp(eta);
            if (s.event[i]) {
              ndead++;
              loglik += eta;
              for (int j = 0; j < p; j++) {
                u[j] += xi[j];
              }
            }
            for (int m = kmax; m >= 1; m--) {
              double bm1 = b[m - 1];
              if (bm1 == 0) {
                continue;
              }
              if (b[m] == 0) {
                scale[m] = scale[m - 1];
              }
              double f = r * (scale[m - 1] == scale[m] ? 1 : Math.exp(scale[m - 1] - scale[m]));
              for (int j = 0; j < p; j++) {
                for (int l = 0; l <= j; l++) {
                  d2b[j][l][m] +=
                      f
                          * (d2b[j][l][m - 1]
                              + xi[j] * db[l][m - 1]
                              + xi[l] * db[j][m - 1]
                              + xi[j] * xi[l] * bm1);
                }
              }
              for (int j = 0; j < p; j++) {
                db[j][m] += f * (db[j][m - 1] + xi[j] * bm1);
              }
              b[m] += f * bm1;
              if (b[m] > BIG) {
                b[m] /= BIG;
                for (int j = 0; j < p; j++) {
                  db[j][m] /= BIG;
                  for (int l = 0; l <= j; l++) {
                    d2b[j][l][m] /= BIG;
                  }
                }
                scale[m] += LOG_BIG;
              }
            }
            i--;
          }
          if (ndead == 0) {
            continue;
          }
          double b0 = b[ndead];
          loglik -= Math.log(b0) + scale[ndead];
          for (int j = 0; j < p; j++) {
            double mj = db[j][ndead] / b0;
            u[j] -= mj;
            for (int l = 0; l <= j; l++) {
              imat[j][l] += d2b[j][l][ndead] / b0 - mj * db[l][ndead] / b0;
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

  /**
   * LDL' decomposition with R's {@code cholesky2} pivot rule: a pivot below {@code toler * max
   * diagonal} is set to zero (the column is aliased); solves and inverts as R's {@code chsolve2}
   * and {@code chinv2} (aliased rows and columns of the inverse are zero).
   */
  static final class Ldl {
    final double[][] l;
    final double[] d;
    final boolean[] zero;
    final int rank;

    private Ldl(double[][] l, double[] d, boolean[] zero, int rank) {
      this.l = l;
      this.d = d;
      this.zero = zero;
      this.rank = rank;
    }

    static Ldl of(double[][] a, double toler) {
      int p = a.length;
      double[][] m = new double[p][];
      for (int i = 0; i < p; i++) {
        m[i] = a[i].clone();
      }
      double eps = 0;
      for (int i = 0; i < p; i++) {
        if (m[i][i] > eps) {
          eps = m[i][i];
        }
      }
      eps *= toler;
      double[] d = new double[p];
      boolean[] zero = new boolean[p];
      double[][] l = new double[p][p];
      int rank = 0;
      for (int i = 0; i < p; i++) {
        l[i][i] = 1;
        double pivot = m[i][i];
        if (!Double.isFinite(pivot) || pivot < eps) {
          zero[i] = true;
          d[i] = 0;
          continue;
        }
        rank++;
        d[i] = pivot;
        for (int j = i + 1; j < p; j++) {
          double temp = m[j][i] / pivot;
          l[j][i] = temp;
          m[j][j] -= temp * temp * pivot;
          for (int k = j + 1; k < p; k++) {
            m[k][j] -= temp * m[k][i];
          }
        }
      }
      return new Ldl(l, d, zero, rank);
    }

    /** Solves A x = b (aliased components 0). */
    double[] solve(double[] b) {
      int p = d.length;
      double[] y = b.clone();
      for (int i = 0; i < p; i++) {
        for (int k = 0; k < i; k++) {
          y[i] -= l[i][k] * y[k];
        }
      }
      for (int i = 0; i < p; i++) {
        y[i] = zero[i] ? 0 : y[i] / d[i];
      }
      for (int i = p - 1; i >= 0; i--) {
        for (int k = i + 1; k < p; k++) {
          y[i] -= l[k][i] * y[k];
        }
      }
      for (int i = 0; i < p; i++) {
        if (zero[i]) {
          y[i] = 0;
        }
      }
      return y;
    }

    double[][] inverse() {
      int p = d.length;
      double[][] inv = new double[p][p];
      for (int c = 0; c < p; c++) {
        double[] e = new double[p];
        e[c] = 1;
        double[] col = solve(e);
        for (int r = 0; r < p; r++) {
          inv[r][c] = zero[c] ? 0 : col[r];
        }
      }
      return inv;
    }
  }
}

package org.trialstats.response;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/** Root finding shared by the iterative intervals (Brent's method from Commons Math). */
final class Roots {
  private Roots() {}

  private static final int MAX_EVAL = 10_000;

  /**
   * The root of {@code f} in [{@code lo}, {@code hi}], where {@code f(lo)} and {@code f(hi)} have
   * opposite signs (or one is zero), to about 1e-15 absolute / 1e-14 relative accuracy.
   */
  static double brent(DoubleUnaryOperator f, double lo, double hi) {
    double flo = f.applyAsDouble(lo);
    if (flo == 0) {
      return lo;
    }
    double fhi = f.applyAsDouble(hi);
    if (fhi == 0) {
      return hi;
    }
    if (Math.signum(flo) == Math.signum(fhi)) {
      throw new IllegalStateException(
          "root not bracketed in [" + lo + ", " + hi + "]: f = " + flo + ", " + fhi);
    }
    BrentSolver s = new BrentSolver(1e-14, 1e-15, 1e-300);
    return s.solve(MAX_EVAL, f::applyAsDouble, lo, hi);
  }

  /**
   * Bisection for the switch point of a predicate: {@code ok(lo)} is false and {@code ok(hi)} is
   * true; returns the boundary to within 1e-15 (absolute) or the floating-point resolution.
   */
  static double boundary(java.util.function.DoublePredicate ok, double lo, double hi) {
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi || hi - lo < 1e-15) {
        break;
      }
      if (ok.test(mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}

package org.trialstats.survival;

/**
 * The default time grid for numbers at risk: 0 and equal steps up to the largest observed time, at
 * most about ten intervals. Steps are "round" for the unit: months 1, 2, 3, 6, 12, 24, ...; weeks
 * 1, 2, 4, 8, 13, 26, 52, ...; days and years 1, 2, 5 x 10^k.
 */
public final class RiskGrid {
  private RiskGrid() {}

  /** The grid from 0 to {@code maxTime} (inclusive of the last step not beyond it). */
  public static double[] of(double maxTime, TimeUnit unit) {
    if (!(maxTime > 0)) {
      return new double[] {0};
    }
    double step = step(maxTime / 10, unit);
    int k = (int) Math.floor(maxTime / step + 1e-9);
    double[] g = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      g[i] = Math.round(i * step * 1e9) / 1e9; // no 0.6000000000000001
    }
    return g;
  }

  static double step(double raw, TimeUnit unit) {
    double[] fixed =
        switch (unit) {
          case MONTHS -> new double[] {1, 2, 3, 6, 12, 24, 36, 48, 60, 120};
          case WEEKS -> new double[] {1, 2, 4, 8, 13, 26, 52, 104, 260};
          default -> new double[0];
        };
    for (double f : fixed) {
      if (f >= raw) {
        return f;
      }
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }
}

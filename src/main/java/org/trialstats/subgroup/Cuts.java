package org.trialstats.subgroup;

import java.util.Arrays;

/**
 * Cutting a continuous subgroup variable into ordered levels at cut points {@code c1 < c2 < ...}:
 * level 0 is {@code x < c1}, level k is {@code c_k <= x < c_(k+1)}, the last is {@code x >= c_K}
 * (so {@code AGE:65} gives "&lt;65" and "&gt;=65", as {@code age >= 65} in the issue). Quantile cut
 * points use R's default {@code quantile(type = 7)} (Hyndman &amp; Fan 1996, definition 7).
 */
public final class Cuts {
  private Cuts() {}

  /**
   * Sample quantile, R type 7: {@code h = (n - 1) p}, linear interpolation between the order
   * statistics {@code floor(h)} and {@code floor(h) + 1} (0-based).
   */
  public static double quantile(double[] x, double p) {
    if (x.length == 0 || !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("need data and p in [0, 1]");
    }
    double[] s = x.clone();
    Arrays.sort(s);
    double h = (s.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }

  /**
   * The {@code groups - 1} cut points that split {@code x} into {@code groups} quantile groups (q2
   * = median split), duplicates removed (heavily tied data may give fewer groups).
   */
  public static double[] quantileCuts(double[] x, int groups) {
    if (groups < 2) {
      throw new IllegalArgumentException("groups must be at least 2");
    }
    double[] c = new double[groups - 1];
    for (int k = 1; k < groups; k++) {
      c[k - 1] = quantile(x, (double) k / groups);
    }
    return Arrays.stream(c).distinct().toArray();
  }

  /** Level labels for cut points: {@code <c1}, {@code c1 to <c2}, ..., {@code >=cK}. */
  public static String[] labels(double[] cuts) {
    checkIncreasing(cuts);
    String[] out = new String[cuts.length + 1];
    out[0] = "<" + format(cuts[0]);
    for (int k = 1; k < cuts.length; k++) {
      out[k] = format(cuts[k - 1]) + " to <" + format(cuts[k]);
    }
    out[cuts.length] = ">=" + format(cuts[cuts.length - 1]);
    return out;
  }

  /** The level index of {@code v}: the number of cut points {@code <= v}. */
  public static int level(double v, double[] cuts) {
    int k = 0;
    while (k < cuts.length && v >= cuts[k]) {
      k++;
    }
    return k;
  }

  /** A cut point as text: integers without decimals, otherwise up to 4 significant decimals. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s =
        new java.math.BigDecimal(v)
            .round(new java.math.MathContext(6))
            .stripTrailingZeros()
            .toPlainString();
    return s;
  }

  private static void checkIncreasing(double[] cuts) {
    if (cuts.length == 0) {
      throw new IllegalArgumentException("need at least one cut point");
    }
    for (int k = 1; k < cuts.length; k++) {
      if (!(cuts[k] > cuts[k - 1])) {
        throw new IllegalArgumentException("cut points must increase");
      }
    }
  }
}

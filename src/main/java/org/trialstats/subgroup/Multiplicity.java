package org.trialstats.subgroup;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Multiplicity adjustment of p-values, as R's {@code p.adjust}: Holm (1979, Scand J Stat 6:65–70)
 * step-down and Benjamini–Hochberg (1995, JRSS B 57:289–300) step-up false discovery rate. NaN
 * entries (tests not estimable) are left NaN and do not count towards the number of tests, as
 * {@code p.adjust} does with NA.
 */
public final class Multiplicity {
  private Multiplicity() {}

  /** The adjustment methods. */
  public enum Method {
    HOLM("holm"),
    BH("benjamini-hochberg");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    /** The name written in outputs. */
    public String label() {
      return label;
    }
  }

  /** Adjusts {@code p} by {@code method}. */
  public static double[] adjust(double[] p, Method method) {
    return method == Method.HOLM ? holm(p) : bh(p);
  }

  /** Holm: {@code p_(i) * (m - i + 1)}, cumulative maximum in increasing order, capped at 1. */
  public static double[] holm(double[] p) {
    Integer[] o = order(p, false);
    int m = o.length;
    double[] out = nanCopy(p.length);
    double run = 0;
    for (int i = 0; i < m; i++) {
      double v = Math.min(1, (m - i) * p[o[i]]);
      run = Math.max(run, v);
      out[o[i]] = run;
    }
    return out;
  }

  /**
   * Benjamini–Hochberg: {@code p_(i) * m / i}, cumulative minimum from the largest, capped at 1.
   */
  public static double[] bh(double[] p) {
    Integer[] o = order(p, true);
    int m = o.length;
    double[] out = nanCopy(p.length);
    double run = 1;
    for (int k = 0; k < m; k++) {
      int rank = m - k; // o is decreasing: the first has rank m
      double v = Math.min(1, p[o[k]] * m / rank);
      run = Math.min(run, v);
      out[o[k]] = run;
    }
    return out;
  }

  private static double[] nanCopy(int n) {
    double[] out = new double[n];
    Arrays.fill(out, Double.NaN);
    return out;
  }

  private static Integer[] order(double[] p, boolean decreasing) {
    return java.util.stream.IntStream.range(0, p.length)
        .filter(i -> !Double.isNaN(p[i]))
        .boxed()
        .sorted(
            decreasing
                ? Comparator.comparingDouble((Integer i) -> p[i]).reversed()
                : Comparator.comparingDouble((Integer i) -> p[i]))
        .toArray(Integer[]::new);
  }
}

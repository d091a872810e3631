package org.trialstats.preclinical;

import java.util.Arrays;
import java.util.Locale;

/**
 * Multiplicity adjustment of p-values as R {@code stats::p.adjust}: Holm (1979) step-down,
 * Benjamini–Hochberg (1995) step-up false discovery rate, Bonferroni, or none.
 */
public enum PAdjust {
  HOLM("holm"),
  BH("BH"),
  BONFERRONI("bonferroni"),
  NONE("none");

  private final String label;

  PAdjust(String label) {
    this.label = label;
  }

  /** The R name (also used in the method column, e.g. {@code welch-t/holm}). */
  public String label() {
    return label;
  }

  /** Parses holm, BH (or fdr), bonferroni, none (case-insensitive); null when unknown. */
  public static PAdjust parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "holm" -> HOLM;
      case "bh", "fdr" -> BH;
      case "bonferroni" -> BONFERRONI;
      case "none" -> NONE;
      default -> null;
    };
  }

  /** Adjusted p-values in input order; NaN entries are left out of the family and stay NaN. */
  public double[] adjust(double[] p) {
    int[] idx =
        java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
    int m = idx.length;
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    if (m == 0) {
      return out;
    }
    Integer[] o = new Integer[m];
    for (int i = 0; i < m; i++) {
      o[i] = idx[i];
    }
    switch (this) {
      case NONE -> {
        for (int i : idx) {
          out[i] = p[i];
        }
      }
      case BONFERRONI -> {
        for (int i : idx) {
          out[i] = Math.min(1, m * p[i]);
        }
      }
      case HOLM -> {
        Arrays.sort(o, (a, b) -> Double.compare(p[a], p[b]));
        double run = 0;
        for (int k = 0; k < m; k++) {
          run = Math.max(run, (m - k) * p[o[k]]);
          out[o[k]] = Math.min(1, run);
        }
      }
      case BH -> {
        Arrays.sort(o, (a, b) -> Double.compare(p[b], p[a]));
        double run = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
          int rank = m - k; // rank in increasing order
          run = Math.min(run, (double) m / rank * p[o[k]]);
          out[o[k]] = Math.min(1, run);
        }
      }
    }
    return out;
  }
}

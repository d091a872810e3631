package org.trialstats.subgroup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trialstats.io.DataTable;

/** Holm / BH against R {@code p.adjust}; quantile cut points against R {@code quantile(type=7)}. */
class MultiplicityAndCutsTest {

  @Test
  void holmAndBenjaminiHochbergMatchPAdjust() {
    DataTable g = Golden.read("p_adjust.csv");
    int n = g.rowCount();
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = Golden.num(g, i, "p");
    }
    double[] holm = Multiplicity.holm(p);
    double[] bh = Multiplicity.adjust(p, Multiplicity.Method.BH);
    for (int i = 0; i < n; i++) {
      Golden.close(Golden.num(g, i, "holm"), holm[i], 1e-9, "holm " + i);
      Golden.close(Golden.num(g, i, "bh"), bh[i], 1e-9, "bh " + i);
    }
  }

  @Test
  void notEstimableTestsStayNaNAndDoNotCount() {
    // R: p.adjust(c(0.01, NA, 0.04), "holm") and "BH" both give 0.02, NA, 0.04
    double[] p = {0.01, Double.NaN, 0.04};
    assertArrayEquals(new double[] {0.02, Double.NaN, 0.04}, Multiplicity.holm(p), 1e-12);
    assertArrayEquals(new double[] {0.02, Double.NaN, 0.04}, Multiplicity.bh(p), 1e-12);
  }

  @Test
  void quantileCutsMatchRType7() {
    DataTable s = Golden.read("seeded.csv");
    double[] age = new double[s.rowCount()];
    for (int i = 0; i < age.length; i++) {
      age[i] = Double.parseDouble(s.cell(i, "AGE"));
    }
    DataTable g = Golden.read("seeded_age_quantiles.csv");
    for (int r = 0; r < g.rowCount(); r++) {
      Golden.close(
          Golden.num(g, r, "cut"), Cuts.quantile(age, Golden.num(g, r, "prob")), 1e-9, "q" + r);
    }
    double[] q4 = Cuts.quantileCuts(age, 4);
    assertEquals(3, q4.length);
    Golden.close(Golden.num(g, 3, "cut"), q4[0], 1e-9, "q4 first cut");
  }

  @Test
  void cutLabelsAndLevels() {
    assertArrayEquals(new String[] {"<65", ">=65"}, Cuts.labels(new double[] {65}));
    assertArrayEquals(
        new String[] {"<50", "50 to <65.5", ">=65.5"}, Cuts.labels(new double[] {50, 65.5}));
    assertEquals(0, Cuts.level(64.999, new double[] {65}));
    assertEquals(1, Cuts.level(65, new double[] {65}));
    assertEquals(2, Cuts.level(70, new double[] {50, 65.5}));
    assertThrows(IllegalArgumentException.class, () -> Cuts.labels(new double[] {65, 50}));
    // Ties collapse duplicate quantiles instead of producing empty levels.
    double[] tied = {1, 1, 1, 1, 1, 1, 2};
    assertTrue(Cuts.quantileCuts(tied, 4).length < 3);
  }
}

package org.trialstats.preclinical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** p.adjust(c(0.04, 0.001, 0.03, 0.2, 0.012), method) in R 4.2.2. */
class PAdjustTest {
  private static final double[] P = {0.04, 0.001, 0.03, 0.2, 0.012};

  @Test
  void holmMatchesR() {
    assertArrayEquals(new double[] {0.09, 0.005, 0.09, 0.2, 0.048}, PAdjust.HOLM.adjust(P), 1e-15);
  }

  @Test
  void benjaminiHochbergMatchesR() {
    assertArrayEquals(new double[] {0.05, 0.005, 0.05, 0.2, 0.03}, PAdjust.BH.adjust(P), 1e-15);
  }

  @Test
  void bonferroniCapsAtOne() {
    assertArrayEquals(
        new double[] {0.2, 0.005, 0.15, 1, 0.06}, PAdjust.BONFERRONI.adjust(P), 1e-15);
  }

  @Test
  void nanIsLeftOutOfTheFamily() {
    double[] a = PAdjust.HOLM.adjust(new double[] {0.01, Double.NaN, 0.04});
    assertEquals(0.02, a[0], 1e-15);
    assertEquals(Double.NaN, a[1]);
    assertEquals(0.04, a[2], 1e-15);
  }

  @Test
  void parsesRNames() {
    assertEquals(PAdjust.BH, PAdjust.parse("fdr"));
    assertEquals(PAdjust.HOLM, PAdjust.parse("Holm"));
    assertNull(PAdjust.parse("sidak"));
  }
}

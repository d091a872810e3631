package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RiskGridTest {
  @Test
  void roundStepsPerUnit() {
    assertArrayEquals(
        new double[] {0, 3, 6, 9, 12, 15, 18, 21, 24}, RiskGrid.of(25, TimeUnit.MONTHS), 0);
    assertArrayEquals(
        new double[] {0, 200, 400, 600, 800, 1000, 1200, 1400, 1600},
        RiskGrid.of(1700, TimeUnit.DAYS),
        0);
    assertArrayEquals(
        new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2}, RiskGrid.of(1.3, TimeUnit.YEARS), 0);
    assertArrayEquals(new double[] {0}, RiskGrid.of(0, TimeUnit.DAYS), 0);
  }
}

package org.trialstats.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every binomial interval method against R over the grid written by golden/orr/generate.R (n =
 * 1..30 with every x, larger n up to 1000 with x = 0, 1, 2, ..., n; levels 0.80/0.90/0.95/0.99).
 */
class BinomialIntervalGoldenTest {

  /** Closed forms (and qbeta-based) to 1e-9; iterative methods to 1e-6. */
  static double tolerance(BinomialMethod m) {
    return switch (m) {
      case MID_P, BLAKER -> 1e-6;
      default -> 1e-9;
    };
  }

  @Test
  void allMethodsMatchR() throws IOException {
    List<Golden.Row> rows = Golden.read("binom_ci.csv");
    Map<BinomialMethod, Integer> count = new EnumMap<>(BinomialMethod.class);
    Map<BinomialMethod, Double> worst = new EnumMap<>(BinomialMethod.class);
    for (Golden.Row r : rows) {
      BinomialMethod m = BinomialMethod.parse(r.s("method"));
      int x = r.i("x");
      int n = r.i("n");
      double conf = r.d("conf_level");
      BinomialInterval ci = BinomialInterval.compute(m, x, n, conf);
      String what = m.id() + " x=" + x + " n=" + n + " conf=" + conf + " (line " + r.line() + ")";
      double tol = tolerance(m);
      Golden.close(r.d("lower"), ci.lower(), tol, what + " lower");
      Golden.close(r.d("upper"), ci.upper(), tol, what + " upper");
      assertEquals((double) x / n, ci.estimate(), 0.0);
      count.merge(m, 1, Integer::sum);
      double dev = Math.max(relDev(r.d("lower"), ci.lower()), relDev(r.d("upper"), ci.upper()));
      worst.merge(m, dev, Math::max);
    }
    for (BinomialMethod m : BinomialMethod.values()) {
      assertTrue(count.getOrDefault(m, 0) > 2000, "too few golden rows for " + m);
      System.out.printf(
          "binomial %-16s %5d cases, max relative deviation %.2e%n",
          m.id(), count.get(m), worst.get(m));
    }
  }

  private static double relDev(double e, double a) {
    return Math.abs(e - a) / Math.max(Math.abs(e), 1e-6);
  }

  @Test
  void publishedFrameAndRamp201() {
    // FRAME: 11/26 responders, published 95% CI 23.4-63.1 (%).
    BinomialInterval f = BinomialInterval.compute(BinomialMethod.CLOPPER_PEARSON, 11, 26, 0.95);
    assertEquals(23.4, Math.round(f.lower() * 1000) / 10.0, 0.0);
    assertEquals(63.1, Math.round(f.upper() * 1000) / 10.0, 0.0);
    assertEquals(0.2335, f.lower(), 5e-5);
    assertEquals(0.6308, f.upper(), 5e-5);
    // RAMP 201 KRAS-mutant: 25/57, published 31-58 (%); 30.7-57.6 at one decimal.
    BinomialInterval r = BinomialInterval.compute(BinomialMethod.CLOPPER_PEARSON, 25, 57, 0.95);
    assertEquals(31, Math.round(r.lower() * 100));
    assertEquals(58, Math.round(r.upper() * 100));
    assertEquals(30.7, Math.round(r.lower() * 1000) / 10.0, 0.0);
    assertEquals(57.6, Math.round(r.upper() * 1000) / 10.0, 0.0);
  }

  @Test
  void exactAtTheEnds() {
    for (BinomialMethod m :
        List.of(
            BinomialMethod.CLOPPER_PEARSON,
            BinomialMethod.JEFFREYS,
            BinomialMethod.MID_P,
            BinomialMethod.BLAKER,
            BinomialMethod.WILSON_CC)) {
      assertEquals(0.0, BinomialInterval.compute(m, 0, 17, 0.9).lower(), 0.0, m.id());
      assertEquals(1.0, BinomialInterval.compute(m, 17, 17, 0.9).upper(), 0.0, m.id());
    }
    // x = 0: Clopper-Pearson upper = 1 - (alpha/2)^(1/n).
    assertEquals(
        1 - Math.pow(0.025, 1.0 / 20),
        BinomialInterval.compute(BinomialMethod.CLOPPER_PEARSON, 0, 20, 0.95).upper(),
        1e-12);
  }

  @Test
  void badArgumentsAreRejected() {
    for (int[] xn : new int[][] {{5, 4}, {-1, 4}, {0, 0}}) {
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class,
          () -> BinomialInterval.compute(BinomialMethod.WILSON, xn[0], xn[1], 0.95));
    }
    for (double c : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class,
          () -> BinomialInterval.compute(BinomialMethod.CLOPPER_PEARSON, 1, 4, c));
    }
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> BinomialMethod.parse("exactish"));
    assertEquals(BinomialMethod.MID_P, BinomialMethod.parse("MID_P"));
  }
}

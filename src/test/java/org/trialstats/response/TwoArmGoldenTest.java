package org.trialstats.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Two-arm comparisons against R (golden/orr/two_arm.csv): prop.test (Wald), Newcombe and
 * Miettinen–Nurminen written from the papers in R, fisher.test, Woolf.
 */
class TwoArmGoldenTest {
  @Test
  void differencesOddsRatiosAndFisherMatchR() throws IOException {
    double worstMn = 0;
    double worstOr = 0;
    int rows = 0;
    for (Golden.Row r : Golden.read("two_arm.csv")) {
      int x1 = r.i("x1");
      int n1 = r.i("n1");
      int x2 = r.i("x2");
      int n2 = r.i("n2");
      double conf = r.d("conf_level");
      String what =
          x1 + "/" + n1 + " vs " + x2 + "/" + n2 + " conf=" + conf + " (line " + r.line() + ")";
      RiskDifference w = RiskDifference.compute(DifferenceMethod.WALD, x1, n1, x2, n2, conf);
      Golden.close(r.d("diff"), w.estimate(), 1e-12, what + " diff");
      Golden.close(r.d("wald_lower"), w.lower(), 1e-9, what + " wald lower");
      Golden.close(r.d("wald_upper"), w.upper(), 1e-9, what + " wald upper");
      RiskDifference nc = RiskDifference.compute(DifferenceMethod.NEWCOMBE, x1, n1, x2, n2, conf);
      Golden.close(r.d("newcombe_lower"), nc.lower(), 1e-9, what + " newcombe lower");
      Golden.close(r.d("newcombe_upper"), nc.upper(), 1e-9, what + " newcombe upper");
      RiskDifference mn =
          RiskDifference.compute(DifferenceMethod.MIETTINEN_NURMINEN, x1, n1, x2, n2, conf);
      Golden.close(r.d("mn_lower"), mn.lower(), 1e-6, what + " MN lower");
      Golden.close(r.d("mn_upper"), mn.upper(), 1e-6, what + " MN upper");
      worstMn = Math.max(worstMn, Math.abs(r.d("mn_lower") - mn.lower()));
      worstMn = Math.max(worstMn, Math.abs(r.d("mn_upper") - mn.upper()));

      Golden.close(
          r.d("fisher_p"), OddsRatio.fisherTwoSided(x1, n1, x2, n2), 1e-9, what + " fisher p");
      OddsRatio ex = OddsRatio.conditionalExact(x1, n1, x2, n2, conf);
      Golden.close(r.d("exact_or"), ex.estimate(), 1e-6, what + " exact OR");
      Golden.close(r.d("exact_or_lower"), ex.lower(), 1e-6, what + " exact OR lower");
      Golden.close(r.d("exact_or_upper"), ex.upper(), 1e-6, what + " exact OR upper");
      // fisher.test itself solves with uniroot's default tolerance (about 1.2e-4 absolute on t
      // in (0, 1) for psi < 1, and on 1/t for psi > 1): agreement at that precision.
      uniroot(r.d("fisher_or"), ex.estimate(), what + " fisher.test OR");
      uniroot(r.d("fisher_or_lower"), ex.lower(), what + " fisher.test OR lower");
      uniroot(r.d("fisher_or_upper"), ex.upper(), what + " fisher.test OR upper");
      if (Double.isFinite(ex.upper()) && ex.lower() > 0) {
        worstOr = Math.max(worstOr, Math.abs(r.d("exact_or_lower") / ex.lower() - 1));
        worstOr = Math.max(worstOr, Math.abs(r.d("exact_or_upper") / ex.upper() - 1));
      }
      OddsRatio wo = OddsRatio.woolf(x1, n1, x2, n2, conf);
      Golden.close(r.d("woolf_or"), wo.estimate(), 1e-9, what + " woolf OR");
      Golden.close(r.d("woolf_lower"), wo.lower(), 1e-9, what + " woolf lower");
      Golden.close(r.d("woolf_upper"), wo.upper(), 1e-9, what + " woolf upper");
      rows++;
    }
    System.out.printf(
        "two-arm: %d cases, MN max abs deviation %.2e, exact OR max rel %.2e%n",
        rows, worstMn, worstOr);
  }

  private static void uniroot(double e, double a, String what) {
    if (Double.isInfinite(e) || e == 0) {
      assertEquals(e, a, what);
    } else if (e <= 1) {
      assertEquals(e, a, 2e-4, what);
    } else {
      assertEquals(1 / e, 1 / a, 2e-4, what);
    }
  }

  @Test
  void woolfAddsHalfOnlyWithAZeroCell() {
    assertEquals(false, OddsRatio.woolf(11, 26, 7, 24, 0.95).corrected());
    OddsRatio z = OddsRatio.woolf(0, 10, 4, 12, 0.95);
    assertEquals(true, z.corrected());
    assertEquals((0.5 * 8.5) / (10.5 * 4.5), z.estimate(), 1e-14);
  }
}

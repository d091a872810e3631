package org.trialstats.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Published worked examples (4 decimals as printed). Newcombe RG (1998a) "Two-sided confidence
 * intervals for the single proportion: comparison of seven methods", Stat Med 17:857–872, Table I
 * (methods 3 Wilson, 4 Wilson with continuity correction, 5 Clopper–Pearson, 6 mid-p); Newcombe RG
 * (1998b) "Interval estimation for the difference between independent proportions: comparison of
 * eleven methods", Stat Med 17:873–890, Table II (method 6 Miettinen–Nurminen score, method 10
 * hybrid score), examples (a)–(h).
 */
class PublishedExamplesTest {
  private static void check(double lo, double hi, double actualLo, double actualHi, String what) {
    assertEquals(lo, Math.round(actualLo * 1e4) / 1e4, 0.0, what + " lower");
    assertEquals(hi, Math.round(actualHi * 1e4) / 1e4, 0.0, what + " upper");
  }

  private static void single(int x, int n, BinomialMethod m, double lo, double hi) {
    BinomialInterval c = BinomialInterval.compute(m, x, n, 0.95);
    check(lo, hi, c.lower(), c.upper(), m.id() + " " + x + "/" + n);
  }

  @Test
  void newcombeTableOneSingleProportion() {
    single(81, 263, BinomialMethod.WILSON, 0.2553, 0.3662);
    single(81, 263, BinomialMethod.WILSON_CC, 0.2535, 0.3682);
    single(81, 263, BinomialMethod.CLOPPER_PEARSON, 0.2527, 0.3676);
    single(81, 263, BinomialMethod.MID_P, 0.2544, 0.3658);
    single(15, 148, BinomialMethod.WILSON, 0.0624, 0.1605);
    single(15, 148, BinomialMethod.WILSON_CC, 0.0598, 0.1644);
    single(15, 148, BinomialMethod.CLOPPER_PEARSON, 0.0578, 0.1617);
    single(15, 148, BinomialMethod.MID_P, 0.0601, 0.1581);
    single(0, 20, BinomialMethod.WILSON, 0, 0.1611);
    single(0, 20, BinomialMethod.WILSON_CC, 0, 0.2005);
    single(0, 20, BinomialMethod.CLOPPER_PEARSON, 0, 0.1684);
    single(0, 20, BinomialMethod.MID_P, 0, 0.1391);
    single(1, 29, BinomialMethod.WILSON, 0.0061, 0.1718);
    single(1, 29, BinomialMethod.WILSON_CC, 0.0018, 0.1963);
    single(1, 29, BinomialMethod.CLOPPER_PEARSON, 0.0009, 0.1776);
    single(1, 29, BinomialMethod.MID_P, 0.0017, 0.1585);
  }

  @Test
  void newcombeTableTwoDifferences() {
    int[][] t = {
      {56, 70, 48, 80}, {9, 10, 3, 10}, {6, 7, 2, 7}, {5, 56, 0, 29},
      {0, 10, 0, 20}, {0, 10, 0, 10}, {10, 10, 0, 20}, {10, 10, 0, 10}
    };
    double[][] hybrid = {
      {0.0524, 0.3339}, {0.1705, 0.8090}, {0.0582, 0.8062}, {-0.0381, 0.1926},
      {-0.1611, 0.2775}, {-0.2775, 0.2775}, {0.6791, 1.0}, {0.6075, 1.0}
    };
    double[][] mn = {
      {0.0528, 0.3382}, {0.1700, 0.8406}, {0.0342, 0.8534}, {-0.0326, 0.1933},
      {-0.1658, 0.2844}, {-0.2879, 0.2879}, {0.7156, 1.0}, {0.6636, 1.0}
    };
    for (int i = 0; i < t.length; i++) {
      int[] a = t[i];
      String what = a[0] + "/" + a[1] + " - " + a[2] + "/" + a[3];
      RiskDifference h =
          RiskDifference.compute(DifferenceMethod.NEWCOMBE, a[0], a[1], a[2], a[3], 0.95);
      check(hybrid[i][0], hybrid[i][1], h.lower(), h.upper(), "newcombe " + what);
      RiskDifference s =
          RiskDifference.compute(DifferenceMethod.MIETTINEN_NURMINEN, a[0], a[1], a[2], a[3], 0.95);
      check(mn[i][0], mn[i][1], s.lower(), s.upper(), "miettinen-nurminen " + what);
    }
  }
}

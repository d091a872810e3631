package org.trialstats.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The response package's intervals, as plugged into verify, agree with the R reference limits of
 * golden/verify/binomial_limits.csv for every method and every x of the verify test n's, and give
 * the same verdicts as the R reference on the FRAME and RAMP 201 claims.
 */
class ResponseIntervalsTest {
  private static final RReferenceIntervals R = new RReferenceIntervals();
  private static final ResponseIntervals J = new ResponseIntervals();

  @Test
  void clopperPearsonIsFirstAndAllEightMethodsArePresent() {
    assertEquals("clopper-pearson", J.methods().get(0));
    assertEquals(
        new java.util.TreeSet<>(RReferenceIntervals.METHODS), new java.util.TreeSet<>(J.methods()));
  }

  @Test
  void limitsAgreeWithRForTheVerifyCases() {
    int compared = 0;
    for (int n : new int[] {12, 20, 26, 40, 57}) {
      for (double level : new double[] {0.95, 0.90, 0.80}) {
        for (int x = 0; x <= n; x++) {
          for (String m : J.methods()) {
            double[] r = R.limits(m, x, n, level);
            double[] j = J.limits(m, x, n, level);
            String what = m + " " + x + "/" + n + " @" + level;
            assertEquals(r[0], j[0], 1e-6 * Math.max(1e-3, Math.abs(r[0])), what + " low");
            assertEquals(r[1], j[1], 1e-6 * Math.max(1e-3, Math.abs(r[1])), what + " high");
            compared++;
          }
        }
      }
    }
    assertEquals(8 * 3 * (13 + 21 + 27 + 41 + 58), compared);
  }

  @Test
  void limitsAgreeWithRForEveryNOfThePublishedClaims() throws java.io.IOException {
    int compared = 0;
    for (String line :
        java.nio.file.Files.readAllLines(
            java.nio.file.Path.of("src/test/resources/golden/verify/claims_ns.txt"))) {
      if (line.isBlank()) {
        continue;
      }
      int n = Integer.parseInt(line.trim());
      for (int x = 0; x <= n; x++) {
        for (String m : J.methods()) {
          double[] r = R.limits(m, x, n, 0.95);
          double[] j = J.limits(m, x, n, 0.95);
          String what = m + " " + x + "/" + n;
          assertEquals(r[0], j[0], 1e-6 * Math.max(1e-3, Math.abs(r[0])), what + " low");
          assertEquals(r[1], j[1], 1e-6 * Math.max(1e-3, Math.abs(r[1])), what + " high");
          compared++;
        }
      }
    }
    assertTrue(compared > 8 * 1000, "compared " + compared);
  }

  @Test
  void verdictsMatchTheReferenceVerdicts() {
    for (BinomialClaim c :
        List.of(
            claim(11, 26, "42.3", "23.4", "63.1"),
            claim(25, 57, "44", "31", "58"),
            claim(11, 26, "42.3", "24.0", "62.5"))) {
      VerifyResult a = new BinomialVerifier(R).check(c);
      VerifyResult b = new BinomialVerifier(J).check(c);
      assertEquals(a.verdict(), b.verdict());
      assertEquals(a.matchingMethods(), b.matchingMethods());
    }
  }

  private static BinomialClaim claim(int x, int n, String e, String lo, String hi) {
    return new BinomialClaim(
        "c",
        x,
        n,
        PrintedNumber.parse(e),
        PrintedNumber.parse(lo),
        PrintedNumber.parse(hi),
        List.of(0.95),
        2,
        "t");
  }
}

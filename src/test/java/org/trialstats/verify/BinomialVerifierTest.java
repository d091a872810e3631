package org.trialstats.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.verify.PrintedNumber.Rounding;

/** Verify logic against R reference limits (golden/verify/binomial_limits.csv). */
class BinomialVerifierTest {
  private static final RReferenceIntervals R = new RReferenceIntervals();
  private final BinomialVerifier v = new BinomialVerifier(R);

  private static BinomialClaim claim(Integer x, int n, String est, String lo, String hi) {
    return new BinomialClaim(
        "c",
        x,
        n,
        est == null ? null : PrintedNumber.parse(est),
        lo == null ? null : PrintedNumber.parse(lo),
        hi == null ? null : PrintedNumber.parse(hi),
        List.of(0.95),
        2,
        "test");
  }

  @Test
  void printedDecimalsComeFromTheText() {
    assertEquals(0, PrintedNumber.parse("44").decimals());
    assertEquals(1, PrintedNumber.parse("42.3").decimals());
    assertEquals(2, PrintedNumber.parse("20.10").decimals());
    assertEquals(1, PrintedNumber.parse(".5").decimals());
    assertThrows(IllegalArgumentException.class, () -> PrintedNumber.parse("1e2"));
    assertThrows(IllegalArgumentException.class, () -> PrintedNumber.parse("42,3"));
  }

  @Test
  void exactTiesSeparateHalfUpFromHalfEven() {
    // 1/40 = 2.5% exactly: half-up prints 3, half-even prints 2.
    assertEquals(
        EnumSet.of(Rounding.HALF_UP),
        PrintedNumber.parse("3").matches(PrintedNumber.percent(1, 40)));
    assertEquals(
        EnumSet.of(Rounding.HALF_EVEN),
        PrintedNumber.parse("2").matches(PrintedNumber.percent(1, 40)));
    // A double is rounded at its exact binary value: 2.675 is stored as 2.67499999..., no tie.
    assertEquals(EnumSet.allOf(Rounding.class), PrintedNumber.parse("2.67").matches(2.675));
    assertTrue(PrintedNumber.parse("2.68").matches(2.675).isEmpty());
  }

  @Test
  void frameOrrIsReproducedByClopperPearson() {
    // FRAME (Banerjee et al., Cancer Discov 2021): LGSOC ORR 42.3% (11/26; 95% CI 23.4-63.1).
    VerifyResult r = v.check(claim(11, 26, "42.3", "23.4", "63.1"));
    assertEquals(Verdict.REPRODUCED, r.verdict());
    assertEquals("clopper-pearson", r.matchingMethods().get(0));
    assertEquals(100.0 * 11 / 26, r.recomputedEstimate(), 1e-12);
    // R: Wilson 25.5-61.0, Jeffreys 25.0-61.6: neither reproduces 23.4-63.1.
    assertFalse(r.matchingMethods().contains("wilson"));
    assertFalse(r.matchingMethods().contains("jeffreys"));
    assertTrue(r.note().contains("limits rounding half-up or half-even"), r.note());
  }

  @Test
  void ramp201OrrIsReproducedAtIntegerPrecision() {
    // RAMP 201 (Banerjee et al., J Clin Oncol 2025): KRAS-mutant confirmed ORR 44% (25/57; 31-58).
    VerifyResult r = v.check(claim(25, 57, "44", "31", "58"));
    assertEquals(Verdict.REPRODUCED, r.verdict());
    assertEquals("clopper-pearson", r.matchingMethods().get(0));
    // R: Wilson-cc 30.98-57.57 rounds to 31-58 as well; Blaker 31.30-57.12 does not.
    assertTrue(r.matchingMethods().contains("wilson-cc"));
    assertFalse(r.matchingMethods().contains("blaker"));
  }

  @Test
  void missingRespondersAreInferredFromThePrintedPercent() {
    VerifyResult r = v.check(claim(null, 26, "42.3", "23.4", "63.1"));
    assertEquals("11", r.responders());
    assertEquals(Verdict.REPRODUCED, r.verdict());
    assertTrue(r.note().contains("responders inferred from the estimate: 11"), r.note());
  }

  @Test
  void consistentCountsListsEveryCountThatPrintsTheSame() {
    // 109/250 = 43.6, 110/250 = 44.0, 111/250 = 44.4 all print as 44; 112/250 = 44.8 does not.
    assertEquals(
        List.of(109, 110, 111), BinomialVerifier.consistentCounts(PrintedNumber.parse("44"), 250));
    assertEquals(List.of(), BinomialVerifier.consistentCounts(PrintedNumber.parse("42.1"), 26));
  }

  @Test
  void wrongEstimateIsInconsistent() {
    // 11/26 = 42.31%, printed as 40.0.
    VerifyResult r = v.check(claim(11, 26, "40.0", "23.4", "63.1"));
    assertEquals(Verdict.INCONSISTENT_ESTIMATE, r.verdict());
    assertTrue(r.matchingMethods().isEmpty());
    assertTrue(r.note().contains("does not print as 40.0"), r.note());
    assertTrue(r.note().contains("interval alone is reproduced by clopper-pearson"), r.note());
    // No count out of 26 prints as 42.1% (10/26 = 38.5, 11/26 = 42.3).
    VerifyResult r2 = v.check(claim(null, 26, "42.1", "23.4", "63.1"));
    assertEquals(Verdict.INCONSISTENT_ESTIMATE, r2.verdict());
    assertEquals("", r2.responders());
    assertNull(r2.recomputedEstimate());
  }

  @Test
  void unmatchedIntervalNamesTheNearestMethod() {
    // 11/26 with 24.0-62.5: CP 23.35-63.08, Wilson 25.53-60.97, Jeffreys 24.97-61.57,
    // mid-p 24.54-62.06 (max diff 0.54, the nearest), Blaker 23.75-62.60 (max diff 0.25).
    VerifyResult r = v.check(claim(11, 26, "42.3", "24.0", "62.5"));
    assertEquals(Verdict.NOT_REPRODUCED, r.verdict());
    assertTrue(r.matchingMethods().isEmpty());
    MethodCheck best =
        r.checks().stream()
            .min((a, b) -> Double.compare(a.maxAbsDiff(), b.maxAbsDiff()))
            .orElseThrow();
    assertTrue(r.note().startsWith("nearest: " + best.method() + " ("), r.note());
    double[] lim = R.limits(best.method(), 11, 26, 0.95);
    assertEquals(
        Math.max(Math.abs(100 * lim[0] - 24.0), Math.abs(100 * lim[1] - 62.5)),
        best.maxAbsDiff(),
        1e-9);
  }

  @Test
  void otherConfidenceLevelsAreTriedWhenAsked() {
    // 11/26 CP 90%: R gives 25.6-60.5 (qbeta); a 90% interval printed under a 95% label.
    double[] cp90 = R.limits("clopper-pearson", 11, 26, 0.90);
    String lo =
        new java.math.BigDecimal(100 * cp90[0])
            .setScale(1, java.math.RoundingMode.HALF_UP)
            .toPlainString();
    String hi =
        new java.math.BigDecimal(100 * cp90[1])
            .setScale(1, java.math.RoundingMode.HALF_UP)
            .toPlainString();
    BinomialClaim only95 = claim(11, 26, "42.3", lo, hi);
    assertFalse(v.check(only95).matchingMethods().contains("clopper-pearson"));
    BinomialClaim both =
        new BinomialClaim(
            "c",
            11,
            26,
            PrintedNumber.parse("42.3"),
            PrintedNumber.parse(lo),
            PrintedNumber.parse(hi),
            List.of(0.95, 0.90),
            2,
            "test");
    VerifyResult r = v.check(both);
    assertEquals(Verdict.REPRODUCED, r.verdict());
    assertTrue(r.matchingMethods().contains("clopper-pearson@0.9"), r.matchingMethods().toString());
  }

  @Test
  void oneSidedBoundUsesTheMatchingTwoSidedLevel() {
    // A one-sided 95% lower bound equals the lower limit of the two-sided 90% interval.
    double[] cp90 = R.limits("clopper-pearson", 11, 26, 0.90);
    String lo =
        new java.math.BigDecimal(100 * cp90[0])
            .setScale(1, java.math.RoundingMode.HALF_UP)
            .toPlainString();
    BinomialClaim c =
        new BinomialClaim(
            "c",
            11,
            26,
            PrintedNumber.parse("42.3"),
            PrintedNumber.parse(lo),
            null,
            List.of(0.95),
            1,
            "t");
    VerifyResult r = v.check(c);
    assertEquals(Verdict.REPRODUCED, r.verdict());
    assertEquals("clopper-pearson", r.matchingMethods().get(0));
  }
}

package org.trialstats.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialstats.survival.CoxFit;
import org.trialstats.survival.CoxModel;
import org.trialstats.survival.CoxTies;

/**
 * Guyot reconstruction: round trip from a simulated data set (R: golden/verify/
 * generate_roundtrip.R writes the IPD's KM curve, its risk table and R's median and events of the
 * original data), plus the cleaning and rejection rules.
 */
class GuyotReconstructionTest {

  static List<String[]> csv(String name) {
    try (InputStream in = GuyotReconstructionTest.class.getResourceAsStream(name)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<String[]> out = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          out.add(lines[i].trim().split(","));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] col(List<String[]> rows, String arm, int c) {
    return rows.stream()
        .filter(r -> r[0].equals(arm))
        .mapToDouble(r -> Double.parseDouble(r[c]))
        .toArray();
  }

  static GuyotReconstruction.Result roundTrip(String arm, Integer events) {
    List<String[]> curve = csv("/golden/verify/roundtrip_curve.csv");
    List<String[]> risk = csv("/golden/verify/roundtrip_risk.csv");
    double[] counts = col(risk, arm, 2);
    int[] ic = new int[counts.length];
    for (int i = 0; i < ic.length; i++) {
      ic[i] = (int) counts[i];
    }
    DigitisedCurve c =
        DigitisedCurve.clean(col(curve, arm, 1), col(curve, arm, 2), col(risk, arm, 1), ic);
    return GuyotReconstruction.reconstruct(c, events);
  }

  static Map<String, Double> original() {
    Map<String, Double> m = new HashMap<>();
    for (String[] r : csv("/golden/verify/roundtrip_original.csv")) {
      m.put(r[0] + "/" + r[1], Double.parseDouble(r[2]));
    }
    return m;
  }

  /** Smallest digitised time at which the reconstructed KM is at or below 0.5. */
  static double median(GuyotReconstruction.Result r) {
    double[] t = r.curve().time();
    for (int j = 0; j < t.length; j++) {
      if (r.fitted()[j] <= 0.5) {
        return t[j];
      }
    }
    return Double.NaN;
  }

  @Test
  void roundTripRecoversCurveRiskTableAndMedian() {
    Map<String, Double> orig = original();
    for (String arm : new String[] {"Control", "Experimental"}) {
      GuyotReconstruction.Result r = roundTrip(arm, null);
      assertEquals(150, r.n(), arm);
      // The tail (a handful at risk, censoring guessed from the average rate) dominates the
      // largest difference; 0.017 here, in line with Guyot et al.'s reported accuracy.
      assertTrue(r.maxAbsDiff() < 0.02, arm + " max abs diff " + r.maxAbsDiff());
      double[] pub = col(csv("/golden/verify/roundtrip_risk.csv"), arm, 2);
      // The row at 30 months lies after the last digitised time and is dropped by cleaning.
      assertEquals(pub.length - 1, r.riskReconstructed().length);
      for (int i = 0; i < r.riskReconstructed().length; i++) {
        assertTrue(
            Math.abs(r.riskReconstructed()[i] - pub[i]) <= 2,
            arm + " at risk " + i + ": " + r.riskReconstructed()[i] + " vs " + pub[i]);
      }
      // Median within one step of R's median of the original data.
      double rMedian = orig.get(arm + "/median");
      double[] steps = r.curve().time();
      int j = 0;
      while (steps[j] < rMedian) {
        j++;
      }
      double m = median(r);
      assertTrue(
          m >= steps[j - 1] && m <= steps[Math.min(j + 1, steps.length - 1)],
          arm + " median " + m + " vs R " + rMedian);
      double ev = orig.get(arm + "/events");
      assertTrue(Math.abs(r.events() - ev) <= 0.05 * ev, arm + " events " + r.events());
    }
  }

  @Test
  void roundTripRecoversTheHazardRatioWithinFivePercent() {
    // R coxph (Efron) on the original data vs the survival package's Cox on the reconstruction.
    GuyotReconstruction.Result c = roundTrip("Control", null);
    GuyotReconstruction.Result e = roundTrip("Experimental", null);
    int n = c.n() + e.n();
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      boolean exp = i >= c.n();
      GuyotReconstruction.Result r = exp ? e : c;
      int k = exp ? i - c.n() : i;
      time[i] = r.time()[k];
      event[i] = r.event()[k];
      x[i] = exp ? 1 : 0;
    }
    CoxFit fit = CoxModel.fit(time, event, null, new double[][] {x}, CoxTies.EFRON);
    double rHr = original().get("Experimental vs Control/hr");
    assertTrue(Math.abs(fit.hr(0) / rHr - 1) < 0.05, "HR " + fit.hr(0) + " vs original (R) " + rHr);
  }

  @Test
  void reportedTotalEventsIsMatched() {
    Map<String, Double> orig = original();
    int ev = (int) Math.round(orig.get("Control/events"));
    GuyotReconstruction.Result r = roundTrip("Control", ev);
    assertEquals(ev, r.events());
    assertTrue(r.maxAbsDiff() < 0.03, "max abs diff " + r.maxAbsDiff());
  }

  @Test
  void percentSurvivalIsDetectedAndMessyPointsAreCleaned() {
    double[] t = {5, 0, 2, 2, 8, 8, 11, -0.1};
    double[] s = {70, 100, 90, 85, 72, 60, 50, 101};
    DigitisedCurve c = DigitisedCurve.clean(t, s, new double[] {0, 6}, new int[] {10, 5});
    assertTrue(c.percent());
    assertTrue(c.changes().get(0).startsWith("survival read as percent"), c.changes().get(0));
    String all = String.join(" | ", c.changes());
    assertTrue(all.contains("negative time"), all);
    assertTrue(all.contains("sorted"), all);
    assertTrue(all.contains("clamped"), all);
    assertTrue(all.contains("non-increasing"), all);
    assertTrue(all.contains("dropped (the lowest survival kept)"), all);
    assertTrue(all.contains("added at risk-table times"), all);
    // Times strictly increasing, survival non-increasing from (0, 1); the point at 6 carries 0.7.
    assertEquals(List.of(0.0, 2.0, 5.0, 6.0, 8.0, 11.0), box(c.time()));
    assertEquals(List.of(1.0, 0.85, 0.70, 0.70, 0.60, 0.50), box(c.survival()));
  }

  @Test
  void impossibleInputIsRejectedWithAClearMessage() {
    double[] t = {0, 1, 2, 3};
    double[] s = {1, 0.9, 0.8, 0.7};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DigitisedCurve.clean(t, s, new double[] {0, 1, 2}, new int[] {10, 8, 9}));
    assertTrue(
        e.getMessage().contains("cannot increase: 8 at time 1, then 9 at time 2"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DigitisedCurve.clean(t, s, new double[] {1, 2}, new int[] {10, 8}));
    assertTrue(e.getMessage().contains("must start at time 0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DigitisedCurve.clean(t, s, new double[] {0, 1, 2}, new int[] {10, 0, 0}));
    assertTrue(
        e.getMessage().contains("zero at risk at time 1 but the curve still drops"),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DigitisedCurve.clean(t, s, new double[] {0, 2, 1}, new int[] {10, 8, 7}));
    assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DigitisedCurve.clean(
                    new double[] {0, Double.NaN},
                    new double[] {1, 1},
                    new double[] {0},
                    new int[] {5}));
    assertTrue(e.getMessage().contains("not a finite number"), e.getMessage());
    DigitisedCurve ok = DigitisedCurve.clean(t, s, new double[] {0}, new int[] {10});
    e = assertThrows(IllegalArgumentException.class, () -> GuyotReconstruction.reconstruct(ok, 11));
    assertTrue(e.getMessage().contains("total events must lie between 0 and"), e.getMessage());
  }

  @Test
  void singleIntervalWithoutCensoringGivesTheExactSteps() {
    // 10 patients, KM drops by 1/10 at times 1, 2, 3: exactly 3 events, 7 censored at the end.
    DigitisedCurve c =
        DigitisedCurve.clean(
            new double[] {0, 1, 2, 3, 5},
            new double[] {1, 0.9, 0.8, 0.7, 0.7},
            new double[] {0},
            new int[] {10});
    GuyotReconstruction.Result r = GuyotReconstruction.reconstruct(c, null);
    assertEquals(3, r.events());
    assertEquals(10, r.n());
    assertEquals(0.0, r.maxAbsDiff(), 1e-12);
    assertFalse(r.event()[9]);
    assertEquals(5.0, r.time()[9]);
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }

  private static List<Double> box(double[] a) {
    List<Double> l = new ArrayList<>();
    for (double v : a) {
      l.add(Math.round(v * 1e9) / 1e9);
    }
    return l;
  }
}

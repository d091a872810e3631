package org.trialstats.preclinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Conventions of the tumour growth core, on hand-computable data. */
class TumourGrowthTest {
  private static TumourGrowth.Options opts(double day) {
    return new TumourGrowth.Options(
        "C", day, Double.NaN, Double.NaN, Double.NaN, PAdjust.HOLM, 0.95);
  }

  // Control animal b is missing on day 14, treated animal d on day 7.
  private static final String[] A = {"a", "a", "a", "b", "b", "c", "c", "c", "d", "d"};
  private static final String[] G = {"C", "C", "C", "C", "C", "T", "T", "T", "T", "T"};
  private static final double[] D = {0, 7, 14, 0, 7, 0, 7, 14, 0, 14};
  private static final double[] V = {100, 200, 400, 100, 300, 100, 150, 150, 200, 100};

  @Test
  void defaultDayIsTheLastDayWithEveryControlAnimal() {
    TumourGrowth.Result r = TumourGrowth.analyse(A, G, D, V, opts(Double.NaN));
    assertEquals(7, r.day());
    assertTrue(r.defaultDay());
    assertEquals(0, r.baselineDay());
  }

  @Test
  void changesUseTheAnimalsMeasuredOnTheDay() {
    TumourGrowth.Result r = TumourGrowth.analyse(A, G, D, V, opts(7));
    TumourGrowth.GroupResult t = r.groups().get(1);
    assertEquals("T", t.group());
    assertEquals(1, t.n()); // d is not measured on day 7
    assertEquals(50, t.deltaMean(), 0);
    // dC = mean(100, 200) = 150 -> TGI = 1 - 50/150; T/C = 150 / 250
    assertEquals(1 - 50.0 / 150, t.tgi(), 1e-15);
    assertEquals(150.0 / 250, t.tOverC(), 1e-15);
    // one treated animal on the day: the Welch test is not estimable, with a note
    TumourGrowth.Comparison w = r.comparisons().get(0);
    assertEquals("welch-t", w.method());
    assertTrue(Double.isNaN(w.pValue()));
    assertTrue(w.note().contains("fewer than 2"));
  }

  @Test
  void slopesAreLeastSquaresOfLogVolumeOnDay() {
    TumourGrowth.Result r = TumourGrowth.analyse(A, G, D, V, opts(14));
    TumourGrowth.Animal a = r.animals().get(0);
    assertEquals("a", a.animal());
    assertEquals(Math.log(4) / 14, a.slope(), 1e-15); // exact doubling per week
    assertEquals(3, a.slopePoints());
    TumourGrowth.Animal d = r.animals().get(3);
    assertEquals(Math.log(0.5) / 14, d.slope(), 1e-15);
    // partial regression: d shrank below baseline, c did not
    TumourGrowth.GroupResult t = r.groups().get(1);
    assertEquals(1, t.partial().events());
    assertEquals(0, t.complete().events());
  }

  @Test
  void identicalLogRtvGivesNoVariationNote() {
    String[] a = {"a", "a", "b", "b", "c", "c", "d", "d"};
    String[] g = {"C", "C", "C", "C", "T", "T", "T", "T"};
    double[] d = {0, 7, 0, 7, 0, 7, 0, 7};
    double[] v = {100, 200, 50, 100, 100, 150, 10, 15};
    TumourGrowth.Result r = TumourGrowth.analyse(a, g, d, v, opts(7));
    TumourGrowth.Comparison w = r.comparisons().get(0);
    assertEquals(Math.log(1.5) - Math.log(2), w.estimate(), 1e-15);
    assertTrue(Double.isNaN(w.pValue()));
    assertEquals("no variation", w.note());
    assertNull(r.comparisons().get(1).note()); // the rank test still runs (ties: normal approx)
    assertEquals("wilcoxon-normal-cc", r.comparisons().get(1).method());
  }

  @Test
  void rejectsInconsistentInput() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TumourGrowth.analyse(
                new String[] {"a", "a"},
                new String[] {"C", "T"},
                new double[] {0, 7},
                new double[] {1, 2},
                opts(7)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TumourGrowth.analyse(
                new String[] {"a", "a"},
                new String[] {"C", "C"},
                new double[] {0, 0},
                new double[] {1, 2},
                opts(7)));
  }
}

package org.trialstats.subgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.io.DataTable;
import org.trialstats.survival.ConfType;
import org.trialstats.survival.Convention;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.KmQuantile;
import org.trialstats.survival.SurvivalData;

/**
 * Per-level Kaplan–Meier medians as the subgroup table computes them (shared survival core: {@code
 * KaplanMeier} + {@code KmQuantile}, R rules) against R {@code quantile(survfit(...), 0.5)}: colon
 * levels x arms (log transform) and the seeded data under log, log-log and plain.
 */
class KmMedianTest {

  static void check(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected NA, got " + actual);
    } else {
      Golden.close(expected, actual, 1e-9, what);
    }
  }

  static KmQuantile.Estimate median(double[] t, boolean[] e, ConfType ct) {
    return KmQuantile.of(KaplanMeier.fit(SurvivalData.of(t, e), ct, 0.95), 0.5, Convention.R);
  }

  @Test
  void colonMediansPerLevelAndArmMatchR() {
    SubgroupEffectsTest.Colon c = SubgroupEffectsTest.colon();
    DataTable g = Golden.read("colon_km_medians.csv");
    for (int r = 0; r < g.rowCount(); r++) {
      String v = g.cell(r, "variable");
      String l = g.cell(r, "level");
      int a = SubgroupEffectsTest.ARMS.indexOf(g.cell(r, "arm"));
      List<Integer> idx = new ArrayList<>();
      for (int k = 0; k < c.time().length; k++) {
        if (c.arm()[k] == a && c.level(k, v).equals(l)) {
          idx.add(k);
        }
      }
      double[] t = new double[idx.size()];
      boolean[] e = new boolean[idx.size()];
      for (int k = 0; k < t.length; k++) {
        t[k] = c.time()[idx.get(k)];
        e[k] = c.event()[idx.get(k)];
      }
      assertEquals((int) Golden.num(g, r, "n"), t.length);
      KmQuantile.Estimate m = median(t, e, ConfType.LOG);
      String what = v + "=" + l + " " + g.cell(r, "arm");
      check(Golden.num(g, r, "median"), m.estimate(), what + " median");
      check(Golden.num(g, r, "lower"), m.lower(), what + " lower");
      check(Golden.num(g, r, "upper"), m.upper(), what + " upper");
    }
  }

  @Test
  void seededMediansUnderEachTransformMatchR() {
    DataTable s = Golden.read("seeded.csv");
    DataTable g = Golden.read("seeded_km_medians.csv");
    for (int r = 0; r < g.rowCount(); r++) {
      List<Double> tl = new ArrayList<>();
      List<Boolean> el = new ArrayList<>();
      for (int i = 0; i < s.rowCount(); i++) {
        if (s.cell(i, "ARM").equals(g.cell(r, "arm"))
            && s.cell(i, "SEX").equals(g.cell(r, "sex"))) {
          tl.add(Double.parseDouble(s.cell(i, "AVAL")));
          el.add(s.cell(i, "CNSR").equals("0"));
        }
      }
      double[] t = tl.stream().mapToDouble(Double::doubleValue).toArray();
      boolean[] e = new boolean[el.size()];
      for (int k = 0; k < e.length; k++) {
        e[k] = el.get(k);
      }
      KmQuantile.Estimate m = median(t, e, ConfType.parse(g.cell(r, "conf_type")));
      String what = g.cell(r, "conf_type") + " " + g.cell(r, "arm") + " " + g.cell(r, "sex");
      check(Golden.num(g, r, "median"), m.estimate(), what + " median");
      check(Golden.num(g, r, "lower"), m.lower(), what + " lower");
      check(Golden.num(g, r, "upper"), m.upper(), what + " upper");
    }
  }

  @Test
  void flatSegmentExactlyAtHalfTakesTheMidpoint() {
    // S = 0.5 after the event at 2, flat until the event at 4: R's median is (2 + 4) / 2 = 3.
    double[] t = {1, 2, 3, 4};
    boolean[] e = {true, true, false, true};
    assertEquals(3, median(t, e, ConfType.LOG).estimate(), 1e-12);
  }
}

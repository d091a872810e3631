package org.trialstats.subgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.io.DataTable;
import org.trialstats.response.DifferenceMethod;
import org.trialstats.survival.CoxTies;

/**
 * Within-level Cox hazard ratios and Cox interaction LR tests against R {@code coxph} / {@code
 * anova} on the colon trial (colon_cox_within.csv, lr_tests.csv); within-level odds ratios against
 * R {@code glm} (colon_or_within.csv). Tolerance 1e-6.
 */
class SubgroupEffectsTest {
  static final List<String> ARMS = List.of("Obs", "Lev+5FU");

  /** Recurrence (etype 1), Lev+5FU vs Obs. */
  record Colon(double[] time, boolean[] event, int[] arm, DataTable t, int[] rows) {
    String level(int k, String variable) {
      int i = rows[k];
      if (variable.equals("age65")) {
        return Double.parseDouble(t.cell(i, "age")) >= 65 ? ">=65" : "<65";
      }
      return t.cell(i, variable);
    }
  }

  static Colon colon() {
    DataTable c = Golden.colon();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < c.rowCount(); i++) {
      if (c.cell(i, "etype").equals("1") && ARMS.contains(c.cell(i, "rx"))) {
        rows.add(i);
      }
    }
    int n = rows.size();
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    int[] a = new int[n];
    int[] r = new int[n];
    for (int k = 0; k < n; k++) {
      int i = rows.get(k);
      r[k] = i;
      t[k] = Double.parseDouble(c.cell(i, "time"));
      e[k] = c.cell(i, "status").equals("1");
      a[k] = ARMS.indexOf(c.cell(i, "rx"));
    }
    return new Colon(t, e, a, c, r);
  }

  static List<String> levels(String v) {
    return switch (v) {
      case "age65" -> List.of("<65", ">=65");
      case "extent" -> List.of("1", "2", "3", "4");
      default -> List.of("0", "1");
    };
  }

  @Test
  void hazardRatiosWithinLevelsMatchCoxph() {
    Colon c = colon();
    DataTable g = Golden.read("colon_cox_within.csv");
    int checked = 0;
    for (int r = 0; r < g.rowCount(); r++) {
      String v = g.cell(r, "variable");
      String l = g.cell(r, "level");
      List<Integer> idx = new ArrayList<>();
      for (int k = 0; k < c.time.length; k++) {
        if (v.equals("ALL") || c.level(k, v).equals(l)) {
          idx.add(k);
        }
      }
      double[] t = new double[idx.size()];
      boolean[] e = new boolean[idx.size()];
      int[] a = new int[idx.size()];
      for (int k = 0; k < t.length; k++) {
        t[k] = c.time[idx.get(k)];
        e[k] = c.event[idx.get(k)];
        a[k] = c.arm[idx.get(k)];
      }
      SubgroupEffects.Comparison hr =
          SubgroupEffects.hazardRatios(t, e, a, ARMS, CoxTies.EFRON, 0.95).get(0);
      String what = v + "=" + l;
      assertEquals((int) Golden.num(g, r, "n"), t.length, what);
      if (v.equals("extent") && l.equals("1")) {
        // R prints HR 1.4e9 with CI (0, Inf): 0 of 8 Obs subjects had an event.
        assertFalse(hr.estimable(), what);
        assertEquals("no events in Obs: hazard ratio not estimable", hr.reason());
        continue;
      }
      assertTrue(hr.estimable(), what);
      Golden.close(Golden.num(g, r, "hr"), hr.estimate(), 1e-6, what + " hr");
      Golden.close(Golden.num(g, r, "conf_low"), hr.lower(), 1e-6, what + " low");
      Golden.close(Golden.num(g, r, "conf_high"), hr.upper(), 1e-6, what + " high");
      Golden.close(Golden.num(g, r, "p_wald"), hr.pValue(), 1e-6, what + " p");
      checked++;
    }
    assertEquals(12, checked);
  }

  @Test
  void coxInteractionLikelihoodRatioMatchesAnova() {
    Colon c = colon();
    DataTable g = Golden.read("lr_tests.csv");
    int checked = 0;
    for (int r = 0; r < g.rowCount(); r++) {
      if (!g.cell(r, "dataset").equals("colon")) {
        continue;
      }
      String v = g.cell(r, "variable");
      List<String> lv = levels(v);
      int[] level = new int[c.time.length];
      for (int k = 0; k < level.length; k++) {
        level[k] = lv.indexOf(c.level(k, v));
      }
      LikelihoodRatio lr =
          SubgroupEffects.coxInteraction(
              c.time, c.event, c.arm, 2, level, lv.size(), CoxTies.EFRON);
      Golden.close(Golden.num(g, r, "loglik_main"), lr.logLikReduced(), 1e-6, v);
      Golden.close(Golden.num(g, r, "loglik_full"), lr.logLikFull(), 1e-6, v);
      Golden.close(Golden.num(g, r, "statistic"), lr.statistic(), 1e-6, v + " chisq");
      assertEquals((int) Golden.num(g, r, "df"), lr.df(), v);
      Golden.close(Golden.num(g, r, "p_value"), lr.pValue(), 1e-6, v + " p");
      checked++;
    }
    assertEquals(5, checked);
  }

  @Test
  void oddsRatiosWithinLevelsMatchGlm() {
    DataTable g = Golden.read("colon_or_within.csv");
    for (int r = 0; r < g.rowCount(); r++) {
      int[] x = {(int) Golden.num(g, r, "x_ref"), (int) Golden.num(g, r, "x_trt")};
      int[] n = {(int) Golden.num(g, r, "n_ref"), (int) Golden.num(g, r, "n_trt")};
      SubgroupEffects.Comparison[] c =
          SubgroupEffects.responseComparisons(x, n, ARMS, DifferenceMethod.WALD, 0.95).get(0);
      String what = g.cell(r, "variable") + "=" + g.cell(r, "level");
      if (x[0] == 0) {
        assertFalse(c[0].estimable(), what);
        assertEquals("no responders in Obs: odds ratio not estimable", c[0].reason());
        assertTrue(c[1].estimable(), "the difference stays estimable");
        continue;
      }
      Golden.close(Golden.num(g, r, "odds_ratio"), c[0].estimate(), 1e-6, what);
      Golden.close(Golden.num(g, r, "conf_low"), c[0].lower(), 1e-6, what);
      Golden.close(Golden.num(g, r, "conf_high"), c[0].upper(), 1e-6, what);
      Golden.close((double) x[1] / n[1] - (double) x[0] / n[0], c[1].estimate(), 1e-12, what);
    }
  }
}

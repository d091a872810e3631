package org.trialstats.subgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.io.DataTable;

/**
 * Logistic regression and the interaction LR test against R {@code glm(binomial)} and {@code
 * anova(..., test = "LRT")} (generate.R: glm_coefficients.csv, lr_tests.csv), tolerance 1e-6.
 */
class LogisticRegressionTest {

  /** One analysis data set: arm, subgroup level and response per subject. */
  record Case(int[] arm, int nArms, int[] level, int nLevels, boolean[] y) {}

  static Case colon(String dataset, String variable) {
    DataTable c = Golden.colon();
    List<String> arms =
        dataset.equals("colon3") ? List.of("Obs", "Lev", "Lev+5FU") : List.of("Obs", "Lev+5FU");
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < c.rowCount(); i++) {
      if (c.cell(i, "etype").equals("1") && arms.contains(c.cell(i, "rx"))) {
        rows.add(i);
      }
    }
    int n = rows.size();
    String[] rx = new String[n];
    String[] lv = new String[n];
    boolean[] y = new boolean[n];
    for (int k = 0; k < n; k++) {
      int i = rows.get(k);
      rx[k] = c.cell(i, "rx");
      y[k] = c.cell(i, "status").equals("1");
      lv[k] =
          variable.equals("age65")
              ? (Double.parseDouble(c.cell(i, "age")) >= 65 ? ">=65" : "<65")
              : c.cell(i, variable);
    }
    List<String> levels =
        switch (variable) {
          case "age65" -> List.of("<65", ">=65");
          case "extent" -> List.of("1", "2", "3", "4");
          default -> List.of("0", "1");
        };
    return new Case(
        Golden.index(rx, arms), arms.size(), Golden.index(lv, levels), levels.size(), y);
  }

  static Case seeded(String variable) {
    DataTable s = Golden.read("seeded.csv");
    int n = s.rowCount();
    String[] lv = new String[n];
    double[] age = new double[n];
    for (int i = 0; i < n; i++) {
      age[i] = Double.parseDouble(s.cell(i, "AGE"));
    }
    double med = Cuts.quantile(age, 0.5);
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      lv[i] = variable.equals("AGEQ2") ? (age[i] < med ? "lo" : "hi") : s.cell(i, variable);
      String r = s.cell(i, "AVALC");
      y[i] = r.equals("CR") || r.equals("PR");
    }
    List<String> levels =
        switch (variable) {
          case "SEX" -> List.of("F", "M");
          case "REGION" -> List.of("Asia", "Europe", "North America");
          default -> List.of("lo", "hi");
        };
    return new Case(
        Golden.index(s.column("ARM"), List.of("Placebo", "Drug")),
        2,
        Golden.index(lv, levels),
        levels.size(),
        y);
  }

  static Case load(String dataset, String variable) {
    return dataset.equals("seeded") ? seeded(variable) : colon(dataset, variable);
  }

  @Test
  void coefficientsAndStandardErrorsMatchGlm() {
    DataTable g = Golden.read("glm_coefficients.csv");
    int checked = 0;
    String key = "";
    LogisticRegression.Fit fit = null;
    for (int r = 0; r < g.rowCount(); r++) {
      String ds = g.cell(r, "dataset");
      String v = g.cell(r, "variable");
      String model = g.cell(r, "model");
      if (!key.equals(ds + v + model)) {
        key = ds + v + model;
        Case c = load(ds, v);
        boolean full = model.equals("full");
        fit =
            LogisticRegression.fit(
                InteractionDesign.of(c.arm, c.nArms, c.level, c.nLevels, full, true),
                toDouble(c.y));
        Golden.close(Golden.num(g, r, "loglik"), fit.logLik(), 1e-6, key + " loglik");
        assertTrue(fit.converged(), key);
      }
      if (fit.separated()) {
        continue; // R's coefficients are arbitrary points on a diverging path
      }
      int j = Integer.parseInt(g.cell(r, "index"));
      String what = key + " " + g.cell(r, "term");
      Golden.close(Golden.num(g, r, "estimate"), fit.coefficients()[j], 1e-6, what);
      Golden.close(Golden.num(g, r, "std_error"), fit.stdErrors()[j], 1e-6, what + " se");
      checked++;
    }
    assertTrue(checked >= 70, "checked " + checked);
  }

  @Test
  void interactionLikelihoodRatioMatchesAnova() {
    DataTable g = Golden.read("lr_tests.csv");
    int checked = 0;
    for (int r = 0; r < g.rowCount(); r++) {
      if (!g.cell(r, "endpoint").equals("response")) {
        continue;
      }
      String ds = g.cell(r, "dataset");
      String v = g.cell(r, "variable");
      Case c = load(ds, v);
      LogisticInteraction.Result res =
          LogisticInteraction.test(c.arm, c.nArms, c.level, c.nLevels, c.y);
      LikelihoodRatio lr = res.test();
      String what = ds + " " + v;
      Golden.close(Golden.num(g, r, "loglik_main"), lr.logLikReduced(), 1e-6, what);
      Golden.close(Golden.num(g, r, "loglik_full"), lr.logLikFull(), 1e-6, what);
      Golden.close(Golden.num(g, r, "statistic"), lr.statistic(), 1e-6, what + " chisq");
      assertEquals((int) Golden.num(g, r, "df"), lr.df(), what);
      Golden.close(Golden.num(g, r, "p_value"), lr.pValue(), 1e-6, what + " p");
      // Separated: extent 1 has no recurrence under Obs (0/8); Asia has all Drug responders.
      boolean sep = v.equals("extent") || (ds.equals("seeded") && v.equals("REGION"));
      assertEquals(sep, lr.separated(), what + " separation flag");
      checked++;
    }
    assertEquals(11, checked);
  }

  @Test
  void aliasedInteractionIsDroppedAndReducesDf() {
    // Level 2 holds only arm 0: its interaction column is all zero, so df = 1, not 2.
    int[] arm = {0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0};
    int[] lev = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
    boolean[] y = {true, false, true, true, false, true, true, false, true, false, false, true};
    LogisticInteraction.Result r = LogisticInteraction.test(arm, 2, lev, 3, y);
    assertEquals(1, r.test().df());
    assertTrue(r.full().aliased()[5]);
    assertTrue(Double.isNaN(r.full().coefficients()[5]));
    assertFalse(r.full().aliased()[4]);
  }

  @Test
  void rejectsNonBinaryResponse() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LogisticRegression.fit(new double[][] {{1}, {1}}, new double[] {0, 2}));
  }

  static double[] toDouble(boolean[] b) {
    double[] out = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i] ? 1 : 0;
    }
    return out;
  }
}

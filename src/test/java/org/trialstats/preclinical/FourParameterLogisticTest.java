package org.trialstats.preclinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/** 4PL fits against R nls (analytic gradient) in golden/preclinical/ic50.csv. */
class FourParameterLogisticTest {
  private static final double REL = 1e-6;

  private static double[][] data(String file, String x, String y, String filterCol, String lv) {
    DataTable t = CsvReader.read(Golden.DATA.resolve(file));
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (filterCol == null || t.cell(i, filterCol).equals(lv)) {
        rows.add(new double[] {Double.parseDouble(t.cell(i, x)), Double.parseDouble(t.cell(i, y))});
      }
    }
    return new double[][] {
      rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray()
    };
  }

  private static Map<String, FourParameterLogistic.Fit> fits() {
    Map<String, FourParameterLogistic.Fit> m = new HashMap<>();
    double[][] dn = data("dnase1.csv", "conc", "density", null, null);
    double nan = Double.NaN;
    m.put("DNase1", FourParameterLogistic.fit(dn[0], dn[1], nan, nan, 0.95));
    double[][] c1 = data("dose_response.csv", "conc", "response", "compound", "CMPD-1");
    double[][] c2 = data("dose_response.csv", "conc", "response", "compound", "CMPD-2");
    m.put("CMPD-1", FourParameterLogistic.fit(c1[0], c1[1], nan, nan, 0.95));
    m.put("CMPD-2", FourParameterLogistic.fit(c2[0], c2[1], nan, nan, 0.95));
    m.put("CMPD-1 fixed 0-100", FourParameterLogistic.fit(c1[0], c1[1], 0, 100, 0.95));
    m.put("CMPD-2 fixed bottom 10", FourParameterLogistic.fit(c2[0], c2[1], 10, nan, 0.95));
    return m;
  }

  @Test
  void matchesRNlsEstimatesStandardErrorsAndIntervals() {
    Map<String, FourParameterLogistic.Fit> fits = fits();
    DataTable g = Golden.read("ic50.csv");
    assertEquals(32, g.rowCount());
    for (int i = 0; i < g.rowCount(); i++) {
      String label = g.cell(i, "group");
      String term = g.cell(i, "term");
      FourParameterLogistic.Fit f = fits.get(label);
      assertNotNull(f, label);
      assertTrue(f.converged(), label);
      assertTrue(f.ic50Estimable(), label);
      String w = label + " " + term;
      double est;
      double se = Double.NaN;
      double[] ci = {Double.NaN, Double.NaN};
      switch (term) {
        case "ic50" -> {
          est = f.ic50();
          ci = f.ic50Ci();
        }
        case "log10_ic50" -> {
          est = f.log10Ic50();
          se = f.seLog10Ic50();
          ci = f.log10Ic50Ci();
        }
        case "bottom" -> {
          est = f.bottom();
          se = f.seBottom();
          ci = FourParameterLogistic.Fit.wald(est, se, f.tQuantile());
        }
        case "top" -> {
          est = f.top();
          se = f.seTop();
          ci = FourParameterLogistic.Fit.wald(est, se, f.tQuantile());
        }
        case "hill" -> {
          est = f.hill();
          se = f.seHill();
          ci = FourParameterLogistic.Fit.wald(est, se, f.tQuantile());
        }
        case "residual_se" -> est = f.residualSe();
        case "r_squared" -> est = f.rSquared();
        default -> throw new AssertionError(term);
      }
      Golden.close(Golden.num(g.cell(i, "estimate")), est, REL, w + " estimate");
      Golden.close(Golden.num(g.cell(i, "conf_low")), ci[0], REL, w + " conf_low");
      Golden.close(Golden.num(g.cell(i, "conf_high")), ci[1], REL, w + " conf_high");
      if (!g.cell(i, "std_error").isEmpty()) {
        Golden.close(Golden.num(g.cell(i, "std_error")), se, REL, w + " se");
      }
      if (!g.cell(i, "df").isEmpty()) {
        assertEquals(Golden.num(g.cell(i, "df")), f.df(), 0, w + " df");
      }
      assertEquals(Golden.num(g.cell(i, "n")), f.n(), 0, w + " n");
    }
  }

  @Test
  void fixedParametersAreReportedAsGivenWithoutStandardError() {
    FourParameterLogistic.Fit f = fits().get("CMPD-1 fixed 0-100");
    assertEquals(0, f.bottom());
    assertEquals(100, f.top());
    assertTrue(f.bottomFixed() && f.topFixed());
    assertTrue(Double.isNaN(f.seBottom()) && Double.isNaN(f.seTop()));
    assertEquals(22, f.df());
  }

  @Test
  void increasingAndDecreasingCurvesAreLabelledBottomBelowTop() {
    Map<String, FourParameterLogistic.Fit> fits = fits();
    assertTrue(fits.get("DNase1").hill() > 0); // density rises with concentration
    assertTrue(fits.get("CMPD-1").hill() < 0); // viability falls
    for (FourParameterLogistic.Fit f : fits.values()) {
      assertTrue(f.bottom() < f.top());
    }
  }

  @Test
  void noiselessCurveIsRecoveredAndPredictIsTheModel() {
    double[] x = {0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 10 + 80 / (1 + Math.pow(10, (Math.log10(2.5) - Math.log10(x[i])) * -1.3));
    }
    FourParameterLogistic.Fit f = FourParameterLogistic.fit(x, y, Double.NaN, Double.NaN, 0.95);
    assertEquals(2.5, f.ic50(), 1e-7);
    assertEquals(-1.3, f.hill(), 1e-7);
    assertEquals(10, f.bottom(), 1e-6);
    assertEquals(90, f.top(), 1e-6);
    assertEquals(y[4], f.predict(1), 1e-6);
    assertEquals(50, f.predict(2.5), 1e-6);
  }

  @Test
  void ic50OutsideTheTestedRangeIsFlagged() {
    double[] x = {0.01, 0.1, 1, 10, 100};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 100 / (1 + Math.pow(x[i] / 5000, 1.0)) + (i % 2 == 0 ? 0.3 : -0.3);
    }
    FourParameterLogistic.Fit f = FourParameterLogistic.fit(x, y, 0, Double.NaN, 0.95);
    assertTrue(f.ic50() > 100);
    assertTrue(f.note() != null && f.note().contains("outside"), String.valueOf(f.note()));
  }

  @Test
  void rejectsNonPositiveConcentrationsTooFewPointsAndFlatResponse() {
    double nan = Double.NaN;
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FourParameterLogistic.fit(
                new double[] {0, 1, 2, 3, 4}, new double[] {1, 2, 3, 4, 5}, nan, nan, 0.95));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FourParameterLogistic.fit(
                new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}, nan, nan, 0.95));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FourParameterLogistic.fit(
                new double[] {1, 2, 3, 4, 5}, new double[] {7, 7, 7, 7, 7}, nan, nan, 0.95));
  }

  @Test
  void noisyFlatResponseIsNotEstimableWithANote() {
    double nan = Double.NaN;
    FourParameterLogistic.Fit f =
        FourParameterLogistic.fit(
            new double[] {1, 2, 3, 4, 5, 6, 7, 8},
            new double[] {5, 4.8, 5.2, 5.1, 4.9, 5, 5.1, 4.95},
            nan,
            nan,
            0.95);
    assertFalse(f.converged());
    assertTrue(Double.isNaN(f.ic50()));
    assertTrue(f.note().startsWith("IC50 not estimable"), f.note());
  }

  @Test
  void singularGradientIsConvergedButIc50NotEstimable() {
    double nan = Double.NaN;
    FourParameterLogistic.Fit f =
        FourParameterLogistic.fit(
            new double[] {0.01, 0.01, 0.1, 0.1, 1, 1, 10, 10, 100, 100},
            new double[] {50, 52, 49, 51, 50, 50.5, 49.5, 51, 50.2, 49.8},
            nan,
            nan,
            0.95);
    assertTrue(f.converged());
    assertFalse(f.ic50Estimable());
    assertTrue(f.note().startsWith(FourParameterLogistic.Fit.NOT_ESTIMABLE), f.note());
  }
}

package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SAS PROC LIFETEST conventions checked against outputs printed as text in public sources, at the
 * printed precision. Sources, data and what could not be verified:
 * src/test/resources/sas/README.md.
 */
class SasLifetestReferenceTest {

  static SurvivalData read(String file, int timeCol, int statusCol, int groupCol, List<String> gl)
      throws IOException {
    List<String> l = Files.readAllLines(Path.of("src/test/resources/sas", file));
    l = l.subList(1, l.size());
    int n = l.size();
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    int[] g = new int[n];
    for (int i = 0; i < n; i++) {
      String[] c = l.get(i).replace("\"", "").split(",");
      t[i] = Double.parseDouble(c[timeCol]);
      e[i] = Double.parseDouble(c[statusCol]) > 0;
      g[i] = gl.indexOf(c[groupCol]);
    }
    return SurvivalData.of(t, e, g, gl);
  }

  static String printed(double x, int decimals) {
    return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * The BMT data of the SAS LIFETEST examples (sashelp.BMT; bmt.csv is identical, row by row, to
   * the DATA step SAS publishes, see the README). No SAS-printed test statistic for these data
   * could be retrieved as text, so the log-rank statistic is checked against R instead: R 4.2.2,
   * survival 3.5-3, {@code survdiff(Surv(T, Status > 0) ~ Group)}: chi-square 13.80372189 on 2 df.
   */
  @Test
  void bmtLogRankMatchesR() throws IOException {
    SurvivalData d = read("bmt.csv", 1, 2, 0, List.of("ALL", "AML-Low Risk", "AML-High Risk"));
    assertEquals(137, d.size());
    LogRank.Result lr = LogRank.test(d.counts(false), LogRank.Test.LOGRANK);
    assertEquals(13.80372189, lr.statistic(), 1e-6 * 13.80372189);
    assertEquals(2, lr.df());
  }

  /**
   * SAS PROC LIFETEST (default CONFTYPE=LOGLOG) medians with Brookmeyer–Crowley limits for R's
   * kidney data by sex, as printed in a public R-vs-SAS question (README): sex=1 22 (12, 30), sex=2
   * 130 (58, 185). R's own default (log) limits differ: (12, 63) and (66, 190).
   */
  @Test
  void kidneyMediansWithLogLogLimitsMatchSas() throws IOException {
    SurvivalData d = read("kidney.csv", 1, 2, 3, List.of("1", "2"));
    CountTable c = d.counts(false);
    double[][] expected = {{22, 12, 30}, {130, 58, 185}};
    for (int g = 0; g < 2; g++) {
      KaplanMeier k = KaplanMeier.fit(c, 0, g, false, ConfType.LOG_LOG, 0.95);
      KmQuantile.Estimate m = KmQuantile.of(k, 0.5, Convention.SAS);
      assertEquals(expected[g][0], m.estimate(), 0, "median sex=" + (g + 1));
      assertEquals(expected[g][1], m.lower(), 0, "lower sex=" + (g + 1));
      assertEquals(expected[g][2], m.upper(), 0, "upper sex=" + (g + 1));
    }
  }

  static KaplanMeier camis(boolean lastIsEvent) {
    double[] t = {54, 75, 77, 84, 87, 92, 103, 105, 112, 118};
    boolean[] e = new boolean[t.length];
    for (int i = 0; i < 5; i++) {
      e[i] = true;
    }
    e[9] = lastIsEvent;
    return KaplanMeier.fit(SurvivalData.of(t, e), ConfType.LOG_LOG, 0.95);
  }

  /**
   * CAMIS "R vs SAS - Kaplan Meier and Cox-proportion hazards modelling" (PSIAIMS/CAMIS,
   * Comp/r-sas_survival.qmd), 10 subjects, events at 54, 75, 77, 84, 87, censored at 92, 103, 105,
   * 112, 118: S = 0.5 from 87 to the last (censored) time. "When using R, the median is ... (87 +
   * 118) / 2 = 102.5. However, SAS searches the smallest time which survival estimate is < 0.5,
   * which does not exist in this dataset, so it gives NE".
   */
  @Test
  void camisFlatAtHalfMedianIsMidpointInRAndNotEstimableInSas() {
    KaplanMeier km = camis(false);
    assertEquals(102.5, KmQuantile.of(km, 0.5, Convention.R).estimate(), 0);
    assertEquals(Double.NaN, KmQuantile.of(km, 0.5, Convention.SAS).estimate(), 0);
  }

  /**
   * Same CAMIS page, 120-day estimate beyond the last (censored) time 118: "SAS ... returns ...
   * NE"; R carries the last value forward: "0.5 (0.184, 0.753)" with conf.type = "log-log".
   */
  @Test
  void camisLandmarkAfterLastCensoredTimeIsNotEstimableInSas() {
    KaplanMeier km = camis(false);
    double[] r = km.at(120, true);
    assertEquals("0.500", printed(r[0], 3));
    assertEquals("0.184", printed(r[1], 3));
    assertEquals("0.753", printed(r[2], 3));
    assertEquals(Double.NaN, km.at(120, false)[0], 0);
  }

  /**
   * Same CAMIS page, last observation (118) changed to an event: "R and SAS will both give 0 for
   * the event-free survival estimate" at 120 days.
   */
  @Test
  void camisLandmarkAfterLastEventIsZeroInBoth() {
    KaplanMeier km = camis(true);
    assertEquals(0, km.at(120, true)[0], 0);
    assertEquals(0, km.at(120, false)[0], 0);
  }

  /**
   * The same rules on golden case flat50 (group A: 1, 2 events, 3+, 5+; group B: 1, 2, 3 events,
   * 4+, 5, 6 events): flat at exactly 0.5 to the last censored time, R takes the midpoint with the
   * last time and SAS gives NE; when a later event exists both take the midpoint of the flat
   * segment (SAS LIFETEST "Computational Formulas": if S is exactly 1 - p from t_j to t_{j+1} the
   * percentile is (t_j + t_{j+1}) / 2).
   */
  @Test
  void flatAtHalfRulesDiffer() {
    SurvivalData d = Golden.data("flat50");
    CountTable c = d.counts(false);
    KaplanMeier a = KaplanMeier.fit(c, 0, 0, false, ConfType.LOG_LOG, 0.95);
    KaplanMeier b = KaplanMeier.fit(c, 0, 1, false, ConfType.LOG_LOG, 0.95);
    assertEquals(3.5, KmQuantile.of(a, 0.5, Convention.R).estimate(), 0); // (2 + 5) / 2
    assertEquals(Double.NaN, KmQuantile.of(a, 0.5, Convention.SAS).estimate(), 0);
    assertEquals(4, KmQuantile.of(b, 0.5, Convention.R).estimate(), 0); // (3 + 5) / 2
    assertEquals(4, KmQuantile.of(b, 0.5, Convention.SAS).estimate(), 0);
  }
}

package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SAS PROC LIFETEST outputs from documentation/public sources (src/test/resources/sas/README.md).
 */
class SasReferenceTest {

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

  /**
   * SAS/STAT LIFETEST Example "Product-Limit Estimates and Tests of Association" (sashelp.BMT,
   * {@code time T*Status(0); strata Group;}): Test of Equality over Strata, Log-Rank 13.8037 (2 df,
   * Pr 0.0010), Wilcoxon 16.2407 (2 df, Pr 0.0003). SAS "Wilcoxon" = Gehan–Breslow.
   */
  @Test
  void bmtLogRankAndWilcoxonMatchSas() throws IOException {
    SurvivalData d = read("bmt.csv", 1, 2, 0, List.of("ALL", "AML-Low Risk", "AML-High Risk"));
    assertEquals(137, d.size());
    LogRank.Result lr = LogRank.test(d.counts(false), LogRank.Test.LOGRANK);
    assertEquals(13.8037, lr.statistic(), 0.00005);
    assertEquals(2, lr.df());
    assertEquals(0.0010, lr.pValue(), 0.00005);
    LogRank.Result w = LogRank.test(d.counts(false), LogRank.Test.GEHAN);
    assertEquals(16.2407, w.statistic(), 0.00005);
    assertEquals(0.0003, w.pValue(), 0.00005);
  }

  /** SAS PROC LIFETEST (default CONFTYPE=LOGLOG) medians for R's kidney data, by sex. */
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

  /**
   * The documented R/SAS difference on a curve that stays exactly at 0.5 to its last (censored)
   * time: R takes the midpoint with the last time, SAS does not estimate the median; when a later
   * event exists both take the midpoint of the flat segment. Data: golden case flat50 (group A: 1,
   * 2 events, 3+, 5+; group B: 1, 2, 3 events, 4+, 5, 6 events).
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

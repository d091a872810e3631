package org.trialstats.preclinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.trialstats.io.DataTable;

/** Wilcoxon rank-sum against R wilcox.test (golden/preclinical/wilcox_cases.csv). */
class RankSumTestTest {
  private static double[] parse(String s) {
    return Arrays.stream(s.split(";")).mapToDouble(Double::parseDouble).toArray();
  }

  @Test
  void matchesRWilcoxTestExactAndNormalPaths() {
    DataTable t = Golden.read("wilcox_cases.csv");
    assertEquals(6, t.rowCount());
    for (int i = 0; i < t.rowCount(); i++) {
      String c = t.cell(i, "case");
      RankSumTest.Result r = RankSumTest.test(parse(t.cell(i, "x")), parse(t.cell(i, "y")));
      assertEquals(Golden.num(t.cell(i, "statistic")), r.w(), 1e-12, c + " W");
      assertEquals("1".equals(t.cell(i, "exact")), r.exact(), c + " exact");
      Golden.close(Golden.num(t.cell(i, "p_value")), r.pValue(), 1e-9, c + " p");
    }
  }

  @Test
  void exactDistributionSumsToChooseAndIsSymmetric() {
    double[] f = RankSumTest.frequencies(4, 6);
    assertEquals(25, f.length);
    assertEquals(210, Arrays.stream(f).sum(), 0); // choose(10, 4)
    for (int u = 0; u < f.length; u++) {
      assertEquals(f[u], f[f.length - 1 - u], 0, "symmetry at " + u);
    }
    // P(W <= 0) = 1 / choose(10, 4)
    assertEquals(1.0 / 210, RankSumTest.cdf(0, 4, 6), 1e-15);
  }
}

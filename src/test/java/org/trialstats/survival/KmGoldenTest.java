package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialstats.survival.Golden.close;
import static org.trialstats.survival.Golden.num;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kaplan–Meier curves, quantiles, landmarks, reverse-KM follow-up and the log-rank family against R
 * survival 3.5-3 (golden CSVs from src/test/resources/golden/km/generate.R).
 */
class KmGoldenTest {
  static final double REL = 1e-9;
  final Map<String, SurvivalData> data = new HashMap<>();

  SurvivalData data(String kase) {
    return data.computeIfAbsent(kase, Golden::data);
  }

  KaplanMeier km(String kase, String group, String ct, double level) {
    SurvivalData d = data(kase);
    int g = d.groupLevels().indexOf(group);
    assertTrue(g >= 0, kase + " group " + group);
    return KaplanMeier.fit(d.counts(false), 0, g, false, ConfType.parse(ct), level);
  }

  @Test
  void curvesMatchSurvfitForEveryConfType() {
    List<Map<String, String>> rows = Golden.rows("curves.csv");
    Map<String, Integer> pos = new HashMap<>();
    Map<String, KaplanMeier> fits = new HashMap<>();
    int checked = 0;
    for (Map<String, String> r : rows) {
      String key =
          r.get("case")
              + "|"
              + r.get("group")
              + "|"
              + r.get("conf_type")
              + "|"
              + r.get("conf_level");
      KaplanMeier k =
          fits.computeIfAbsent(
              key,
              x -> km(r.get("case"), r.get("group"), r.get("conf_type"), num(r, "conf_level")));
      int i = pos.merge(key, 1, Integer::sum) - 1;
      String what = key + " row " + i;
      assertEquals(num(r, "time"), k.time(i), 0, what + " time");
      assertEquals((int) num(r, "n_risk"), k.nRisk(i), what + " n.risk");
      assertEquals((int) num(r, "n_event"), k.nEvent(i), what + " n.event");
      assertEquals((int) num(r, "n_censor"), k.nCensor(i), what + " n.censor");
      close(num(r, "surv"), k.surv(i), REL, what + " surv");
      close(num(r, "std_err"), k.seLog(i), REL, what + " std.err");
      close(num(r, "lower"), k.lower(i), REL, what + " lower");
      close(num(r, "upper"), k.upper(i), REL, what + " upper");
      checked++;
    }
    for (Map.Entry<String, Integer> e : pos.entrySet()) {
      assertEquals(fits.get(e.getKey()).size(), (int) e.getValue(), e.getKey() + " rows");
    }
    assertTrue(checked > 10000, "rows checked " + checked);
  }

  @Test
  void quantilesMatchQuantileSurvfit() {
    int checked = 0;
    for (Map<String, String> r : Golden.rows("quantiles.csv")) {
      KaplanMeier k = km(r.get("case"), r.get("group"), r.get("conf_type"), num(r, "conf_level"));
      KmQuantile.Estimate q = KmQuantile.of(k, num(r, "prob"), Convention.R);
      String what =
          r.get("case") + "|" + r.get("group") + "|" + r.get("conf_type") + "|" + r.get("prob");
      close(num(r, "quantile"), q.estimate(), REL, what + " quantile");
      close(num(r, "lower"), q.lower(), REL, what + " lower");
      close(num(r, "upper"), q.upper(), REL, what + " upper");
      checked++;
    }
    assertTrue(checked > 400);
  }

  @Test
  void landmarksMatchSummaryExtend() {
    for (Map<String, String> r : Golden.rows("landmarks.csv")) {
      KaplanMeier k = km(r.get("case"), r.get("group"), r.get("conf_type"), 0.95);
      double t = num(r, "time");
      double[] s = k.at(t, true);
      String what = r.get("case") + "|" + r.get("group") + "|" + r.get("conf_type") + "|t=" + t;
      close(num(r, "surv"), s[0], REL, what + " surv");
      close(num(r, "std_err"), s[3], REL, what + " std.err");
      close(num(r, "lower"), s[1], REL, what + " lower");
      close(num(r, "upper"), s[2], REL, what + " upper");
      assertEquals((int) num(r, "n_risk"), k.atRisk(t), what + " n.risk");
    }
  }

  @Test
  void reverseKmFollowUpMatches() {
    for (Map<String, String> r : Golden.rows("followup.csv")) {
      SurvivalData d = data(r.get("case"));
      int g = d.groupLevels().indexOf(r.get("group"));
      KaplanMeier k = KaplanMeier.fit(d.counts(false), 0, g, true, ConfType.LOG, 0.95);
      KmQuantile.Estimate q = KmQuantile.of(k, 0.5, Convention.R);
      String what = r.get("case") + "|" + r.get("group");
      close(num(r, "median"), q.estimate(), REL, what + " median");
      close(num(r, "lower"), q.lower(), REL, what + " lower");
      close(num(r, "upper"), q.upper(), REL, what + " upper");
    }
  }

  @Test
  void weightedLogRankFamilyMatches() {
    int checked = 0;
    for (Map<String, String> r : Golden.rows("tests.csv")) {
      SurvivalData d = data(r.get("case"));
      boolean strat = r.get("stratified").equals("1");
      LogRank.Result res = LogRank.test(d.counts(strat), LogRank.Test.parse(r.get("test")));
      String what = r.get("case") + "|" + strat + "|" + r.get("test") + "|" + r.get("source");
      close(num(r, "chisq"), res.statistic(), 1e-8, what + " chisq");
      assertEquals((int) num(r, "df"), res.df(), what + " df");
      close(num(r, "p"), res.pValue(), 1e-6, what + " p");
      checked++;
    }
    assertTrue(checked > 150);
  }

  @Test
  void pairwiseComparisonsMatchSurvdiffOnSubsets() {
    int checked = 0;
    for (Map<String, String> r : Golden.rows("pairwise.csv")) {
      SurvivalData d = data(r.get("case"));
      String[] gv = r.get("group").split(" vs ");
      int h = d.groupLevels().indexOf(gv[0]);
      int ref = d.groupLevels().indexOf(gv[1]);
      CountTable t = d.counts(r.get("stratified").equals("1")).select(ref, h);
      LogRank.Result res = LogRank.test(t, LogRank.Test.parse(r.get("test")));
      String what = r.get("case") + "|" + r.get("stratified") + "|" + r.get("test") + "|" + gv[0];
      close(num(r, "chisq"), res.statistic(), 1e-8, what);
      close(num(r, "p"), res.pValue(), 1e-6, what);
      checked++;
    }
    assertTrue(checked >= 20, "checked " + checked);
  }
}

package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Identities that hold whatever the reference software: each test can fail on a wrong core. */
class KmIdentitiesTest {

  @Test
  void withoutCensoringKmIsTheEmpiricalSurvivorFunction() {
    SurvivalData d = Golden.data("nocens");
    KaplanMeier k = KaplanMeier.fit(d.counts(false), 0, 0, false, ConfType.LOG, 0.95);
    double[] t = d.times();
    int n = t.length;
    for (int i = 0; i < k.size(); i++) {
      int above = 0;
      for (double x : t) {
        if (x > k.time(i)) {
          above++;
        }
      }
      assertEquals((double) above / n, k.surv(i), 1e-12, "t=" + k.time(i));
    }
    assertEquals(n, k.events());
  }

  @Test
  void addingAnAllCensoredGroupCensoredBeforeTheFirstEventLeavesLogRankUnchanged() {
    SurvivalData d = Golden.data("aml");
    int n = d.size();
    double[] t = new double[n + 5];
    boolean[] e = new boolean[n + 5];
    int[] g = new int[n + 5];
    for (int i = 0; i < n; i++) {
      t[i] = d.time(i);
      e[i] = d.event(i);
      g[i] = d.group(i);
    }
    for (int i = n; i < n + 5; i++) {
      t[i] = 0.5 * i / (n + 5); // all before the first event (time 5)
      g[i] = 2;
    }
    List<String> levels = List.of("Maintained", "Nonmaintained", "Zcensored");
    SurvivalData d3 = SurvivalData.of(t, e, g, levels);
    for (LogRank.Test test :
        List.of(
            LogRank.Test.LOGRANK,
            LogRank.Test.GEHAN,
            LogRank.Test.PETO,
            LogRank.Test.TARONE_WARE,
            LogRank.Test.flemingHarrington(1, 1))) {
      LogRank.Result a = LogRank.test(d.counts(false), test);
      LogRank.Result b = LogRank.test(d3.counts(false), test);
      assertEquals(a.statistic(), b.statistic(), 1e-12 * a.statistic(), test.method());
      assertEquals(a.df(), b.df(), test.method());
    }
  }

  @Test
  void rowOrderDoesNotChangeAnyResult() {
    SurvivalData d = Golden.data("ties");
    int n = d.size();
    Integer[] perm = new Integer[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    java.util.Collections.shuffle(java.util.Arrays.asList(perm), new Random(7));
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    int[] g = new int[n];
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      int j = perm[i];
      t[i] = d.time(j);
      e[i] = d.event(j);
      g[i] = d.group(j);
      s[i] = d.stratum(j);
    }
    SurvivalData p =
        SurvivalData.of(
            t, e, g, d.groupLevels(), s, d.strataLevels(), SurvivalData.R_TIMEFIX_TOLERANCE);
    for (int grp = 0; grp < d.groupCount(); grp++) {
      KaplanMeier a = KaplanMeier.fit(d.counts(false), 0, grp, false, ConfType.LOG_LOG, 0.95);
      KaplanMeier b = KaplanMeier.fit(p.counts(false), 0, grp, false, ConfType.LOG_LOG, 0.95);
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.surv(i), b.surv(i), 0);
        assertEquals(a.lower(i), b.lower(i), 0);
      }
      for (Convention c : Convention.values()) {
        assertEquals(KmQuantile.of(a, 0.5, c), KmQuantile.of(b, 0.5, c));
      }
    }
    LogRank.Result a = LogRank.test(d.counts(true), LogRank.Test.LOGRANK);
    LogRank.Result b = LogRank.test(p.counts(true), LogRank.Test.LOGRANK);
    assertEquals(a.statistic(), b.statistic(), 0);
  }

  @Test
  void allCensoredGroupHasSurvivalOneAndNoMedian() {
    SurvivalData d = Golden.data("allcens");
    int z = d.groupLevels().indexOf("Z");
    KaplanMeier k = KaplanMeier.fit(d.counts(false), 0, z, false, ConfType.LOG, 0.95);
    assertEquals(0, k.events());
    assertEquals(1.0, k.surv(k.size() - 1), 0);
    KmQuantile.Estimate q = KmQuantile.of(k, 0.5, Convention.SAS);
    assertTrue(Double.isNaN(q.estimate()));
    assertEquals("not reached", q.note());
  }

  @Test
  void allSubjectsCensoredGivesNoTest() {
    double[] t = {1, 2, 3, 4};
    boolean[] e = new boolean[4];
    SurvivalData d = SurvivalData.of(t, e, new int[] {0, 1, 0, 1}, List.of("A", "B"));
    LogRank.Result r = LogRank.test(d.counts(false), LogRank.Test.LOGRANK);
    assertTrue(Double.isNaN(r.statistic()));
    assertTrue(Double.isNaN(r.pValue()));
  }

  /**
   * Design check (not timed): a million subjects, two arms, three strata, primitive arrays only.
   */
  @Test
  void aMillionSubjectsRun() {
    int n = 1_000_000;
    Random r = new Random(3);
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    int[] g = new int[n];
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      g[i] = r.nextInt(2);
      s[i] = r.nextInt(3);
      t[i] = Math.round(-Math.log(r.nextDouble()) * (g[i] == 0 ? 300 : 360) * 10) / 10.0;
      e[i] = r.nextDouble() < 0.7;
    }
    SurvivalData d =
        SurvivalData.of(
            t,
            e,
            g,
            List.of("A", "B"),
            s,
            List.of("1", "2", "3"),
            SurvivalData.R_TIMEFIX_TOLERANCE);
    KaplanMeier a = KaplanMeier.fit(d.counts(false), 0, 0, false, ConfType.LOG_LOG, 0.95);
    KmQuantile.Estimate m = KmQuantile.of(a, 0.5, Convention.R);
    LogRank.Result lr = LogRank.test(d.counts(true), LogRank.Test.LOGRANK);
    assertTrue(m.estimate() > 150 && m.estimate() < 300, "median " + m.estimate());
    assertTrue(lr.statistic() > 100, "strong difference expected: " + lr.statistic());
  }
}

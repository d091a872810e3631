package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;
import org.trialstats.survival.CoxModelGoldenTest.CaseData;

/** Identities of the Cox model and the aggregated (per-time counts) fit. */
class CoxIdentityTest {

  static Stream<Arguments> logrankCases() {
    DataTable t = CsvReader.read(CoxModelGoldenTest.DIR.resolve("logrank.csv"));
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(Arguments.of(t.cell(i, "case"), Double.parseDouble(t.cell(i, "chisq"))));
    }
    return out.stream();
  }

  /**
   * The log-rank chi-square (R survdiff, hypergeometric variance; stratified and k-sample too)
   * equals the Cox score test at beta = 0 exactly with the discrete ("exact") tie handling: the
   * conditional-logistic information at 0 is the hypergeometric variance. (Breslow and Efron differ
   * when events are tied; all three agree without ties.)
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("logrankCases")
  void logrankEqualsExactScoreTest(String name, double chisq) {
    CaseData d = CoxModelGoldenTest.data(name);
    CoxFit f = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), CoxTies.EXACT);
    assertEquals(chisq, f.scoreTest(), 1e-9 * Math.max(1, chisq));
  }

  @Test
  void withoutTiesAllThreeScoreTestsAgree() {
    CaseData d = CoxModelGoldenTest.data("ovarian_rx"); // ovarian has no tied times
    double e = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), CoxTies.EFRON).scoreTest();
    double b = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), CoxTies.BRESLOW).scoreTest();
    double x = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), CoxTies.EXACT).scoreTest();
    assertEquals(e, b, 1e-12);
    assertEquals(e, x, 1e-12);
  }

  @Test
  void withTiesBreslowAndEfronScoreTestsDifferFromLogrank() {
    CaseData d = CoxModelGoldenTest.data("rand_heavy_ties_trt");
    double e = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), CoxTies.EFRON).scoreTest();
    double x = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), CoxTies.EXACT).scoreTest();
    assertTrue(Math.abs(e - x) > 1e-6);
  }

  /** Row order does not change any result. */
  @ParameterizedTest
  @MethodSource("ties")
  void rowOrderDoesNotMatter(CoxTies ties) {
    CaseData d = CoxModelGoldenTest.data("colon_rx_strata");
    CoxFit f = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), ties);
    int n = d.time().length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    Random rnd = new Random(7);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    double[] tm = new double[n];
    boolean[] ev = new boolean[n];
    int[] st = new int[n];
    double[][] x = new double[d.x().length][n];
    for (int i = 0; i < n; i++) {
      tm[i] = d.time()[perm[i]];
      ev[i] = d.event()[perm[i]];
      st[i] = d.stratum()[perm[i]];
      for (int j = 0; j < x.length; j++) {
        x[j][i] = d.x()[j][perm[i]];
      }
    }
    CoxFit g = CoxModel.fit(tm, ev, st, x, ties);
    for (int j = 0; j < f.size(); j++) {
      assertEquals(f.coef(j), g.coef(j), 1e-10);
      assertEquals(f.se(j), g.se(j), 1e-10);
    }
    assertEquals(f.loglik(), g.loglik(), 1e-8);
  }

  static Stream<CoxTies> ties() {
    return Stream.of(CoxTies.values());
  }

  static Stream<Arguments> treatmentOnly() {
    List<Arguments> out = new ArrayList<>();
    for (String c :
        List.of(
            "ovarian_rx",
            "veteran_trt",
            "lung_sex_strata",
            "colon_rx",
            "aml_x",
            "rand_heavy_ties_trt",
            "rand_small",
            "rand_strata_3arm",
            "rand_no_events_arm")) {
      out.add(Arguments.of(c, CoxTies.EFRON));
      out.add(Arguments.of(c, CoxTies.BRESLOW));
    }
    return out.stream();
  }

  /** The aggregated fit reproduces R coxph(Surv ~ arm [+ strata]) from per-time counts alone. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("treatmentOnly")
  void aggregatedMatchesR(String name, CoxTies ties) {
    CaseData d = CoxModelGoldenTest.data(name);
    int p = d.x().length;
    SurvivalData sd = grouped(d);
    CoxFit f = CoxAggregated.fit(sd.counts(true), ties);
    List<Map<String, String>> rows = CoxModelGoldenTest.results().get(name + "|" + ties.label());
    Map<String, String> r0 = rows.get(0);
    assertEquals(Integer.parseInt(r0.get("n")), f.n());
    assertEquals(Integer.parseInt(r0.get("events")), f.events());
    CoxModelGoldenTest.close(Double.parseDouble(r0.get("loglik")), f.loglik(), 1e-9, "loglik");
    CoxModelGoldenTest.close(Double.parseDouble(r0.get("score")), f.scoreTest(), 1e-9, "score");
    for (int j = 0; j < p; j++) {
      Map<String, String> r = rows.get(j);
      boolean inf = r.get("infinite").equals("1");
      assertEquals(inf, f.infinite()[j]);
      if (!inf) {
        CoxModelGoldenTest.close(Double.parseDouble(r.get("coef")), f.coef(j), 1e-6, "coef");
        CoxModelGoldenTest.close(Double.parseDouble(r.get("se")), f.se(j), 1e-6, "se");
      }
    }
  }

  /** The same identity across two independent implementations: km's LogRank on the count table. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("treatmentOnlyNames")
  void logrankOfKmEqualsExactScoreTest(String name) {
    CaseData d = CoxModelGoldenTest.data(name);
    SurvivalData sd = grouped(d);
    double lr = LogRank.test(sd.counts(true), LogRank.Test.LOGRANK).statistic();
    double sc = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), CoxTies.EXACT).scoreTest();
    assertEquals(lr, sc, 1e-9 * Math.max(1, lr));
  }

  static Stream<String> treatmentOnlyNames() {
    return treatmentOnly().map(a -> (String) a.get()[0]).distinct();
  }

  /** Rebuilds group indices from the dummy columns of a treatment-only case. */
  static SurvivalData grouped(CaseData d) {
    int n = d.time().length;
    int p = d.x().length;
    int[] group = new int[n];
    List<String> levels = new ArrayList<>();
    for (int g = 0; g <= p; g++) {
      levels.add("g" + g);
    }
    int ns = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        if (d.x()[j][i] == 1) {
          group[i] = j + 1;
        }
      }
      ns = Math.max(ns, d.stratum()[i] + 1);
    }
    List<String> sl = new ArrayList<>();
    for (int s = 0; s < ns; s++) {
      sl.add("s" + s);
    }
    return SurvivalData.of(
        d.time(), d.event(), group, levels, d.stratum(), sl, SurvivalData.R_TIMEFIX_TOLERANCE);
  }

  @Test
  void aggregatedRefusesExact() {
    CountTable t =
        SurvivalData.of(
                new double[] {1, 2},
                new boolean[] {true, true},
                new int[] {0, 1},
                List.of("a", "b"))
            .counts(true);
    assertThrows(IllegalArgumentException.class, () -> CoxAggregated.fit(t, CoxTies.EXACT));
  }

  /**
   * One million subjects in two arms and three strata: the subject-level Efron fit equals the
   * aggregated one (a check of the single-pass risk sets at scale; no timing is asserted).
   */
  @Test
  void millionSubjectsThreeStrata() {
    int n = 1_000_000;
    Random rnd = new Random(11);
    double[] time = new double[n];
    boolean[] ev = new boolean[n];
    int[] arm = new int[n];
    int[] st = new int[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      arm[i] = rnd.nextInt(2);
      st[i] = rnd.nextInt(3);
      double rate = 0.01 * (1 + st[i]) * (arm[i] == 1 ? 0.7 : 1.0);
      time[i] = Math.ceil(-Math.log(rnd.nextDouble()) / rate); // integer days: heavy ties
      ev[i] = rnd.nextDouble() < 0.8;
      x[i] = arm[i];
    }
    CoxFit f = CoxModel.fit(time, ev, st, new double[][] {x}, CoxTies.EFRON);
    SurvivalData sd =
        SurvivalData.of(time, ev, arm, List.of("A", "B"), st, List.of("1", "2", "3"), 0);
    CoxFit g = CoxAggregated.fit(sd.counts(true), CoxTies.EFRON);
    assertTrue(f.converged());
    assertEquals(Math.log(0.7), f.coef(0), 0.02);
    assertEquals(f.coef(0), g.coef(0), 1e-9);
    assertEquals(f.se(0), g.se(0), 1e-9);
    assertEquals(f.loglik(), g.loglik(), 1e-6 * Math.abs(f.loglik()));
  }

  @Test
  void exactRefusesHugeTieSetsWithAClearMessage() {
    int n = 200_000;
    double[] time = new double[n];
    boolean[] ev = new boolean[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = 1 + (i % 2);
      ev[i] = true;
      x[i] = i % 3 == 0 ? 1 : 0;
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CoxModel.fit(time, ev, null, new double[][] {x}, CoxTies.EXACT));
    assertTrue(e.getMessage().contains("use efron"), e.getMessage());
  }

  @Test
  void groupWithoutEventsIsNotEstimableButOthersAre() {
    CaseData d = CoxModelGoldenTest.data("rand_no_events_arm");
    CoxFit f = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), CoxTies.EFRON);
    assertTrue(f.converged());
    assertTrue(f.estimable(0));
    assertFalse(f.estimable(1));
    assertTrue(f.coef(1) < -10, "diverging towards -infinity");
  }

  @Test
  void aliasedColumnIsReported() {
    CaseData d = CoxModelGoldenTest.data("ovarian_rx");
    double[] dup = d.x()[0].clone();
    CoxFit f =
        CoxModel.fit(d.time(), d.event(), null, new double[][] {d.x()[0], dup}, CoxTies.EFRON);
    assertFalse(f.aliased()[0]);
    assertTrue(f.aliased()[1]);
    assertEquals(1, f.rank());
    assertFalse(f.estimable(1));
  }
}

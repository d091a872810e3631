package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurvivalDataTest {

  /**
   * Reference: R 4.2.2, survival 3.5-3:
   *
   * <pre>
   * t <- c(1, 1+1e-10, 2, 3-1e-12, 3, 1e-9+3, 4, 0.1*3, 0.3)
   * aeqSurv(Surv(t, rep(1, 9)))[, 1]
   * # 1 1 2 2.999999999999 2.999999999999 2.999999999999 4 0.3 0.3  (0.1*3 -> 0.3)
   * survfit(Surv(t, rep(1, 9)) ~ 1)$time      # 0.3 1 2 2.999999999999 4
   * survfit(Surv(t, rep(1, 9)) ~ 1)$n.event   # 2 2 1 3 1
   * </pre>
   */
  @Test
  void timefixMergesFloatingPointNoiseLikeR() {
    double[] t = {1, 1 + 1e-10, 2, 3 - 1e-12, 3, 1e-9 + 3, 4, 0.1 * 3, 0.3};
    boolean[] e = new boolean[t.length];
    java.util.Arrays.fill(e, true);
    SurvivalData d = SurvivalData.of(t, e);
    assertArrayEquals(
        new double[] {0.3, 0.3, 1, 1, 2, 3 - 1e-12, 3 - 1e-12, 3 - 1e-12, 4}, d.times(), 0.0);
    assertEquals(4, d.timesMerged());
    CountTable c = d.counts(false);
    assertArrayEquals(
        new double[] {0.3, 1, 2, 3 - 1e-12, 4},
        new double[] {c.time(0), c.time(1), c.time(2), c.time(3), c.time(4)},
        0.0);
    assertEquals(5, c.rows());
    int[] ev = new int[5];
    for (int i = 0; i < 5; i++) {
      ev[i] = c.events(i, 0);
    }
    assertArrayEquals(new int[] {2, 2, 1, 3, 1}, ev);
  }

  @Test
  void timefixOffKeepsDistinctTimes() {
    double[] t = {1, 1 + 1e-10};
    SurvivalData d =
        SurvivalData.of(t, new boolean[] {true, true}, null, List.of("A"), null, List.of("S"), 0);
    assertEquals(2, d.counts(false).rows());
    assertEquals(0, d.timesMerged());
  }

  @Test
  void countTableByStratumAndGroup() {
    // stratum 0: A: 1(e) 3(c) ; B: 1(c) 2(e); stratum 1: A: 5(e); B: 5(e) 6(c)
    double[] t = {3, 1, 2, 1, 5, 5, 6};
    boolean[] e = {false, true, true, false, true, true, false};
    int[] g = {0, 0, 1, 1, 0, 1, 1};
    int[] s = {0, 0, 0, 0, 1, 1, 1};
    SurvivalData d = SurvivalData.of(t, e, g, List.of("A", "B"), s, List.of("s1", "s2"), 1e-8);
    CountTable c = d.counts(true);
    assertEquals(2, c.strata());
    assertEquals(0, c.start(0));
    assertEquals(3, c.end(0));
    assertEquals(5, c.end(1));
    // stratum 0 times 1, 2, 3
    assertEquals(1, c.time(0));
    assertEquals(2, c.atRisk(0, 0));
    assertEquals(2, c.atRisk(0, 1));
    assertEquals(1, c.events(0, 0));
    assertEquals(1, c.censored(0, 1));
    assertEquals(2, c.time(1));
    assertEquals(1, c.atRisk(1, 0));
    assertEquals(1, c.atRisk(1, 1));
    assertEquals(1, c.events(1, 1));
    assertEquals(3, c.time(2));
    assertEquals(1, c.censored(2, 0));
    assertEquals(0, c.atRisk(2, 1));
    // stratum 1 times 5, 6
    assertEquals(5, c.time(3));
    assertEquals(1, c.atRisk(3, 0));
    assertEquals(2, c.atRisk(3, 1));
    assertEquals(2, c.events(3));
    assertEquals(6, c.time(4));
    assertEquals(1, c.censored(4, 1));
    // pooled: times 1, 2, 3, 5, 6
    CountTable p = d.counts(false);
    assertEquals(5, p.rows());
    assertEquals(3, p.atRisk(0, 0));
    assertEquals(4, p.atRisk(0, 1));
    assertEquals(7, p.atRisk(0));
  }

  @Test
  void sortIsStableAndKeepsInputRows() {
    double[] t = {5, 1, 5, 0, 3};
    boolean[] e = {true, false, false, true, true};
    SurvivalData d = SurvivalData.of(t, e);
    assertArrayEquals(new double[] {0, 1, 3, 5, 5}, d.times(), 0);
    assertEquals(3, d.inputRow(0));
    assertEquals(0, d.inputRow(3));
    assertEquals(2, d.inputRow(4));
    assertEquals(3, d.eventCount());
  }

  @Test
  void largeInputSortsCorrectly() {
    int n = 200_000;
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < n; i++) {
      t[i] = r.nextInt(1000);
      e[i] = r.nextBoolean();
    }
    SurvivalData d = SurvivalData.of(t, e);
    double[] s = t.clone();
    java.util.Arrays.sort(s);
    assertArrayEquals(s, d.times(), 0);
    CountTable c = d.counts(false);
    assertEquals(1000, c.rows());
    assertEquals(n, c.atRisk(0));
  }

  /**
   * Large inputs take the counting sort by dense rank (few distinct times) or the radix sort
   * (many): either way every subject's fields move together and ties keep input order.
   */
  @Test
  void largeInputKeepsEachSubjectsFieldsTogetherAndTiesInInputOrder() {
    int n = 100_000;
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (boolean few : new boolean[] {true, false}) {
      double[] t = new double[n];
      boolean[] e = new boolean[n];
      int[] g = new int[n];
      int[] st = new int[n];
      for (int i = 0; i < n; i++) {
        t[i] = few ? Math.round(r.nextDouble() * 3000) / 100.0 : r.nextDouble() * 30;
        e[i] = r.nextBoolean();
        g[i] = r.nextInt(3);
        st[i] = r.nextInt(4);
      }
      SurvivalData d =
          SurvivalData.of(t, e, g, List.of("a", "b", "c"), st, List.of("1", "2", "3", "4"), 0);
      int[] sizes = new int[3];
      int[] events = new int[3];
      int[] strata = new int[4];
      for (int i = 0; i < n; i++) {
        sizes[g[i]]++;
        events[g[i]] += e[i] ? 1 : 0;
        strata[st[i]]++;
      }
      assertArrayEquals(sizes, d.groupSizes());
      assertArrayEquals(events, d.groupEvents());
      assertArrayEquals(strata, d.strataSizes());
      assertEquals(java.util.Arrays.stream(events).sum(), d.eventCount());
      for (int k = 0; k < n; k++) {
        int i = d.inputRow(k);
        assertEquals(t[i], d.time(k), 0);
        assertEquals(e[i], d.event(k));
        assertEquals(g[i], d.group(k));
        assertEquals(st[i], d.stratum(k));
        if (k > 0) {
          assertTrue(
              d.time(k - 1) < d.time(k) || (d.time(k - 1) == d.time(k) && d.inputRow(k - 1) < i),
              "sorted and stable at " + k);
        }
      }
    }
  }

  @Test
  void rejectsBadCoreArguments() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SurvivalData.of(new double[] {-1}, new boolean[] {true}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SurvivalData.of(new double[] {Double.NaN}, new boolean[] {true}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SurvivalData.of(new double[] {1, 2}, new boolean[] {true}));
  }
}

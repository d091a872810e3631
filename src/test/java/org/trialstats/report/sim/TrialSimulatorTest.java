package org.trialstats.report.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialstats.report.sim.TrialSimulator.Arm;
import org.trialstats.report.sim.TrialSimulator.Design;
import org.trialstats.report.sim.TrialSimulator.Response;
import org.trialstats.report.sim.TrialSimulator.Result;
import org.trialstats.report.sim.TrialSimulator.Tte;

class TrialSimulatorTest {
  static Design design(long seed, boolean fixed, int n) {
    return new Design(
        "SIM-T",
        List.of(new Arm("A", n, 0.27, 0.64, 16, 48), new Arm("B", n, 0.1, 0.1, 8, 30)),
        0.42,
        0.6,
        1.0,
        18,
        24,
        0.02,
        8,
        0.1,
        0.03,
        fixed,
        LocalDate.of(2020, 1, 6),
        seed);
  }

  @Test
  void sameSeedSameData_otherSeedOtherData() {
    Result a = TrialSimulator.simulate(design(7, false, 40));
    Result b = TrialSimulator.simulate(design(7, false, 40));
    Result c = TrialSimulator.simulate(design(8, false, 40));
    assertEquals(a.adsl(), b.adsl());
    assertEquals(a.adrs(), b.adrs());
    assertEquals(a.adtte(), b.adtte());
    assertNotEquals(a.adtte(), c.adtte());
  }

  @Test
  void adamInvariants() {
    Result r = TrialSimulator.simulate(design(11, false, 300));
    assertEquals(600, r.adsl().size());
    for (Tte t : r.adtte()) {
      assertEquals(ChronoUnit.DAYS.between(t.startDate(), t.adt()) + 1, t.aval(), t.toString());
      assertTrue(t.cnsr() == 0 ? !t.evntdesc().isEmpty() : !t.cnsdtdsc().isEmpty());
      assertTrue(!t.adt().isAfter(r.adsl().get(0).dataCut()), "no date after the data cut");
    }
    // Every subject has exactly one BOR, one PFS, one OS; DoR only for confirmed CR/PR.
    long bor = r.adrs().stream().filter(x -> x.paramcd().equals("BOR")).count();
    assertEquals(600, bor);
    long responders =
        r.adrs().stream()
            .filter(x -> x.paramcd().equals("BOR"))
            .filter(x -> x.avalc().equals("CR") || x.avalc().equals("PR"))
            .count();
    long dor = r.adtte().stream().filter(t -> t.paramcd().equals("DOR")).count();
    assertEquals(responders, dor);
    // Nothing is assessed after PD.
    String prevId = "";
    boolean sawPd = false;
    for (Response x : r.adrs()) {
      if (!x.paramcd().equals("OVR")) {
        continue;
      }
      if (!x.usubjid().equals(prevId)) {
        sawPd = false;
        prevId = x.usubjid();
      }
      assertTrue(!sawPd, "assessment after PD for " + x.usubjid());
      sawPd = x.avalc().equals("PD");
    }
  }

  @Test
  void responseRatesAndMediansNearDesign() {
    // Large arm: observed ORR within 3 SE of the design value; the exponential median of the
    // wild-type PFS near its design (progression is documented at the next 8-week visit, so a
    // little later).
    Design d =
        new Design(
            "SIM-T",
            List.of(new Arm("A", 4000, 0.3, 0.3, 12, 1000)),
            0,
            1,
            1,
            1,
            600,
            0,
            8,
            0.1,
            0,
            false,
            LocalDate.of(2020, 1, 6),
            3,
            0); // no primary refractory PD: the PFS median is the Weibull one
    Result r = TrialSimulator.simulate(d);
    double orr =
        r.adrs().stream()
                .filter(x -> x.paramcd().equals("BOR"))
                .filter(x -> x.avalc().equals("CR") || x.avalc().equals("PR"))
                .count()
            / 4000.0;
    assertEquals(0.3, orr, 3 * Math.sqrt(0.3 * 0.7 / 4000));
    List<Integer> pfs = new ArrayList<>();
    for (Tte t : r.adtte()) {
      if (t.paramcd().equals("PFS")) {
        pfs.add(t.aval());
      }
    }
    pfs.sort(null);
    double medianMonths = pfs.get(2000) / TrialSimulator.DAYS_PER_MONTH;
    assertTrue(medianMonths > 12 && medianMonths < 15, "median " + medianMonths);
  }

  @Test
  void fixedCountsGiveExactResponders() {
    Result r = TrialSimulator.simulate(design(5, true, 26));
    long mutants =
        r.adsl().stream().filter(s -> s.arm().equals("A") && s.kras().equals("MUTANT")).count();
    assertEquals(11, mutants);
  }

  @Test
  void weibullMedianIsTheDesignMedian() {
    Random rng = new Random(1);
    int below = 0;
    int n = 20000;
    for (int i = 0; i < n; i++) {
      if (TrialSimulator.weibull(rng, 10, 1.7, 1) < 10) {
        below++;
      }
    }
    assertEquals(0.5, below / (double) n, 0.015);
  }

  @Test
  void bestConfirmedFollowsRecist() {
    LocalDate d0 = LocalDate.of(2020, 1, 1);
    List<Response> v =
        List.of(
            new Response("X", "OVR", "W8", d0, "PR", 57),
            new Response("X", "OVR", "W16", d0, "SD", 113),
            new Response("X", "OVR", "W24", d0, "PD", 169));
    assertEquals("SD", TrialSimulator.bestConfirmed(v, 56));
    List<Response> w =
        List.of(
            new Response("X", "OVR", "W8", d0, "PR", 57),
            new Response("X", "OVR", "W16", d0, "CR", 113));
    assertEquals("PR", TrialSimulator.bestConfirmed(w, 56));
    List<Response> pd = List.of(new Response("X", "OVR", "W8", d0, "PD", 57));
    assertEquals("PD", TrialSimulator.bestConfirmed(pd, 56));
  }

  @Test
  void badDesignRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Arm("A", 0, 0.3, 0.3, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Arm("A", 5, 1.3, 0.3, 1, 1));
  }

  /**
   * The simulator's BOR (by construction) agrees with the independent RECIST derivation of the
   * response core (admiralonco rules) applied to the simulated visit responses.
   */
  @Test
  void simulatedBorAgreesWithTheBorCore() {
    Result r = TrialSimulator.simulate(design(21, false, 400));
    java.util.Map<String, List<Response>> visits = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> truth = new java.util.HashMap<>();
    for (Response x : r.adrs()) {
      if (x.paramcd().equals("OVR")) {
        visits.computeIfAbsent(x.usubjid(), k -> new ArrayList<>()).add(x);
      } else {
        truth.put(x.usubjid(), x.avalc());
      }
    }
    int compared = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (java.util.Map.Entry<String, List<Response>> e : visits.entrySet()) {
      List<Response> v = e.getValue();
      int[] day = new int[v.size()];
      org.trialstats.response.OverallResponse[] code =
          new org.trialstats.response.OverallResponse[v.size()];
      for (int i = 0; i < day.length; i++) {
        day[i] = v.get(i).ady() - 1;
        code[i] = org.trialstats.response.OverallResponse.parse(v.get(i).avalc());
      }
      String derived =
          org.trialstats.response.BestOverallResponse.derive(
                  day,
                  code,
                  org.trialstats.response.BestOverallResponse.NO_NEW_THERAPY,
                  org.trialstats.response.BorSettings.DEFAULT)
              .bor();
      assertEquals(truth.get(e.getKey()), derived, e.getKey() + " " + v);
      seen.add(derived);
      compared++;
    }
    assertTrue(compared > 700, "compared " + compared);
    assertTrue(seen.containsAll(List.of("CR", "PR", "SD", "PD")), seen.toString());
  }

  private static Design refractoryDesign(boolean fixed, double primaryPd, int n) {
    return new Design(
        "SIM-T",
        List.of(new Arm("A", n, 0.3, 0.3, 12, 1000)),
        0,
        1,
        1,
        1,
        600,
        0,
        8,
        0.1,
        0,
        fixed,
        LocalDate.of(2020, 1, 6),
        3,
        primaryPd);
  }

  /** Subjects whose first assessment is PD, with their PFS rows checked for consistency. */
  private static long primaryPd(Result r) {
    java.util.Map<String, Response> first = new java.util.HashMap<>();
    for (Response x : r.adrs()) {
      if (x.paramcd().equals("OVR")) {
        first.putIfAbsent(x.usubjid(), x);
      }
    }
    long c = 0;
    for (Response x : first.values()) {
      if (x.avalc().equals("PD")) {
        c++;
        Tte pfs =
            r.adtte().stream()
                .filter(t -> t.usubjid().equals(x.usubjid()) && t.paramcd().equals("PFS"))
                .findFirst()
                .orElseThrow();
        assertEquals(0, pfs.cnsr(), x.usubjid());
        assertEquals(x.ady(), pfs.aval(), x.usubjid()); // PFS event at that assessment
        String bor =
            r.adrs().stream()
                .filter(b -> b.usubjid().equals(x.usubjid()) && b.paramcd().equals("BOR"))
                .findFirst()
                .orElseThrow()
                .avalc();
        assertEquals("PD", bor, x.usubjid());
      }
    }
    return c;
  }

  @Test
  void primaryRefractoryPdAtFirstAssessmentConsistentWithPfs() {
    // 4000 subjects, ORR 0.3, median PFS 12 months: without refractory subjects, PD at the first
    // (day 56) assessment has probability 1 - 2^(-56/365.25) ~ 0.10 among non-responders; with
    // probability 0.15 of primary PD it becomes 0.15 + 0.85 * that.
    double nat = 1 - Math.pow(2, -56 / (12 * TrialSimulator.DAYS_PER_MONTH));
    long none = primaryPd(TrialSimulator.simulate(refractoryDesign(false, 0, 4000)));
    long some = primaryPd(TrialSimulator.simulate(refractoryDesign(false, 0.15, 4000)));
    double nr = 4000 * 0.7;
    double p0 = nat;
    double p1 = 0.15 + 0.85 * nat;
    assertEquals(p0, none / nr, 4 * Math.sqrt(p0 * (1 - p0) / nr), "p=0");
    assertEquals(p1, some / nr, 4 * Math.sqrt(p1 * (1 - p1) / nr), "p=0.15");
    // fixed counts: at least round(non-responders x p) subjects progress at the first assessment
    Result fx = TrialSimulator.simulate(refractoryDesign(true, 0.5, 20));
    assertTrue(primaryPd(fx) >= 7, "fixed counts");
  }
}

package org.trialstats.report.sim;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded simulator of a small oncology trial in ADaM shape (ADSL, ADRS, ADTTE). Pure: the same
 * {@link Design} and seed give the same datasets on every machine ({@link java.util.Random} has a
 * specified algorithm). Everything it writes is synthetic and labelled so ({@code STUDYID}).
 *
 * <p>Model, per subject:
 *
 * <ul>
 *   <li>A biomarker status (KRAS mutant with probability {@code mutantFraction}); the mutant
 *       subgroup has its own response rate and a PFS/OS hazard ratio versus wild-type.
 *   <li>Randomisation date uniform over the accrual period; data cut = end of accrual + minimum
 *       follow-up; loss to follow-up exponential with the given annual rate.
 *   <li>Latent progression and death times from a Weibull (shape {@code k}, shape 1 = exponential)
 *       with the given wild-type median: {@code S(t) = exp(-log(2) (t/m)^k)}; the mutant subgroup's
 *       scale follows proportional hazards, {@code S_mut(t) = S(t)^HR}.
 *   <li>Tumour assessments every {@code visitWeeks} weeks. Progression is documented at the first
 *       assessment on or after the latent progression time. Responders (drawn with the subgroup's
 *       rate) have PR from their first or second assessment, may deepen to CR, and keep the
 *       response at least one further assessment (so it is confirmed); non-responders show SD until
 *       PD. A fraction {@code primaryPdProbability} of non-responders is primary refractory: latent
 *       progression before the first assessment, so PD is documented there (BOR PD, PFS event at
 *       the first assessment unless death comes first). With {@code fixedCounts} exactly
 *       round(non-responders × probability) are refractory. A small fraction of assessments is NE.
 *   <li>Derived by construction: the best confirmed overall response (PARAMCD {@code BOR}, labelled
 *       as the simulator's truth), PFS (progression or death; censored at the last assessment), OS,
 *       and DoR for responders.
 * </ul>
 *
 * <p>The visit-level responses follow RECIST 1.1 sequences (confirmation at least 4 weeks apart, SD
 * at least 6 weeks after start), see Eisenhauer et al., Eur J Cancer 2009;45:228-247.
 */
public final class TrialSimulator {
  private TrialSimulator() {}

  /** One arm: its name, size, and the wild-type (or everyone's) response rate and medians. */
  public record Arm(
      String name,
      int n,
      double orrWildType,
      double orrMutant,
      double medianPfsMonths,
      double medianOsMonths) {
    public Arm {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("arm name is empty");
      }
      if (n < 1) {
        throw new IllegalArgumentException("arm " + name + ": n must be at least 1");
      }
      checkProb(orrWildType, "ORR");
      checkProb(orrMutant, "ORR (mutant)");
      if (!(medianPfsMonths > 0) || !(medianOsMonths > 0)) {
        throw new IllegalArgumentException("arm " + name + ": medians must be positive");
      }
    }
  }

  /** Design parameters of the simulated study. */
  public record Design(
      String studyId,
      List<Arm> arms,
      double mutantFraction,
      double mutantHazardRatio,
      double weibullShape,
      double accrualMonths,
      double followUpMonths,
      double dropoutPerYear,
      int visitWeeks,
      double crFraction,
      double neProbability,
      boolean fixedCounts,
      LocalDate firstRandomisation,
      long seed,
      double primaryPdProbability) {

    /** Default probability that a non-responder is primary refractory (PD at first assessment). */
    public static final double DEFAULT_PRIMARY_PD = 0.15;

    /** A design with the default primary-refractory probability {@link #DEFAULT_PRIMARY_PD}. */
    public Design(
        String studyId,
        List<Arm> arms,
        double mutantFraction,
        double mutantHazardRatio,
        double weibullShape,
        double accrualMonths,
        double followUpMonths,
        double dropoutPerYear,
        int visitWeeks,
        double crFraction,
        double neProbability,
        boolean fixedCounts,
        LocalDate firstRandomisation,
        long seed) {
      this(
          studyId,
          arms,
          mutantFraction,
          mutantHazardRatio,
          weibullShape,
          accrualMonths,
          followUpMonths,
          dropoutPerYear,
          visitWeeks,
          crFraction,
          neProbability,
          fixedCounts,
          firstRandomisation,
          seed,
          DEFAULT_PRIMARY_PD);
    }

    public Design {
      if (arms == null || arms.isEmpty()) {
        throw new IllegalArgumentException("at least one arm is needed");
      }
      arms = List.copyOf(arms);
      checkProb(mutantFraction, "mutant fraction");
      checkProb(crFraction, "CR fraction");
      checkProb(neProbability, "NE probability");
      checkProb(primaryPdProbability, "primary PD probability");
      if (!(mutantHazardRatio > 0)) {
        throw new IllegalArgumentException("hazard ratio must be positive");
      }
      if (!(weibullShape > 0)) {
        throw new IllegalArgumentException("Weibull shape must be positive");
      }
      if (!(accrualMonths >= 0) || !(followUpMonths > 0) || !(dropoutPerYear >= 0)) {
        throw new IllegalArgumentException("accrual, follow-up and dropout must be non-negative");
      }
      if (visitWeeks < 1) {
        throw new IllegalArgumentException("visit interval must be at least 1 week");
      }
    }
  }

  /** A subject-level row (ADSL). */
  public record Subject(
      String usubjid,
      String arm,
      String kras,
      int age,
      LocalDate randDate,
      LocalDate lastAliveDate,
      LocalDate deathDate,
      LocalDate dataCut) {}

  /** A response row (ADRS): visit-level OVR or the derived BOR. */
  public record Response(
      String usubjid, String paramcd, String avisit, LocalDate adt, String avalc, int ady) {}

  /** A time-to-event row (ADTTE); {@code aval} in days = ADT - STARTDT + 1. */
  public record Tte(
      String usubjid,
      String paramcd,
      LocalDate startDate,
      LocalDate adt,
      int aval,
      int cnsr,
      String evntdesc,
      String cnsdtdsc) {}

  /** The simulated datasets. */
  public record Result(Design design, List<Subject> adsl, List<Response> adrs, List<Tte> adtte) {}

  static final double DAYS_PER_MONTH = 30.4375;

  /** Simulates the study; the same design (including its seed) gives the same result. */
  public static Result simulate(Design d) {
    Random rng = new Random(d.seed());
    // A separate stream for primary refractory progression, so that the other draws (and the
    // datasets with --primary-pd 0) are the same as without this feature.
    Random refr = new Random(~d.seed());
    int visitDays = 7 * d.visitWeeks();
    List<Subject> adsl = new ArrayList<>();
    List<Response> adrs = new ArrayList<>();
    List<Tte> adtte = new ArrayList<>();
    LocalDate cut =
        d.firstRandomisation()
            .plusDays(Math.round((d.accrualMonths() + d.followUpMonths()) * DAYS_PER_MONTH));
    int seq = 0;
    for (Arm arm : d.arms()) {
      int n = arm.n();
      boolean[] mutant = new boolean[n];
      boolean[] responder = new boolean[n];
      boolean[] refractory = new boolean[n];
      if (d.fixedCounts()) {
        int nm = (int) Math.round(n * d.mutantFraction());
        int[] perm = permutation(n, rng);
        for (int i = 0; i < nm; i++) {
          mutant[perm[i]] = true;
        }
        int[] mIdx = indices(mutant, true);
        int[] wIdx = indices(mutant, false);
        assignFixed(responder, mIdx, arm.orrMutant(), rng);
        assignFixed(responder, wIdx, arm.orrWildType(), rng);
        assignFixed(refractory, indices(responder, false), d.primaryPdProbability(), refr);
      } else {
        for (int i = 0; i < n; i++) {
          mutant[i] = rng.nextDouble() < d.mutantFraction();
          responder[i] = rng.nextDouble() < (mutant[i] ? arm.orrMutant() : arm.orrWildType());
        }
        for (int i = 0; i < n; i++) {
          refractory[i] = !responder[i] && refr.nextDouble() < d.primaryPdProbability();
        }
      }
      for (int i = 0; i < n; i++) {
        seq++;
        String id = String.format("%s-%04d", d.studyId(), seq);
        // latent progression of a primary refractory subject: before the first assessment
        double early = refractory[i] ? 1 + refr.nextDouble() * (visitDays - 1) : Double.NaN;
        simulateSubject(d, arm, id, mutant[i], responder[i], early, cut, rng, adsl, adrs, adtte);
      }
    }
    return new Result(d, List.copyOf(adsl), List.copyOf(adrs), List.copyOf(adtte));
  }

  private static void simulateSubject(
      Design d,
      Arm arm,
      String id,
      boolean mutant,
      boolean responder,
      double refractoryPd,
      LocalDate cut,
      Random rng,
      List<Subject> adsl,
      List<Response> adrs,
      List<Tte> adtte) {
    double accrualDays = d.accrualMonths() * DAYS_PER_MONTH;
    LocalDate rand =
        d.firstRandomisation().plusDays((long) Math.floor(rng.nextDouble() * accrualDays));
    int age = 35 + (int) Math.floor(rng.nextDouble() * 45);
    double hr = mutant ? d.mutantHazardRatio() : 1.0;
    double pfsLatent = weibull(rng, arm.medianPfsMonths() * DAYS_PER_MONTH, d.weibullShape(), hr);
    double deathLatent = weibull(rng, arm.medianOsMonths() * DAYS_PER_MONTH, d.weibullShape(), hr);
    double dropout =
        d.dropoutPerYear() > 0
            ? -Math.log(1 - rng.nextDouble()) / (d.dropoutPerYear() / 365.25)
            : Double.POSITIVE_INFINITY;
    long toCut = ChronoUnit.DAYS.between(rand, cut);
    // Last day the subject is followed (day index from randomisation, day 0 = randomisation).
    double followEnd = Math.min(dropout, toCut);
    int visitDays = 7 * d.visitWeeks();
    if (!Double.isNaN(refractoryPd)) {
      // Primary refractory: latent progression before the first assessment, documented there.
      pfsLatent = Math.min(pfsLatent, refractoryPd);
    }
    int onset = responder ? 1 + (rng.nextDouble() < 0.3 ? 1 : 0) : -1;
    boolean deepens = responder && rng.nextDouble() < d.crFraction();
    if (responder) {
      // A confirmed responder keeps the response at least through assessment onset + 1.
      double minProg = (onset + 1) * (double) visitDays + 1;
      if (pfsLatent < minProg) {
        pfsLatent = minProg + rng.nextDouble() * visitDays;
      }
    }
    // Death cannot precede documented progression by construction for responders' confirmation.
    if (deathLatent < pfsLatent && responder) {
      deathLatent = pfsLatent + rng.nextDouble() * 180;
    }
    // Assessments.
    int k = 0;
    Integer pdDay = null;
    int lastAdequate = -1;
    Integer firstResp = null;
    String best = null;
    List<Response> visits = new ArrayList<>();
    while (true) {
      k++;
      int day = k * visitDays;
      if (day > followEnd || day > deathLatent) {
        break;
      }
      String r;
      if (day >= pfsLatent) {
        r = "PD";
      } else if (rng.nextDouble() < d.neProbability()
          && !(responder && k >= onset && k <= onset + 1)) {
        r = "NE";
      } else if (responder && k >= onset) {
        r = deepens && k >= onset + 1 ? "CR" : "PR";
      } else {
        r = "SD";
      }
      visits.add(
          new Response(id, "OVR", "WEEK " + (k * d.visitWeeks()), rand.plusDays(day), r, day + 1));
      if (!"NE".equals(r)) {
        lastAdequate = day;
      }
      if (("PR".equals(r) || "CR".equals(r)) && firstResp == null) {
        firstResp = day;
      }
      if ("PD".equals(r)) {
        pdDay = day;
        break;
      }
    }
    adrs.addAll(visits);
    // Best confirmed overall response by construction (confirmation >= 28 days, SD >= 42 days).
    best = bestConfirmed(visits, visitDays);
    LocalDate lastVisit = lastAdequate >= 0 ? rand.plusDays(lastAdequate) : rand;
    adrs.add(
        new Response(
            id, "BOR", "OVERALL", lastVisit, best, lastAdequate >= 0 ? lastAdequate + 1 : 1));
    // Death and last alive.
    boolean died = deathLatent <= followEnd;
    int deathDay = died ? (int) Math.ceil(deathLatent) : -1;
    int lastAliveDay = died ? deathDay : (int) Math.floor(followEnd);
    LocalDate deathDate = died ? rand.plusDays(deathDay) : null;
    adsl.add(
        new Subject(
            id,
            arm.name(),
            mutant ? "MUTANT" : "WILD-TYPE",
            age,
            rand,
            rand.plusDays(lastAliveDay),
            deathDate,
            cut));
    // OS.
    adtte.add(
        died
            ? new Tte(id, "OS", rand, deathDate, deathDay + 1, 0, "DEATH", "")
            : new Tte(
                id,
                "OS",
                rand,
                rand.plusDays(lastAliveDay),
                lastAliveDay + 1,
                1,
                "",
                dropout < toCut ? "LOST TO FOLLOW-UP" : "ALIVE AT DATA CUT-OFF"));
    // PFS: progression or death, whichever first; else censored at the last adequate assessment.
    Tte pfs;
    if (pdDay != null && (!died || pdDay <= deathDay)) {
      pfs = new Tte(id, "PFS", rand, rand.plusDays(pdDay), pdDay + 1, 0, "DISEASE PROGRESSION", "");
    } else if (died) {
      pfs = new Tte(id, "PFS", rand, deathDate, deathDay + 1, 0, "DEATH", "");
    } else if (lastAdequate >= 0) {
      pfs =
          new Tte(id, "PFS", rand, lastVisit, lastAdequate + 1, 1, "", "LAST ADEQUATE ASSESSMENT");
    } else {
      pfs = new Tte(id, "PFS", rand, rand, 1, 2, "", "NO POST-BASELINE ASSESSMENT");
    }
    adtte.add(pfs);
    // DoR among confirmed responders: from first CR/PR to PD or death.
    if (("CR".equals(best) || "PR".equals(best)) && firstResp != null) {
      LocalDate start = rand.plusDays(firstResp);
      int endDay;
      int cnsr;
      String ev;
      String cn;
      if (pfs.cnsr() == 0) {
        endDay = pfs.aval() - 1;
        cnsr = 0;
        ev = pfs.evntdesc();
        cn = "";
      } else {
        endDay = lastAdequate;
        cnsr = 1;
        ev = "";
        cn = "LAST ADEQUATE ASSESSMENT";
      }
      adtte.add(
          new Tte(id, "DOR", start, rand.plusDays(endDay), endDay - firstResp + 1, cnsr, ev, cn));
    }
  }

  /**
   * Best confirmed response of a simulated visit sequence: CR/PR need a later CR/PR (CR: a later
   * CR) at least 28 days apart; SD counts from day 42; otherwise PD if progression was documented,
   * else NE.
   */
  static String bestConfirmed(List<Response> visits, int visitDays) {
    boolean cr = false;
    boolean pr = false;
    boolean sd = false;
    boolean pd = false;
    for (int i = 0; i < visits.size(); i++) {
      Response v = visits.get(i);
      String r = v.avalc();
      int day = v.ady() - 1;
      if ("PD".equals(r)) {
        pd = true;
        break;
      }
      for (int j = i + 1; j < visits.size(); j++) {
        Response w = visits.get(j);
        int gap = (w.ady() - 1) - day;
        if ("CR".equals(r) && "CR".equals(w.avalc()) && gap >= 28) {
          cr = true;
        }
        if ("PR".equals(r) || "CR".equals(r)) {
          if (("PR".equals(w.avalc()) || "CR".equals(w.avalc())) && gap >= 28) {
            pr = true;
          }
        }
        if ("PD".equals(w.avalc())) {
          break;
        }
      }
      if (("SD".equals(r) || "PR".equals(r) || "CR".equals(r)) && day >= 42) {
        sd = true;
      }
    }
    if (cr) {
      return "CR";
    }
    if (pr) {
      return "PR";
    }
    if (sd) {
      return "SD";
    }
    if (pd) {
      return "PD";
    }
    return "NE";
  }

  /**
   * A Weibull time with median {@code median} for hazard ratio 1, scaled by proportional hazards:
   * {@code S(t) = exp(-log(2) HR (t/median)^k)}, inverted at a uniform draw.
   */
  static double weibull(Random rng, double median, double shape, double hr) {
    double u = 1 - rng.nextDouble();
    return median * Math.pow(-Math.log(u) / (Math.log(2) * hr), 1 / shape);
  }

  private static void checkProb(double p, String what) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1], got " + p);
    }
  }

  private static int[] permutation(int n, Random rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static int[] indices(boolean[] flag, boolean value) {
    int c = 0;
    for (boolean b : flag) {
      if (b == value) {
        c++;
      }
    }
    int[] out = new int[c];
    c = 0;
    for (int i = 0; i < flag.length; i++) {
      if (flag[i] == value) {
        out[c++] = i;
      }
    }
    return out;
  }

  private static void assignFixed(boolean[] responder, int[] idx, double rate, Random rng) {
    int r = (int) Math.round(idx.length * rate);
    int[] perm = permutation(idx.length, rng);
    for (int i = 0; i < r; i++) {
      responder[idx[perm[i]]] = true;
    }
  }
}

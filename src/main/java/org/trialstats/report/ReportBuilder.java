package org.trialstats.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstats.io.Columns;
import org.trialstats.io.DataLoader;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.report.ReportModel.Block;
import org.trialstats.report.ReportModel.Paragraph;
import org.trialstats.report.ReportModel.Section;
import org.trialstats.report.ReportModel.Table;
import org.trialstats.response.BestOverallResponse;
import org.trialstats.response.BinomialInterval;
import org.trialstats.response.BinomialMethod;
import org.trialstats.response.BinomialTest;
import org.trialstats.response.BorResult;
import org.trialstats.response.BorSettings;
import org.trialstats.response.DifferenceMethod;
import org.trialstats.response.OverallResponse;
import org.trialstats.response.RiskDifference;
import org.trialstats.subgroup.LikelihoodRatio;
import org.trialstats.subgroup.SubgroupEffects;
import org.trialstats.survival.ConfType;
import org.trialstats.survival.Convention;
import org.trialstats.survival.CountTable;
import org.trialstats.survival.CoxFit;
import org.trialstats.survival.CoxModel;
import org.trialstats.survival.CoxTies;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.KmQuantile;
import org.trialstats.survival.LogRank;
import org.trialstats.survival.Rmst;
import org.trialstats.survival.SurvivalData;
import org.trialstats.survival.TimeUnit;

/**
 * Runs the analyses of a {@link ReportSpec} through the statistics cores and assembles the {@link
 * ReportModel}: every number shown comes from a {@link ResultRow} built here, and the same rows go
 * to {@code results.csv}. This class counts subjects and maps results; the statistics themselves
 * are computed by the core packages ({@code response}, {@code survival}, {@code subgroup}).
 */
public final class ReportBuilder {
  /** The model plus the derived datasets (name to header + rows) written beside the report. */
  public record Built(
      ReportModel model, Map<String, List<String[]>> derived, List<String> methods) {}

  private final ReportSpec spec;
  private final List<ResultRow> rows = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private final List<String> methods = new ArrayList<>();
  private final Map<String, List<String[]>> derived = new LinkedHashMap<>();
  private final List<ReportModel.InputFile> inputs = new ArrayList<>();

  /** Subjects in the analysis population: id to arm (single arm: the arm label). */
  private final Map<String, String> armOf = new LinkedHashMap<>();

  private final List<String> arms = new ArrayList<>();
  private final Map<String, DataTable> adslById = new HashMap<>();
  private DataTable adsl;
  private String dataCut;

  private ReportBuilder(ReportSpec spec) {
    this.spec = spec;
  }

  /** Builds the report for {@code spec}. */
  public static Built build(ReportSpec spec, ReportModel.Provenance base) {
    ReportBuilder b = new ReportBuilder(spec);
    return b.run(base);
  }

  private Built run(ReportModel.Provenance base) {
    if (!clinical()) {
      return preclinicalOnly(base);
    }
    population();
    List<String> summary = new ArrayList<>();
    StringBuilder s =
        new StringBuilder("Analysis population: ").append(armOf.size()).append(" subjects");
    if (!spec.population().isEmpty()) {
      s.append(" (");
      List<String> f = new ArrayList<>();
      spec.population().forEach((k, v) -> f.add(k + " = " + String.join(" or ", v)));
      s.append(String.join(", ", f)).append(')');
    }
    summary.add(s.toString());
    if (dataCut != null) {
      summary.add("Data cut-off: " + dataCut);
    }
    sections.add(summarySection());
    if (spec.response() != null) {
      sections.add(responseSection());
    }
    for (ReportSpec.Tte e : spec.endpoints()) {
      sections.add(tteSection(e));
    }
    if (!spec.subgroups().variables().isEmpty()) {
      sections.add(subgroupSection());
    }
    if (spec.preclinical() != null) {
      sections.add(
          PreclinicalSection.build(spec.preclinical(), spec.confLevel(), rows, methods, inputs));
    }
    return finish(summary, base);
  }

  /** Whether the spec names any clinical (ADaM) dataset. */
  private boolean clinical() {
    return spec.adsl() != null || spec.adrs() != null || spec.adtte() != null;
  }

  /** A report with only the preclinical section (no clinical datasets in the spec). */
  private Built preclinicalOnly(ReportModel.Provenance base) {
    sections.add(
        PreclinicalSection.build(spec.preclinical(), spec.confLevel(), rows, methods, inputs));
    List<String> summary = new ArrayList<>();
    if (spec.dataCut() != null) {
      summary.add("Data cut-off: " + spec.dataCut());
    }
    return finish(summary, base);
  }

  private Built finish(List<String> summary, ReportModel.Provenance base) {
    methods.add(
        "Computed with trialstats "
            + base.toolVersion()
            + " (Java "
            + base.javaVersion()
            + "); results.csv holds every number shown, at full precision.");
    sections.add(methodsSection());
    ReportModel.Provenance p =
        new ReportModel.Provenance(
            List.copyOf(inputs),
            spec.specFile() == null ? base.specPath() : display(spec.specFile(), spec.specFile()),
            base.specSha256(),
            base.specText(),
            base.commandLine(),
            base.toolVersion(),
            base.javaVersion(),
            base.timestamp());
    ReportModel m =
        new ReportModel(
            spec.title(),
            spec.subtitle(),
            spec.synthetic(),
            summary,
            List.copyOf(sections),
            List.copyOf(rows),
            p);
    return new Built(m, derived, methods);
  }

  // ---------------------------------------------------------------- population

  private void population() {
    String trt = spec.treatment().variable();
    if (spec.adsl() != null) {
      adsl = DataLoader.read(spec.adsl(), null);
      inputs.add(input("ADSL", spec.adsl(), adsl.rowCount()));
      DataTable pop = filter(adsl, spec.population(), spec.adsl());
      String[] ids = Columns.labels(pop, spec.id(), "a subject id");
      String[] arm = trt == null ? null : Columns.labels(pop, trt, "a treatment arm");
      for (int i = 0; i < ids.length; i++) {
        if (armOf.put(ids[i], arm == null ? "All subjects" : arm[i]) != null) {
          throw Columns.bad(pop, i, spec.id(), "one row per subject in ADSL", ids[i]);
        }
      }
      if (pop.has("DCUTDT")) {
        for (String d : pop.column("DCUTDT")) {
          if (d != null && !d.isEmpty() && (dataCut == null || d.compareTo(dataCut) > 0)) {
            dataCut = d;
          }
        }
      }
      adslById.put("", pop);
    }
    if (spec.adsl() == null) {
      // No ADSL: subjects, arms and subgroup variables come from the first analysis dataset
      // (first row of each subject).
      Path f = spec.adtte() != null ? spec.adtte() : spec.adrs();
      DataTable d = filter(DataLoader.read(f, null), spec.population(), f);
      String[] ids = Columns.labels(d, spec.id(), "a subject id");
      String[] arm = trt == null ? null : Columns.labels(d, trt, "a treatment arm");
      List<Integer> first = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        String a = arm == null ? "All subjects" : arm[i];
        String prev = armOf.putIfAbsent(ids[i], a);
        if (prev == null) {
          first.add(i);
        } else if (!prev.equals(a)) {
          throw Columns.bad(d, i, trt, "the same arm on every row of subject " + ids[i], a);
        }
      }
      adslById.put("", d.rows(first.stream().mapToInt(Integer::intValue).toArray()));
      adsl = adslById.get("");
    }
    if (spec.dataCut() != null) {
      dataCut = spec.dataCut();
    }
    Set<String> seen = new LinkedHashSet<>(armOf.values());
    List<String> order = spec.treatment().order();
    for (String o : order) {
      if (!seen.contains(o)) {
        throw new InputException(
            spec.specFile()
                + ": treatment.order lists '"
                + o
                + "', which is not an arm in the"
                + " population; the arms are: "
                + String.join(", ", seen));
      }
      arms.add(o);
    }
    for (String a : seen) {
      if (!arms.contains(a)) {
        arms.add(a);
      }
    }
    String ref = spec.treatment().reference();
    if (ref != null) {
      if (!arms.contains(ref)) {
        throw new InputException(
            spec.specFile()
                + ": treatment.reference '"
                + ref
                + "' is not an arm; the arms are: "
                + String.join(", ", arms));
      }
      arms.remove(ref);
      arms.add(0, ref);
    }
  }

  private static DataTable filter(DataTable t, Map<String, List<String>> where, Path file) {
    if (where.isEmpty()) {
      return t;
    }
    boolean[] keep = new boolean[t.rowCount()];
    java.util.Arrays.fill(keep, true);
    for (Map.Entry<String, List<String>> f : where.entrySet()) {
      String[] c = t.column(f.getKey());
      for (int i = 0; i < c.length; i++) {
        keep[i] &= f.getValue().contains(c[i]);
      }
    }
    DataTable out = t.select(keep);
    if (out.rowCount() == 0) {
      throw new InputException(file + ": no subject matches the population filter " + where);
    }
    return out;
  }

  private boolean singleArm() {
    return arms.size() < 2;
  }

  private String reference() {
    return arms.get(0);
  }

  /** The results.csv group of an arm: {@code ALL} without a treatment variable (contract). */
  private String grp(String arm) {
    return spec.treatment().variable() == null ? "ALL" : arm;
  }

  // ---------------------------------------------------------------- summary

  private Section summarySection() {
    List<List<String>> cells = new ArrayList<>();
    for (String a : arms) {
      int n = 0;
      for (String v : armOf.values()) {
        if (v.equals(a)) {
          n++;
        }
      }
      if (!grp(a).equals("ALL")) {
        rows.add(ResultRow.of("summary", a, "subjects").n(n).method("count").build());
      }
      cells.add(List.of(a, Integer.toString(n)));
    }
    rows.add(ResultRow.of("summary", "ALL", "subjects").n(armOf.size()).method("count").build());
    cells.add(List.of("Total", Integer.toString(armOf.size())));
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Table(
            "Subjects per arm", List.of("Arm", "Subjects"), cells, new boolean[] {false, true}));
    return new Section("summary", "Data summary", blocks);
  }

  // ---------------------------------------------------------------- response

  private Section responseSection() {
    ReportSpec.Response r = spec.response();
    List<Block> blocks = new ArrayList<>();
    DataTable adrs =
        DataLoader.read(
            spec.adrs(), java.util.Set.of(spec.id(), "PARAMCD", r.value(), r.dateColumn()));
    inputs.add(input("ADRS", spec.adrs(), adrs.rowCount()));
    Map<String, String> bor = new HashMap<>();
    Map<String, String> reasons = new HashMap<>();
    String[] pc = adrs.column("PARAMCD");
    String[] id = adrs.column(spec.id());
    String[] val = adrs.column(r.value());
    if (r.derive()) {
      deriveBor(adrs, r, bor, reasons);
    } else {
      for (int i = 0; i < pc.length; i++) {
        if (pc[i].equals(r.paramcd()) && armOf.containsKey(id[i])) {
          if (bor.put(id[i], val[i]) != null) {
            throw Columns.bad(adrs, i, spec.id(), "one " + r.paramcd() + " row per subject", id[i]);
          }
        }
      }
      if (bor.isEmpty()) {
        throw new InputException(
            spec.adrs() + ": no PARAMCD = " + r.paramcd() + " rows for subjects of the population");
      }
    }
    List<String[]> borRows = new ArrayList<>();
    borRows.add(
        new String[] {spec.id(), "ARM", "BOR", "RESPONDER", "DISEASE_CONTROL", "DERIVATION"});
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (String a : arms) {
      counts.put(a, new int[4]);
    }
    for (Map.Entry<String, String> e : armOf.entrySet()) {
      String b = bor.getOrDefault(e.getKey(), "");
      boolean resp = r.responders().contains(b);
      boolean dc = r.diseaseControl().contains(b);
      int[] c = counts.get(e.getValue());
      c[0]++;
      c[1] += resp ? 1 : 0;
      c[2] += dc ? 1 : 0;
      c[3] += b.isEmpty() ? 1 : 0;
      borRows.add(
          new String[] {
            e.getKey(),
            e.getValue(),
            b.isEmpty() ? "MISSING" : b,
            resp ? "Y" : "N",
            dc ? "Y" : "N",
            reasons.getOrDefault(
                e.getKey(), r.derive() ? "no assessments" : "from ADRS " + r.paramcd())
          });
    }
    derived.put("bor.csv", borRows);
    lastBor = bor;
    BinomialMethod method = BinomialMethod.parse(r.interval());
    double level = spec.confLevel();
    List<List<String>> cells = new ArrayList<>();
    String pct = pctLabel(level);
    for (String a : arms) {
      int[] c = counts.get(a);
      BinomialInterval orr = BinomialInterval.compute(method, c[1], c[0], level);
      String missing =
          c[3] == 0 ? null : c[3] + " subject(s) with missing response counted as non-responders";
      rows.add(StatRows.proportion("orr", grp(a), "orr", method, orr, c[1], c[0], level, missing));
      List<String> row = new ArrayList<>();
      row.add(a);
      row.add(Integer.toString(c[0]));
      row.add(Integer.toString(c[1]));
      row.add(Fmt.pct(orr.estimate()));
      row.add(Fmt.pctCi(orr.lower(), orr.upper()));
      if (r.dcr()) {
        BinomialInterval dcr = BinomialInterval.compute(method, c[2], c[0], level);
        rows.add(
            StatRows.proportion("orr", grp(a), "dcr", method, dcr, c[2], c[0], level, missing));
        row.add(Integer.toString(c[2]));
        row.add(Fmt.pct(dcr.estimate()));
        row.add(Fmt.pctCi(dcr.lower(), dcr.upper()));
      }
      if (r.p0() != null) {
        BinomialTest t = BinomialTest.compute(c[1], c[0], r.p0());
        rows.addAll(StatRows.binomialTests("orr", grp(a), c[1], c[0], r.p0()));
        row.add(Fmt.p(t.pUpper()));
      }
      cells.add(row);
    }
    List<String> header = new ArrayList<>(List.of("Arm", "N", "Responders", "ORR %", pct));
    if (r.dcr()) {
      header.addAll(List.of("Disease control", "DCR %", pct));
    }
    if (r.p0() != null) {
      header.add("p (H0: ORR \u2264 " + Fmt.pct(r.p0()) + "%)");
    }
    boolean[] num = new boolean[header.size()];
    java.util.Arrays.fill(num, true);
    num[0] = false;
    blocks.add(
        new Table(
            "Objective response rate (responders: " + String.join(", ", r.responders()) + ")",
            header,
            cells,
            num));
    methods.add(
        String.format(
            Locale.ROOT,
            "Objective response: %s; responders %s; subjects without a BOR count as"
                + " non-responders. %s%% confidence intervals by the %s method.",
            r.derive()
                ? String.format(
                    Locale.ROOT,
                    "best overall response derived from the ADRS PARAMCD %s visit responses by"
                        + " RECIST 1.1 (%s; confirmation \u2265 %d days later, at most %d NE"
                        + " between%s; SD at least %d days after %s; assessments after the first"
                        + " PD ignored; admiralonco rules)",
                    r.visitParamcd(),
                    r.confirm() ? "confirmed CR/PR" : "confirmation not required",
                    r.confirmationDays(),
                    r.maxNeBetween(),
                    r.acceptSd() ? ", one SD accepted between" : "",
                    r.minSdDays(),
                    r.referenceDate())
                : "best overall response from ADRS PARAMCD " + r.paramcd() + " as recorded",
            String.join("/", r.responders()),
            Fmt.level(level),
            method.label()));
    if (r.p0() != null) {
      methods.add(
          "Single-arm test of H0: ORR \u2264 "
              + Cells.number(r.p0())
              + ": exact binomial upper-tail p-value P(X \u2265 x | n, p0).");
    }
    if (!singleArm() && !r.comparison().equals("none")) {
      DifferenceMethod dm = DifferenceMethod.parse(r.comparison());
      List<List<String>> cmp = new ArrayList<>();
      int[] ref = counts.get(reference());
      for (String a : arms.subList(1, arms.size())) {
        int[] c = counts.get(a);
        RiskDifference d = RiskDifference.compute(dm, c[1], c[0], ref[1], ref[0], level);
        String g = a + " vs " + reference();
        rows.add(
            ResultRow.of("orr", g, "difference")
                .estimate(d.estimate())
                .ci(d.lower(), d.upper(), level)
                .n(c[0] + ref[0])
                .events(c[1] + ref[1])
                .method(dm.id())
                .build());
        cmp.add(List.of(g, Fmt.pct(d.estimate()), Fmt.pctCi(d.lower(), d.upper())));
      }
      blocks.add(
          new Table(
              "Difference in ORR (percentage points)",
              List.of("Comparison", "Difference", pct),
              cmp,
              new boolean[] {false, true, true}));
      methods.add(
          "Difference in ORR versus "
              + reference()
              + " with the "
              + dm.label()
              + " confidence interval.");
    }
    return new Section("response", "Tumour response", blocks);
  }

  /** Derives each population subject's BOR from the visit responses with the bor core. */
  private void deriveBor(
      DataTable adrs, ReportSpec.Response r, Map<String, String> bor, Map<String, String> reasons) {
    if (adsl == null) {
      throw new InputException(
          spec.specFile()
              + ": response.derive needs datasets: adsl: (for "
              + r.referenceDate()
              + ")");
    }
    DataTable pop = adslById.get("");
    String[] pid = pop.column(spec.id());
    String[] ref = pop.column(r.referenceDate());
    Map<String, LocalDate> refDate = new HashMap<>();
    for (int i = 0; i < pid.length; i++) {
      refDate.put(pid[i], date(pop, i, r.referenceDate(), ref[i]));
    }
    String[] pc = adrs.column("PARAMCD");
    String[] id = adrs.column(spec.id());
    String[] val = adrs.column(r.value());
    String[] dt = adrs.column(r.dateColumn());
    Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
    for (int i = 0; i < pc.length; i++) {
      if (pc[i].equals(r.visitParamcd()) && armOf.containsKey(id[i])) {
        rowsOf.computeIfAbsent(id[i], k -> new ArrayList<>()).add(i);
      }
    }
    if (rowsOf.isEmpty()) {
      throw new InputException(
          spec.adrs()
              + ": no PARAMCD = "
              + r.visitParamcd()
              + " rows for subjects of the population");
    }
    BorSettings settings =
        new BorSettings(
            r.confirm(), r.confirmationDays(), r.minSdDays(), r.maxNeBetween(), r.acceptSd());
    for (Map.Entry<String, List<Integer>> e : rowsOf.entrySet()) {
      List<Integer> ix = e.getValue();
      int[] day = new int[ix.size()];
      OverallResponse[] code = new OverallResponse[ix.size()];
      LocalDate r0 = refDate.get(e.getKey());
      for (int j = 0; j < day.length; j++) {
        int i = ix.get(j);
        day[j] = (int) ChronoUnit.DAYS.between(r0, date(adrs, i, r.dateColumn(), dt[i]));
        code[j] = OverallResponse.parse(val[i]);
        if (code[j] == null) {
          throw Columns.bad(
              adrs, i, r.value(), "a RECIST response (" + OverallResponse.codes() + ")", val[i]);
        }
      }
      BorResult b;
      try {
        b = BestOverallResponse.derive(day, code, BestOverallResponse.NO_NEW_THERAPY, settings);
      } catch (IllegalArgumentException ex) {
        throw Columns.bad(
            adrs,
            ix.get(0),
            spec.id(),
            "valid visit responses (" + ex.getMessage() + ")",
            e.getKey());
      }
      bor.put(e.getKey(), b.bor());
      reasons.put(e.getKey(), b.reason());
    }
  }

  private static LocalDate date(DataTable t, int i, String column, String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException | NullPointerException e) {
      throw Columns.bad(t, i, column, "a date YYYY-MM-DD", s);
    }
  }

  // ---------------------------------------------------------------- time to event

  /** The subjects' rows of one ADTTE parameter: times in the report unit, events, arms. */
  record TteData(String[] ids, double[] time, boolean[] event, String[] arm) {}

  private DataTable adtteTable;
  private final Map<String, TteData> tteCache = new HashMap<>();
  private Map<String, String> lastBor;

  private TteData tteData(ReportSpec.Tte e) {
    if (adtteTable == null) {
      adtteTable = DataLoader.read(spec.adtte(), null);
      inputs.add(input("ADTTE", spec.adtte(), adtteTable.rowCount()));
    }
    DataTable t = adtteTable;
    String[] id = t.column(spec.id());
    Map<String, List<String>> where = e.where();
    if (where.isEmpty() && t.has("PARAMCD")) {
      where = Map.of("PARAMCD", List.of(e.paramcd()));
    }
    boolean[] keep = new boolean[id.length];
    int k = 0;
    for (int i = 0; i < id.length; i++) {
      keep[i] = armOf.containsKey(id[i]);
    }
    for (Map.Entry<String, List<String>> w : where.entrySet()) {
      String[] c = t.column(w.getKey());
      for (int i = 0; i < id.length; i++) {
        keep[i] &= w.getValue().contains(c[i]);
      }
    }
    for (boolean b : keep) {
      k += b ? 1 : 0;
    }
    if (k == 0) {
      throw new InputException(
          String.format(
              "%s: line %d: time_to_event %s: no rows of %s match %s for subjects of the"
                  + " population%s",
              spec.specFile(),
              e.line(),
              e.paramcd(),
              spec.adtte(),
              where,
              t.has("PARAMCD")
                  ? " (PARAMCD values there: " + String.join(", ", t.levels("PARAMCD")) + ")"
                  : ""));
    }
    DataTable s = t.select(keep);
    double f =
        TimeUnit.valueOf(e.timeUnit().toUpperCase(Locale.ROOT))
            .factorTo(TimeUnit.valueOf(e.reportUnit().toUpperCase(Locale.ROOT)));
    double[] time = Columns.times(s, e.time());
    for (int i = 0; i < time.length; i++) {
      time[i] *= f;
    }
    boolean[] ev =
        e.event() != null
            ? Columns.eventsFromEvent(s, e.event())
            : Columns.eventsFromCensor(s, e.censor());
    String[] ids = s.column(spec.id());
    Set<String> dup = new java.util.HashSet<>();
    String[] arm = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      if (!dup.add(ids[i])) {
        throw Columns.bad(s, i, spec.id(), "one " + e.paramcd() + " row per subject", ids[i]);
      }
      arm[i] = armOf.get(ids[i]);
    }
    List<String[]> used = new ArrayList<>();
    used.add(
        new String[] {
          spec.id(), "ARM", "PARAMCD", "TIME_" + e.reportUnit().toUpperCase(Locale.ROOT), "EVENT"
        });
    for (int i = 0; i < ids.length; i++) {
      used.add(
          new String[] {ids[i], arm[i], e.paramcd(), Cells.number(time[i]), ev[i] ? "1" : "0"});
    }
    derived.put("adtte_" + e.paramcd().toLowerCase(Locale.ROOT) + ".csv", used);
    TteData out = new TteData(ids, time, ev, arm);
    tteCache.put(e.paramcd(), out);
    return out;
  }

  private Section tteSection(ReportSpec.Tte e) {
    List<Block> blocks = new ArrayList<>();
    TteData d = tteData(e);
    String an = e.paramcd() + ":km";
    double level = spec.confLevel();
    String ciLab = pctLabel(level);
    Convention conv = spec.convention().equals("sas") ? Convention.SAS : Convention.R;
    ConfType ct = ConfType.parse(e.confType());
    int[] g = new int[d.arm().length];
    for (int i = 0; i < g.length; i++) {
      g[i] = arms.indexOf(d.arm()[i]);
    }
    SurvivalData sd = SurvivalData.of(d.time(), d.event(), g, arms);
    CountTable table = sd.counts(false);
    String unit = e.reportUnit();
    List<KaplanMeier> kms = new ArrayList<>();
    List<List<String>> med = new ArrayList<>();
    List<KmQuantile.Estimate> medians = new ArrayList<>();
    for (int a = 0; a < arms.size(); a++) {
      KaplanMeier km = KaplanMeier.fit(table, 0, a, false, ct, level);
      kms.add(km);
      String arm = arms.get(a);
      if (km.n() == 0) {
        med.add(List.of(arm, "0", "0", "", "", ""));
        medians.add(new KmQuantile.Estimate(Double.NaN, Double.NaN, Double.NaN));
        continue;
      }
      KmQuantile.Estimate m = KmQuantile.of(km, 0.5, conv);
      medians.add(m);
      rows.add(StatRows.kmQuantile(an, grp(arm), "median", km, 0.5, ct, conv, level, null));
      KaplanMeier fu = KaplanMeier.fit(table, 0, a, true, ct, level);
      KmQuantile.Estimate f = KmQuantile.of(fu, 0.5, conv);
      rows.add(StatRows.kmFollowup(an, grp(arm), fu, km.n(), ct, conv, level));
      med.add(
          List.of(
              arm,
              Integer.toString(km.n()),
              Integer.toString(km.events()),
              Fmt.num(m.estimate()),
              Fmt.ci(m.lower(), m.upper()),
              Fmt.num(f.estimate())));
    }
    blocks.add(
        new Table(
            e.label() + ": median (" + unit + ")",
            List.of("Arm", "N", "Events", "Median", ciLab, "Median follow-up"),
            med,
            new boolean[] {false, true, true, true, true, true}));
    // Tests.
    List<String> annotations = new ArrayList<>();
    if (!singleArm()) {
      for (String t : e.tests()) {
        if (t.equals("cox")) {
          continue;
        }
        LogRank.Test test = LogRank.Test.parse(t);
        LogRank.Result lr = LogRank.test(table, test);
        int events = 0;
        for (boolean x : d.event()) {
          events += x ? 1 : 0;
        }
        rows.add(
            StatRows.logrank(
                e.paramcd() + ":logrank",
                arms.size() == 2 ? arms.get(1) + " vs " + reference() : "overall",
                test,
                lr,
                d.time().length,
                events,
                null));
        annotations.add(
            String.format(
                Locale.ROOT,
                "%s: chi-square %s on %d df, p %s",
                lr.method(),
                Fmt.num(lr.statistic()),
                lr.df(),
                pText(lr.pValue())));
      }
    }
    // Landmarks.
    if (!e.landmarks().isEmpty()) {
      List<List<String>> lm = new ArrayList<>();
      List<String> header = new ArrayList<>(List.of("Arm"));
      for (double t : e.landmarks()) {
        header.add("S(" + KmPlot.tickLabel(t) + ")");
        header.add(ciLab);
      }
      for (int a = 0; a < arms.size(); a++) {
        KaplanMeier km = kms.get(a);
        List<String> row = new ArrayList<>(List.of(arms.get(a)));
        for (double t : e.landmarks()) {
          double[] v =
              km.n() == 0
                  ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                  : km.at(t, conv == Convention.R);
          rows.add(
              km.n() == 0
                  ? ResultRow.of(an, grp(arms.get(a)), "survival")
                      .time(t)
                      .n(0)
                      .method(StatRows.kmSurvivalMethod(ct))
                      .note("no subjects")
                      .build()
                  : StatRows.kmSurvival(an, grp(arms.get(a)), km, t, ct, conv, level));
          row.add(Fmt.pct(v[0]));
          row.add(Fmt.pctCi(v[1], v[2]));
        }
        lm.add(row);
      }
      boolean[] num = new boolean[header.size()];
      java.util.Arrays.fill(num, true);
      num[0] = false;
      blocks.add(
          new Table(
              e.label() + ": event-free rate (%) at landmark times (" + unit + ")",
              header,
              lm,
              num));
    }
    Block cox = null;
    if (!singleArm()) {
      cox = coxTable(e, d, annotations);
    }
    // Figure.
    double tMax = 0;
    for (KaplanMeier km : kms) {
      if (km.n() > 0) {
        tMax = Math.max(tMax, km.lastTime());
      }
    }
    double[] ticks = KmPlot.ticks(tMax, unit);
    List<KmPlot.Curve> curves = new ArrayList<>();
    for (int a = 0; a < arms.size(); a++) {
      KaplanMeier km = kms.get(a);
      for (double tick : ticks) {
        rows.add(StatRows.kmAtRisk(an, grp(arms.get(a)), km, tick));
      }
      curves.add(KmPlot.Curve.of(arms.get(a), km, medians.get(a).estimate(), ticks));
    }
    String xl = "Time (" + unit + ")";
    KmPlot.Spec ks =
        new KmPlot.Spec(
            e.label() + " by arm (Kaplan\u2013Meier)",
            xl,
            e.label(),
            ticks,
            curves,
            annotations,
            e.ciBands(),
            true);
    blocks.add(
        0,
        new ReportModel.Figure(
            KmPlot.svg(ks),
            "Kaplan\u2013Meier estimate of "
                + e.label().toLowerCase(Locale.ROOT)
                + (e.ciBands()
                    ? " with pointwise "
                        + Fmt.level(level)
                        + "% confidence bands ("
                        + ct.label()
                        + ")"
                    : "")
                + "; ticks mark censored observations; dashed lines show medians.",
            "km"));
    if (cox != null) {
      blocks.add(cox);
    }
    if (e.rmstTau() != null) {
      blocks.add(rmstTable(e, d));
    }
    methods.add(
        String.format(
            Locale.ROOT,
            "%s (%s, CNSR 0 = event; times in %s converted to %s, months = days / 30.4375):"
                + " Kaplan\u2013Meier estimates with Greenwood variance and %s%% pointwise"
                + " confidence intervals on the %s scale; median with the Brookmeyer\u2013Crowley"
                + " interval (%s rules); landmark rates %s; median follow-up by reverse"
                + " Kaplan\u2013Meier; number at risk = subjects with time \u2265 t.",
            e.label(),
            e.paramcd(),
            e.timeUnit(),
            unit,
            Fmt.level(level),
            ct.label(),
            conv.label().toUpperCase(Locale.ROOT),
            conv == Convention.R
                ? "carried forward beyond the last observation (R extend = TRUE)"
                : "not estimable beyond the last observation (SAS)"));
    if (!singleArm() && !e.tests().isEmpty()) {
      methods.add(
          e.paramcd()
              + ": unstratified "
              + String.join(", ", e.tests())
              + " test"
              + (e.tests().size() > 1 ? "s" : "")
              + " across arms (chi-square with arms - 1 df).");
    }
    return new Section(
        "tte-" + e.paramcd().toLowerCase(Locale.ROOT),
        e.label() + " (" + e.paramcd() + ")",
        blocks);
  }

  private static String pText(double p) {
    String t = Fmt.p(p);
    return t.startsWith("<") ? t : "= " + t;
  }

  private Block rmstTable(ReportSpec.Tte e, TteData d) {
    double tau = e.rmstTau();
    double level = spec.confLevel();
    List<List<String>> cells = new ArrayList<>();
    List<Rmst.Arm> res = new ArrayList<>();
    String an = e.paramcd() + ":rmst";
    for (String a : arms) {
      int n = 0;
      for (String x : d.arm()) {
        n += x.equals(a) ? 1 : 0;
      }
      double[] t = new double[n];
      boolean[] ev = new boolean[n];
      int k = 0;
      for (int i = 0; i < d.arm().length; i++) {
        if (d.arm()[i].equals(a)) {
          t[k] = d.time()[i];
          ev[k++] = d.event()[i];
        }
      }
      Rmst.Arm r = n == 0 ? null : Rmst.arm(t, ev, tau);
      res.add(r);
      if (r == null) {
        cells.add(List.of(a, "NE", "", ""));
        continue;
      }
      double[] ci = r.ci(level);
      rows.add(StatRows.rmstArm(an, grp(a), r, level, null));
      cells.add(List.of(a, Fmt.num(r.estimate()), Fmt.ci(ci[0], ci[1]), ""));
    }
    if (!singleArm() && res.get(0) != null) {
      for (int a = 1; a < arms.size(); a++) {
        if (res.get(a) == null) {
          continue;
        }
        String g = arms.get(a) + " vs " + reference();
        for (ResultRow c : StatRows.rmstContrasts(an, g, res.get(a), res.get(0), level)) {
          rows.add(c);
          cells.add(
              List.of(
                  g + " (" + c.term() + ")",
                  Fmt.num(c.estimate()),
                  Fmt.ci(c.confLow(), c.confHigh()),
                  Fmt.p(c.pValue())));
        }
      }
    }
    methods.add(
        String.format(
            Locale.ROOT,
            "%s: restricted mean survival time up to tau = %s %s (area under the Kaplan\u2013Meier"
                + " curve, survRM2 variance); difference (normal interval) and ratio (interval on the log"
                + " scale) versus the reference with %s%% confidence.",
            e.paramcd(),
            KmPlot.tickLabel(tau),
            e.reportUnit(),
            Fmt.level(level)));
    return new Table(
        e.label()
            + ": restricted mean survival time to "
            + KmPlot.tickLabel(tau)
            + " "
            + e.reportUnit(),
        List.of("Arm / comparison", "RMST", pctLabel(level), "p"),
        cells,
        new boolean[] {false, true, true, true});
  }

  private Block coxTable(ReportSpec.Tte e, TteData d, List<String> annotations) {
    int p = arms.size() - 1;
    int n = d.time().length;
    double[][] x = new double[p][n];
    for (int i = 0; i < n; i++) {
      int j = arms.indexOf(d.arm()[i]);
      if (j > 0) {
        x[j - 1][i] = 1;
      }
    }
    CoxTies ties = CoxTies.parse(e.ties());
    CoxModel.Control ctl =
        spec.convention().equals("sas")
            ? CoxModel.Control.DEFAULT.sasConvergence()
            : CoxModel.Control.DEFAULT;
    CoxFit fit = CoxModel.fit(d.time(), d.event(), null, x, ties, ctl);
    // Subjects and events per arm: an HR row counts the two arms it compares (as `cox`).
    int[] size = new int[arms.size()];
    int[] ev = new int[arms.size()];
    for (int i = 0; i < n; i++) {
      int j = arms.indexOf(d.arm()[i]);
      size[j]++;
      ev[j] += d.event()[i] ? 1 : 0;
    }
    double level = spec.confLevel();
    List<List<String>> cells = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      String g = arms.get(j + 1) + " vs " + reference();
      rows.add(
          StatRows.coxHr(
              e.paramcd() + ":cox",
              g,
              fit,
              j,
              size[0] + size[j + 1],
              ev[0] + ev[j + 1],
              level,
              StatRows.coxNotEstimable(fit, j, arms.get(j + 1), ev, arms),
              List.of()));
      if (fit.estimable(j)) {
        double[] ci = fit.hrCi(j, level);
        cells.add(List.of(g, Fmt.num(fit.hr(j)), Fmt.ci(ci[0], ci[1]), Fmt.p(fit.pWald(j))));
        if (p <= 3) {
          annotations.add(
              String.format(
                  Locale.ROOT,
                  "HR %s %s (%s%% CI %s)",
                  g,
                  Fmt.num(fit.hr(j)),
                  Fmt.level(level),
                  Fmt.ci(ci[0], ci[1])));
        }
      } else {
        cells.add(List.of(g, "NE", "", ""));
      }
    }
    if (p > 3) {
      annotations.add("Hazard ratios versus " + reference() + ": see the table below.");
    }
    methods.add(
        String.format(
            Locale.ROOT,
            "%s: hazard ratios from a Cox proportional hazards model with treatment indicators"
                + " (reference %s), %s ties, Wald %s%% confidence intervals and p-values.",
            e.paramcd(),
            reference(),
            ties.name().toLowerCase(Locale.ROOT),
            Fmt.level(level)));
    return new Table(
        e.label() + ": hazard ratio (Cox, " + ties.name().toLowerCase(Locale.ROOT) + " ties)",
        List.of("Comparison", "HR", pctLabel(level), "p (Wald)"),
        cells,
        new boolean[] {false, true, true, true});
  }

  // ---------------------------------------------------------------- subgroups

  /** Subject id to the value of an ADSL variable (population subjects only). */
  private Map<String, String> subjectValues(String variable) {
    DataTable pop = adslById.get("");
    if (pop == null) {
      throw new InputException(
          spec.specFile() + ": subgroups need datasets: adsl: (the subgroup variables live there)");
    }
    if (!pop.has(variable)) {
      throw new InputException(
          String.format(
              "%s: subgroup variable '%s' is not a column of %s; the columns are: %s",
              spec.specFile(), variable, spec.adsl(), String.join(", ", pop.columnNames())));
    }
    String[] ids = pop.column(spec.id());
    String[] v = pop.column(variable);
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      out.put(ids[i], v[i]);
    }
    return out;
  }

  private String subgroupLabel(String variable) {
    return spec.subgroups().labels().getOrDefault(variable, variable);
  }

  private static List<String> sortedLevels(Map<String, String> values) {
    java.util.TreeSet<String> t = new java.util.TreeSet<>();
    for (String v : values.values()) {
      if (v != null && !v.isEmpty()) {
        t.add(v);
      }
    }
    return new ArrayList<>(t);
  }

  private Section subgroupSection() {
    List<Block> blocks = new ArrayList<>();
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (String v : spec.subgroups().variables()) {
      values.put(v, subjectValues(v));
    }
    if (singleArm()) {
      if (spec.response() != null && lastBor != null) {
        blocks.addAll(orrForest(values));
      }
      for (ReportSpec.Tte e : spec.endpoints()) {
        if (e.forest()) {
          blocks.add(medianBySubgroup(e, tteCache.get(e.paramcd()), values));
        }
      }
    } else {
      for (ReportSpec.Tte e : spec.endpoints()) {
        if (!e.forest()) {
          continue;
        }
        TteData d = tteCache.get(e.paramcd());
        for (String a : compared()) {
          blocks.add(hrForest(e, d, a, values));
        }
      }
    }
    methods.add(
        singleArm()
            ? "Subgroups: ORR with the same interval method within each level of "
                + String.join(", ", spec.subgroups().variables())
                + "; subjects with a missing value are left out of that variable's rows."
            : "Subgroups: hazard ratios from Cox models fitted within each level (same ties);"
                + " interaction p-values from the likelihood-ratio test of arm + level against"
                + " arm * level; unadjusted for multiplicity. Subjects with a missing value are"
                + " left out of that variable's rows.");
    return new Section("subgroups", "Subgroups", blocks);
  }

  private List<String> compared() {
    List<String> c = spec.subgroups().compare();
    if (c.isEmpty()) {
      return arms.subList(1, arms.size());
    }
    for (String a : c) {
      if (!arms.contains(a) || a.equals(reference())) {
        throw new InputException(
            spec.specFile()
                + ": subgroups.compare lists '"
                + a
                + "', which is not a"
                + " non-reference arm; the arms are: "
                + String.join(", ", arms));
      }
    }
    return c;
  }

  private Block hrForest(
      ReportSpec.Tte e, TteData d, String arm, Map<String, Map<String, String>> values) {
    CoxTies ties = CoxTies.parse(e.ties());
    double level = spec.confLevel();
    String ref = reference();
    String cmp = arm + " vs " + ref;
    List<ForestPlot.Row> fr = new ArrayList<>();
    // Subjects of the two arms.
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < d.arm().length; i++) {
      if (d.arm()[i].equals(ref) || d.arm()[i].equals(arm)) {
        idx.add(i);
      }
    }
    fr.add(hrRow(e, d, idx, arm, "All subjects", "ALL", ties, level, ForestPlot.Kind.OVERALL));
    for (Map.Entry<String, Map<String, String>> v : values.entrySet()) {
      List<String> lv = sortedLevels(v.getValue());
      // Interaction test over the two arms and the levels.
      List<Integer> have = new ArrayList<>();
      for (int i : idx) {
        String x = v.getValue().get(d.ids()[i]);
        if (x != null && !x.isEmpty()) {
          have.add(i);
        }
      }
      String pInt = "";
      if (lv.size() >= 2) {
        int m = have.size();
        double[] t = new double[m];
        boolean[] ev = new boolean[m];
        int[] a = new int[m];
        int[] l = new int[m];
        for (int j = 0; j < m; j++) {
          int i = have.get(j);
          t[j] = d.time()[i];
          ev[j] = d.event()[i];
          a[j] = d.arm()[i].equals(ref) ? 0 : 1;
          l[j] = lv.indexOf(v.getValue().get(d.ids()[i]));
        }
        LikelihoodRatio lr = SubgroupEffects.coxInteraction(t, ev, a, 2, l, lv.size(), ties);
        rows.add(
            ResultRow.of(e.paramcd() + ":subgroup", v.getKey(), "interaction")
                .pValue(lr.pValue())
                .statistic(lr.statistic())
                .df(lr.df() > 0 ? (double) lr.df() : null)
                .n(m)
                .method("likelihood-ratio/cox " + ties.label())
                .note(cmp + (lr.separated() ? "; monotone likelihood in a fit" : ""))
                .build());
        pInt = "p-int " + Fmt.p(lr.pValue());
      }
      fr.add(ForestPlot.Row.header(subgroupLabel(v.getKey()), List.of("", "", pInt)));
      for (String lvl : lv) {
        List<Integer> sub = new ArrayList<>();
        for (int i : idx) {
          if (lvl.equals(v.getValue().get(d.ids()[i]))) {
            sub.add(i);
          }
        }
        fr.add(
            hrRow(e, d, sub, arm, lvl, v.getKey() + "=" + lvl, ties, level, ForestPlot.Kind.LEVEL));
      }
    }
    String hdr = "HR (" + Fmt.level(level) + "% CI)";
    ForestPlot.Spec fs =
        new ForestPlot.Spec(
            null,
            "Subgroup",
            List.of("N", "Events", hdr),
            ForestPlot.Scale.LOG,
            "Hazard ratio, " + cmp + " (log scale)",
            "Favours " + arm,
            "Favours " + ref,
            fr,
            List.of("Interaction p-values unadjusted for multiplicity."));
    return new ReportModel.Figure(
        ForestPlot.svg(fs),
        e.label()
            + ": hazard ratios by subgroup, "
            + cmp
            + " (Cox, "
            + ties.name().toLowerCase(Locale.ROOT)
            + " ties).",
        "forest");
  }

  private ForestPlot.Row hrRow(
      ReportSpec.Tte e,
      TteData d,
      List<Integer> sub,
      String arm,
      String label,
      String group,
      CoxTies ties,
      double level,
      ForestPlot.Kind kind) {
    int m = sub.size();
    double[] t = new double[m];
    boolean[] ev = new boolean[m];
    int[] a = new int[m];
    int events = 0;
    for (int j = 0; j < m; j++) {
      int i = sub.get(j);
      t[j] = d.time()[i];
      ev[j] = d.event()[i];
      a[j] = d.arm()[i].equals(reference()) ? 0 : 1;
      events += ev[j] ? 1 : 0;
    }
    String cmp = arm + " vs " + reference();
    SubgroupEffects.Comparison c =
        m == 0
            ? null
            : SubgroupEffects.hazardRatios(t, ev, a, List.of(reference(), arm), ties, level).get(0);
    ResultRow.Builder b =
        ResultRow.of(e.paramcd() + ":subgroup", group, "hr")
            .n(m)
            .events(events)
            .method("cox-" + ties.label() + "/wald");
    String text;
    double est = Double.NaN;
    double lo = Double.NaN;
    double hi = Double.NaN;
    if (c != null && c.estimable()) {
      est = c.estimate();
      lo = c.lower();
      hi = c.upper();
      b.estimate(est).ci(lo, hi, level).pValue(c.pValue()).note(cmp);
      text = Fmt.num(est) + " (" + Fmt.ci(lo, hi) + ")";
    } else {
      String why = c == null ? "no subjects" : c.reason();
      b.note(cmp + "; " + why);
      text = "NE";
    }
    rows.add(b.build());
    return new ForestPlot.Row(
        label,
        kind,
        List.of(Integer.toString(m), Integer.toString(events), text),
        est,
        lo,
        hi,
        m,
        c != null && !c.estimable() ? c.reason() : null);
  }

  /** Single arm: N, events and KM median with CI within each subgroup level. */
  private Block medianBySubgroup(
      ReportSpec.Tte e, TteData d, Map<String, Map<String, String>> values) {
    double level = spec.confLevel();
    Convention conv = spec.convention().equals("sas") ? Convention.SAS : Convention.R;
    ConfType ct = ConfType.parse(e.confType());
    List<List<String>> cells = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> v : values.entrySet()) {
      for (String lvl : sortedLevels(v.getValue())) {
        List<Integer> sub = new ArrayList<>();
        for (int i = 0; i < d.ids().length; i++) {
          if (lvl.equals(v.getValue().get(d.ids()[i]))) {
            sub.add(i);
          }
        }
        String label = subgroupLabel(v.getKey()) + ": " + lvl;
        if (sub.isEmpty()) {
          cells.add(List.of(label, "0", "0", "NE", ""));
          continue;
        }
        double[] t = new double[sub.size()];
        boolean[] ev = new boolean[sub.size()];
        for (int j = 0; j < t.length; j++) {
          t[j] = d.time()[sub.get(j)];
          ev[j] = d.event()[sub.get(j)];
        }
        KaplanMeier km = KaplanMeier.fit(SurvivalData.of(t, ev), ct, level);
        KmQuantile.Estimate m = KmQuantile.of(km, 0.5, conv);
        rows.add(
            ResultRow.of(e.paramcd() + ":subgroup", v.getKey() + "=" + lvl, "median")
                .estimate(m.estimate())
                .ci(m.lower(), m.upper(), level)
                .n(km.n())
                .events(km.events())
                .method(StatRows.kmQuantileMethod(ct, conv))
                .note(m.note())
                .build());
        cells.add(
            List.of(
                label,
                Integer.toString(km.n()),
                Integer.toString(km.events()),
                Fmt.num(m.estimate()),
                Fmt.ci(m.lower(), m.upper())));
      }
    }
    return new Table(
        e.label() + ": median by subgroup (" + e.reportUnit() + ")",
        List.of("Subgroup", "N", "Events", "Median", pctLabel(level)),
        cells,
        new boolean[] {false, true, true, true, true});
  }

  private List<Block> orrForest(Map<String, Map<String, String>> values) {
    ReportSpec.Response r = spec.response();
    BinomialMethod method = BinomialMethod.parse(r.interval());
    double level = spec.confLevel();
    List<ForestPlot.Row> fr = new ArrayList<>();
    List<String> ids = new ArrayList<>(armOf.keySet());
    fr.add(orrRow(ids, "All subjects", "ALL", method, level, ForestPlot.Kind.OVERALL));
    for (Map.Entry<String, Map<String, String>> v : values.entrySet()) {
      fr.add(ForestPlot.Row.header(subgroupLabel(v.getKey()), List.of()));
      for (String lvl : sortedLevels(v.getValue())) {
        List<String> sub = new ArrayList<>();
        for (String id : ids) {
          if (lvl.equals(v.getValue().get(id))) {
            sub.add(id);
          }
        }
        fr.add(orrRow(sub, lvl, v.getKey() + "=" + lvl, method, level, ForestPlot.Kind.LEVEL));
      }
    }
    ForestPlot.Spec fs =
        new ForestPlot.Spec(
            null,
            "Subgroup",
            List.of("N", "Responders", "ORR % (" + Fmt.level(level) + "% CI)"),
            ForestPlot.Scale.LINEAR,
            "Objective response rate (%)",
            null,
            null,
            fr,
            List.of(
                method.label()
                    + " confidence intervals; the dashed line marks the ORR of all subjects."),
            fr.get(0).estimate());
    return List.of(
        new ReportModel.Figure(
            ForestPlot.svg(fs),
            "Objective response rate by subgroup ("
                + method.label()
                + " "
                + Fmt.level(level)
                + "% CI).",
            "forest"));
  }

  private ForestPlot.Row orrRow(
      List<String> ids,
      String label,
      String group,
      BinomialMethod method,
      double level,
      ForestPlot.Kind kind) {
    int n = ids.size();
    int x = 0;
    for (String id : ids) {
      x += spec.response().responders().contains(lastBor.getOrDefault(id, "")) ? 1 : 0;
    }
    if (n == 0) {
      return new ForestPlot.Row(
          label,
          kind,
          List.of("0", "0", "NE"),
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0,
          "no subjects");
    }
    BinomialInterval ci = BinomialInterval.compute(method, x, n, level);
    rows.add(
        ResultRow.of("orr:subgroup", group, "orr")
            .estimate(ci.estimate())
            .ci(ci.lower(), ci.upper(), level)
            .n(n)
            .events(x)
            .method(method.id())
            .build());
    return new ForestPlot.Row(
        label,
        kind,
        List.of(
            Integer.toString(n),
            Integer.toString(x),
            Fmt.pct(ci.estimate()) + " (" + Fmt.pctCi(ci.lower(), ci.upper()) + ")"),
        100 * ci.estimate(),
        100 * ci.lower(),
        100 * ci.upper(),
        n,
        null);
  }

  // ---------------------------------------------------------------- methods

  private Section methodsSection() {
    List<Block> b = new ArrayList<>();
    b.add(
        new Paragraph(
            "Convention: "
                + spec.convention().toUpperCase(Locale.ROOT)
                + " defaults (confidence level "
                + Fmt.level(spec.confLevel())
                + "%)."));
    b.add(
        new Paragraph(
            "Times are reported in the unit stated per endpoint (months = days / 30.4375,"
                + " years = days / 365.25)."));
    for (String m : methods) {
      b.add(new Paragraph(m));
    }
    return new Section("methods", "Methods", b);
  }

  // ---------------------------------------------------------------- helpers

  private static String pctLabel(double level) {
    return Fmt.level(level) + "% CI";
  }

  private ReportModel.InputFile input(String role, Path p, int rows) {
    return new ReportModel.InputFile(role, display(p, spec.specFile()), Fmt.sha256(p), rows);
  }

  /**
   * A path as recorded in the provenance: relative to the working folder when under it, else
   * relative to the folder of {@code specFile} when under that, else absolute. So the report of a
   * clone does not change with where the clone lives.
   */
  static String display(Path p) {
    return display(p, null);
  }

  static String display(Path p, Path specFile) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path a = p.toAbsolutePath().normalize();
    if (a.startsWith(cwd)) {
      return cwd.relativize(a).toString().replace('\\', '/');
    }
    Path dir = specFile == null ? null : specFile.toAbsolutePath().normalize().getParent();
    if (dir != null && a.startsWith(dir)) {
      return dir.relativize(a).toString().replace('\\', '/');
    }
    return a.toString();
  }
}

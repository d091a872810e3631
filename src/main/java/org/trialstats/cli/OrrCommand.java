package org.trialstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialstats.io.InputException;
import org.trialstats.report.Cells;
import org.trialstats.report.ResultRow;
import org.trialstats.report.StatRows;
import org.trialstats.response.BinomialInterval;
import org.trialstats.response.BinomialMethod;
import org.trialstats.response.BinomialTest;
import org.trialstats.response.DifferenceMethod;
import org.trialstats.response.MantelHaenszel;
import org.trialstats.response.OddsRatio;
import org.trialstats.response.RiskDifference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats orr}: objective response rate (or disease control rate) with exact and
 * alternative binomial intervals, exact binomial tests, and comparisons between arms (difference,
 * odds ratio, Fisher, stratified CMH / Mantel–Haenszel). Computation lives in {@code
 * org.trialstats.response}; this class reads the input and maps results to contract rows.
 */
@Command(
    name = "orr",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Objective response rate with confidence intervals, exact binomial tests and arm comparisons.",
      "Input: --responders K --n N, --counts \"A:11/26,B:7/24\", --counts-file FILE"
          + " (group,responders,n[,stratum]) or subject data (--data, one row per subject).",
      "Subjects with an empty/MISSING response count as non-responders (reported in a note)."
    })
public final class OrrCommand implements Callable<Integer> {
  static final String ANALYSIS = "orr";

  /** Note of a Wald interval left empty because it has zero width. */
  static final String WALD_DEGENERATE = RiskDifference.WALD_DEGENERATE;

  @Spec CommandSpec spec;

  @Option(names = "--responders", paramLabel = "K", description = "Number of responders.")
  Integer responders;

  @Option(names = "--n", paramLabel = "N", description = "Number of subjects.")
  Integer n;

  @Option(
      names = "--counts",
      paramLabel = "SPEC",
      description =
          "Summary counts per group: GROUP:K/N,... (e.g. A:11/26,B:7/24), or a counts CSV file.")
  String counts;

  @Option(
      names = "--counts-file",
      paramLabel = "FILE",
      description = "CSV with columns group,responders,n and optionally stratum.")
  Path countsFile;

  @Mixin DataOptions data;

  @Option(
      names = "--response",
      paramLabel = "COL",
      defaultValue = "AVALC",
      description = "Response column of --data (default: ${DEFAULT-VALUE}).")
  String response;

  @Option(
      names = "--responder-values",
      paramLabel = "CODES",
      split = ",",
      defaultValue = "CR,PR",
      description =
          "Codes counted as responders (default: ${DEFAULT-VALUE}; CR,PR,SD for disease control).")
  List<String> responderValues;

  @Option(names = "--by", paramLabel = "COL", description = "Group (arm) column of --data.")
  String by;

  @Option(
      names = "--ref",
      paramLabel = "LEVEL",
      description =
          "Reference group for comparisons (default: the first level in sorted order, numeric"
              + " levels numerically, as every command).")
  String ref;

  @Option(
      names = "--strata",
      paramLabel = "COL[,COL]",
      split = ",",
      description = "Stratification columns of --data for CMH / Mantel–Haenszel.")
  List<String> strata = new ArrayList<>();

  @Option(
      names = "--method",
      paramLabel = "M",
      defaultValue = "clopper-pearson",
      description =
          "Interval for each rate: clopper-pearson (default), wilson, wilson-cc, jeffreys,"
              + " agresti-coull, wald, mid-p, blaker, or all.")
  String method;

  @Option(
      names = "--diff-method",
      paramLabel = "M",
      defaultValue = "all",
      description =
          "Interval for differences: wald, newcombe, miettinen-nurminen, or all (default).")
  String diffMethod;

  @Mixin ConfidenceOptions conf;

  @Option(
      names = "--p0",
      paramLabel = "P",
      description = "Null rate: exact binomial test of H0: p <= P (one-sided) and two-sided.")
  Double p0;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    List<BinomialMethod> methods = parseMethods();
    List<DifferenceMethod> diffMethods = parseDiffMethods();
    if (p0 != null && !(p0 > 0 && p0 < 1)) {
      throw new InputException("--p0: expected a rate strictly between 0 and 1, found " + p0);
    }
    Set<String> codes = responderCodes();
    OrrInput in = readInput(codes);
    double level = conf.level();
    List<ResultRow> rows = new ArrayList<>();
    List<String> text = new ArrayList<>();
    text.add(
        "Response rate (responders: "
            + String.join(", ", codes)
            + "), two-sided "
            + pct(level)
            + " confidence intervals");
    for (String g : in.groups) {
      int[] t = in.total(g);
      String note =
          t[2] == 0 ? null : t[2] + " subject(s) with missing response counted as non-responders";
      for (BinomialMethod m : methods) {
        BinomialInterval ci = BinomialInterval.compute(m, t[0], t[1], level);
        boolean degenerate = m == BinomialMethod.WALD && (t[0] == 0 || t[0] == t[1]);
        rows.add(StatRows.proportion(ANALYSIS, g, "orr", m, ci, t[0], t[1], level, note));
        text.add(
            degenerate
                ? String.format(
                    Locale.ROOT,
                    "%s: %d/%d (%s%%), no CI (%s) [%s]",
                    g,
                    t[0],
                    t[1],
                    pct1(ci.estimate()),
                    WALD_DEGENERATE,
                    m.label())
                : String.format(
                    Locale.ROOT,
                    "%s: %d/%d (%s%%), %s CI %s–%s [%s]",
                    g,
                    t[0],
                    t[1],
                    pct1(ci.estimate()),
                    pct(level),
                    pct1(ci.lower()),
                    pct1(ci.upper()),
                    m.label()));
      }
      if (note != null) {
        text.add("  note: " + note);
      }
      if (p0 != null) {
        BinomialTest bt = BinomialTest.compute(t[0], t[1], p0);
        String h0 = "H0: p <= " + Cells.number(p0);
        rows.addAll(StatRows.binomialTests(ANALYSIS, g, t[0], t[1], p0));
        text.add(
            String.format(
                Locale.ROOT,
                "  exact binomial test, %s: one-sided p = %s; two-sided (H0: p = %s) p = %s",
                h0,
                pval(bt.pUpper()),
                Cells.number(p0),
                pval(bt.pTwoSided())));
      }
    }
    if (!in.stratified && !strata.isEmpty()) {
      throw new InputException("--strata needs --data");
    }
    if (in.groups.size() >= 2) {
      compare(in, level, diffMethods, rows, text);
    } else if (ref != null) {
      throw new InputException("--ref needs two or more groups (use --by or --counts)");
    } else if (in.stratified && in.strata.size() > 0 && !strata.isEmpty()) {
      text.add("note: --strata has no effect with a single group");
    }
    for (String note : in.notes) {
      text.add("note: " + note);
    }
    if (!in.notes.isEmpty()) {
      String all = String.join("; ", in.notes);
      List<ResultRow> annotated = new ArrayList<>();
      for (ResultRow r : rows) {
        annotated.add(
            r.term().equals("orr")
                ? new ResultRow(
                    r.analysis(),
                    r.group(),
                    r.term(),
                    r.time(),
                    r.estimate(),
                    r.confLow(),
                    r.confHigh(),
                    r.confLevel(),
                    r.pValue(),
                    r.statistic(),
                    r.df(),
                    r.n(),
                    r.events(),
                    r.method(),
                    r.note() == null ? all : r.note() + "; " + all)
                : r);
      }
      rows = annotated;
    }
    output.emit(spec, rows, text);
    return ExitCodes.OK;
  }

  private void compare(
      OrrInput in,
      double level,
      List<DifferenceMethod> diffMethods,
      List<ResultRow> rows,
      List<String> text) {
    // One rule for every command: the first level in R factor order unless --ref.
    String reference = ref == null ? Levels.sorted(in.groups).get(0) : ref;
    if (!in.groups.contains(reference)) {
      throw new InputException(
          "--ref '" + ref + "': no such group; the groups are: " + String.join(", ", in.groups));
    }
    int[] r = in.total(reference);
    for (String g : Levels.sorted(in.groups)) {
      if (g.equals(reference)) {
        continue;
      }
      int[] t = in.total(g);
      String label = g + " vs " + reference;
      for (DifferenceMethod m : diffMethods) {
        RiskDifference d = RiskDifference.compute(m, t[0], t[1], r[0], r[1], level);
        boolean degenerate =
            m == DifferenceMethod.WALD && RiskDifference.waldDegenerate(t[0], t[1], r[0], r[1]);
        rows.add(
            ResultRow.of(ANALYSIS, label, "difference")
                .estimate(d.estimate())
                .ci(degenerate ? null : d.lower(), degenerate ? null : d.upper(), level)
                .n(t[1] + r[1])
                .events(t[0] + r[0])
                .method(m.id())
                .note(degenerate ? WALD_DEGENERATE : null)
                .build());
        text.add(
            degenerate
                ? String.format(
                    Locale.ROOT,
                    "%s: difference %s percentage points, no CI (%s) [%s]",
                    label,
                    pct1(d.estimate()),
                    WALD_DEGENERATE,
                    m.label())
                : String.format(
                    Locale.ROOT,
                    "%s: difference %s percentage points, %s CI %s to %s [%s]",
                    label,
                    pct1(d.estimate()),
                    pct(level),
                    pct1(d.lower()),
                    pct1(d.upper()),
                    m.label()));
      }
      OddsRatio ex = OddsRatio.conditionalExact(t[0], t[1], r[0], r[1], level);
      OddsRatio wo = OddsRatio.woolf(t[0], t[1], r[0], r[1], level);
      if (OddsRatio.conditionallyEstimable(t[0], t[1], r[0], r[1])) {
        addOddsRatio(
            rows,
            text,
            label,
            ex,
            t,
            r,
            "conditional MLE, exact conditional CI (R fisher.test)",
            level);
      } else {
        String why =
            (t[0] + r[0] == 0 ? "no responders in either arm" : "all subjects responded")
                + ": conditional odds ratio not estimable (R fisher.test prints 0, CI 0 to Inf)";
        rows.add(
            ResultRow.of(ANALYSIS, label, "odds_ratio")
                .ci(null, null, level)
                .n(t[1] + r[1])
                .events(t[0] + r[0])
                .method(ex.method())
                .note(why)
                .build());
        text.add(
            String.format(
                Locale.ROOT, "%s: odds ratio not estimable [%s: %s]", label, ex.method(), why));
      }
      addOddsRatio(
          rows,
          text,
          label,
          wo,
          t,
          r,
          wo.corrected()
              ? "sample OR, logit CI; 0.5 added to each cell (a zero cell)"
              : "sample OR, logit CI",
          level);
      double fp = OddsRatio.fisherTwoSided(t[0], t[1], r[0], r[1]);
      rows.add(
          ResultRow.of(ANALYSIS, label, "fisher")
              .pValue(fp)
              .n(t[1] + r[1])
              .events(t[0] + r[0])
              .method("fisher-exact")
              .note("two-sided (R fisher.test)")
              .build());
      text.add(
          String.format(Locale.ROOT, "%s: Fisher exact test two-sided p = %s", label, pval(fp)));
      if (in.stratified) {
        stratified(in, g, reference, label, level, rows, text);
      }
    }
  }

  private void addOddsRatio(
      List<ResultRow> rows,
      List<String> text,
      String label,
      OddsRatio o,
      int[] t,
      int[] r,
      String note,
      double level) {
    rows.add(
        ResultRow.of(ANALYSIS, label, "odds_ratio")
            .estimate(o.estimate())
            .ci(o.lower(), o.upper(), level)
            .n(t[1] + r[1])
            .events(t[0] + r[0])
            .method(o.method())
            .note(
                Double.isInfinite(o.estimate()) || Double.isInfinite(o.upper())
                    ? note + "; infinite limit shown empty"
                    : note)
            .build());
    text.add(
        String.format(
            Locale.ROOT,
            "%s: odds ratio %s, %s CI %s–%s [%s: %s]",
            label,
            ratio(o.estimate()),
            pct(level),
            ratio(o.lower()),
            ratio(o.upper()),
            o.method(),
            note));
  }

  private void stratified(
      OrrInput in,
      String g,
      String reference,
      String label,
      double level,
      List<ResultRow> rows,
      List<String> text) {
    int k = in.strata.size();
    int[] x1 = new int[k];
    int[] n1 = new int[k];
    int[] x2 = new int[k];
    int[] n2 = new int[k];
    for (int h = 0; h < k; h++) {
      int[] a = in.cell(g, in.strata.get(h));
      int[] b = in.cell(reference, in.strata.get(h));
      x1[h] = a[0];
      n1[h] = a[1];
      x2[h] = b[0];
      n2[h] = b[1];
    }
    MantelHaenszel.Result m = MantelHaenszel.compute(x1, n1, x2, n2, level);
    int ntot = 0;
    int etot = 0;
    for (int h = 0; h < k; h++) {
      ntot += n1[h] + n2[h];
      etot += x1[h] + x2[h];
    }
    String by = strata.isEmpty() ? "stratum" : String.join("/", strata);
    String snote =
        "stratified by "
            + by
            + ": "
            + m.usedStrata()
            + " of "
            + k
            + " strata used"
            + (m.usedStrata() < k
                ? " (strata with fewer than 2 subjects carry no information)"
                : "");
    String cmhNa =
        Double.isNaN(m.cmh())
            ? "; not estimable: no variance (no responders, or no non-responders, in the strata)"
            : "";
    boolean satoDegenerate = !(m.rdLower() < m.rdUpper());
    String satoNote =
        satoDegenerate
            ? "; Sato interval degenerate (zero variance: every rate 0 or 100%), left empty"
            : "";
    rows.add(
        ResultRow.of(ANALYSIS, label, "cmh")
            .statistic(m.cmh())
            .df(1.0)
            .pValue(m.cmhP())
            .n(ntot)
            .events(etot)
            .method("cmh")
            .note(snote + "; no continuity correction (SAS CMH; R correct=FALSE)" + cmhNa)
            .build());
    rows.add(
        ResultRow.of(ANALYSIS, label, "cmh")
            .statistic(m.cmhYates())
            .df(1.0)
            .pValue(m.cmhYatesP())
            .n(ntot)
            .events(etot)
            .method("cmh-yates")
            .note(snote + "; continuity correction 1/2 (R mantelhaen.test default)" + cmhNa)
            .build());
    rows.add(
        ResultRow.of(ANALYSIS, label, "odds_ratio")
            .estimate(m.orEstimate())
            .ci(m.orLower(), m.orUpper(), level)
            .n(ntot)
            .events(etot)
            .method("mantel-haenszel-rbg")
            .note(
                snote
                    + "; Robins-Breslow-Greenland variance"
                    + (Double.isFinite(m.orLower())
                        ? ""
                        : "; limits not estimable (zero or infinite odds ratio)"))
            .build());
    rows.add(
        ResultRow.of(ANALYSIS, label, "difference")
            .estimate(m.rdEstimate())
            .ci(satoDegenerate ? null : m.rdLower(), satoDegenerate ? null : m.rdUpper(), level)
            .n(ntot)
            .events(etot)
            .method("mantel-haenszel-sato")
            .note(snote + "; Sato variance" + satoNote)
            .build());
    if (!cmhNa.isEmpty()) {
      text.add(
          String.format(Locale.ROOT, "%s: CMH test %s [%s]", label, cmhNa.substring(2), snote));
    } else {
      text.add(
          String.format(
              Locale.ROOT,
              "%s: CMH chi-square %s (1 df), p = %s; with continuity correction %s, p = %s [%s]",
              label,
              Cells.readable(m.cmh(), 4),
              pval(m.cmhP()),
              Cells.readable(m.cmhYates(), 4),
              pval(m.cmhYatesP()),
              snote));
    }
    text.add(
        String.format(
            Locale.ROOT,
            "%s: Mantel–Haenszel odds ratio %s, %s CI %s–%s [Robins–Breslow–Greenland];"
                + " risk difference %s percentage points, %s [Sato]",
            label,
            ratio(m.orEstimate()),
            pct(level),
            ratio(m.orLower()),
            ratio(m.orUpper()),
            pct1(m.rdEstimate()),
            satoDegenerate
                ? "no CI (degenerate: zero variance)"
                : pct(level) + " CI " + pct1(m.rdLower()) + " to " + pct1(m.rdUpper())));
  }

  private OrrInput readInput(Set<String> codes) {
    int modes =
        (responders != null || n != null ? 1 : 0)
            + (counts != null ? 1 : 0)
            + (countsFile != null ? 1 : 0)
            + (data.present() ? 1 : 0);
    if (modes != 1) {
      throw new InputException(
          modes == 0
              ? "no input: give --responders K --n N, --counts, --counts-file or --data"
              : "give only one of --responders/--n, --counts, --counts-file, --data");
    }
    if (!data.present()) {
      if (by != null || !strata.isEmpty()) {
        throw new InputException("--by and --strata need subject data (--data)");
      }
      if (data.adsl != null || !data.where.isEmpty()) {
        throw new InputException("--adsl and --where need subject data (--data)");
      }
    }
    if (responders != null || n != null) {
      if (responders == null || n == null) {
        throw new InputException("--responders and --n go together");
      }
      return OrrInput.single(responders, n);
    }
    if (counts != null) {
      // --counts also accepts the path of a counts CSV (the same as --counts-file).
      Path file = existingFile(counts);
      return file != null ? OrrInput.countsFile(file) : OrrInput.counts(counts);
    }
    if (countsFile != null) {
      return OrrInput.countsFile(countsFile);
    }
    return OrrInput.data(data, response, codes, by, strata);
  }

  private static Path existingFile(String s) {
    try {
      Path p = Path.of(s);
      return java.nio.file.Files.isRegularFile(p) ? p : null;
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  private Set<String> responderCodes() {
    Set<String> out = new LinkedHashSet<>();
    for (String v : responderValues) {
      String c = OrrInput.code(v);
      if (!OrrInput.KNOWN.contains(c)) {
        throw new InputException(
            "--responder-values: '"
                + v
                + "' is not a RECIST code; known: "
                + String.join(", ", OrrInput.KNOWN));
      }
      out.add(c);
    }
    if (out.isEmpty()) {
      throw new InputException("--responder-values: give at least one code, e.g. CR,PR");
    }
    return out;
  }

  private List<BinomialMethod> parseMethods() {
    if (method.trim().equalsIgnoreCase("all")) {
      return List.of(BinomialMethod.values());
    }
    List<BinomialMethod> out = new ArrayList<>();
    for (String s : method.split(",")) {
      try {
        out.add(BinomialMethod.parse(s));
      } catch (IllegalArgumentException e) {
        throw new InputException("--method: " + e.getMessage() + ", all");
      }
    }
    return out;
  }

  private List<DifferenceMethod> parseDiffMethods() {
    if (diffMethod.trim().equalsIgnoreCase("all")) {
      return List.of(DifferenceMethod.values());
    }
    List<DifferenceMethod> out = new ArrayList<>();
    for (String s : diffMethod.split(",")) {
      try {
        out.add(DifferenceMethod.parse(s));
      } catch (IllegalArgumentException e) {
        throw new InputException("--diff-method: " + e.getMessage() + ", all");
      }
    }
    return out;
  }

  /** A proportion as a percentage with one decimal. */
  static String pct1(double p) {
    return String.format(Locale.ROOT, "%.1f", 100 * p);
  }

  /** A confidence level as a percentage without needless decimals: 0.95 -> 95%. */
  static String pct(double level) {
    String s = Cells.number(Math.round(level * 1e8) / 1e6);
    return s + "%";
  }

  static String ratio(double v) {
    if (Double.isInfinite(v)) {
      return "Inf";
    }
    if (Double.isNaN(v)) {
      return "NE";
    }
    return Cells.readable(v, 3);
  }

  static String pval(double p) {
    return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : Cells.readable(p, 3);
  }
}

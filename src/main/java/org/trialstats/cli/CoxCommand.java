package org.trialstats.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialstats.io.Columns;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.report.ResultRow;
import org.trialstats.report.StatRows;
import org.trialstats.survival.Convention;
import org.trialstats.survival.CountTable;
import org.trialstats.survival.CoxAggregated;
import org.trialstats.survival.CoxFit;
import org.trialstats.survival.CoxModel;
import org.trialstats.survival.CoxModel.Control;
import org.trialstats.survival.CoxTies;
import org.trialstats.survival.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats cox}: hazard ratio of each {@code --by} level vs {@code --ref} from a Cox
 * proportional hazards model ({@link CoxModel}), optionally adjusted for covariates and stratified;
 * Wald CIs; Wald, likelihood-ratio and score tests.
 */
@Command(
    name = "cox",
    mixinStandardHelpOptions = true,
    description = {
      "Cox proportional hazards model: hazard ratios with Wald CIs and tests.",
      "Each --by level vs --ref (Wald CI and p), optionally adjusted (--covariates) and stratified (--strata); Wald, likelihood-ratio and",
      "score tests. Ties: efron (R default), breslow (SAS PHREG default), exact (SAS DISCRETE)."
    })
public final class CoxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data;
  @Mixin SurvivalOptions surv;
  @Mixin ConfidenceOptions conf;
  @Mixin OutputOptions output;

  @Option(
      names = "--ties",
      paramLabel = "METHOD",
      description =
          "Tied event times: efron, breslow or exact (default: efron with --convention r,"
              + " breslow with --convention sas).")
  String ties;

  @Option(
      names = "--covariates",
      paramLabel = "COL",
      split = ",",
      description =
          "Adjust for these columns: numeric ones as they are (HR per unit), others as"
              + " categorical (dummies vs the first level in sorted order).")
  List<String> covariates = new ArrayList<>();

  @Option(
      names = "--categorical",
      paramLabel = "COL",
      split = ",",
      description = "Adjust for these columns as categorical even when their codes are numbers.")
  List<String> categorical = new ArrayList<>();

  @Option(
      names = "--max-iter",
      paramLabel = "N",
      defaultValue = "20",
      description = "Newton-Raphson iteration limit (default: ${DEFAULT-VALUE}, as R).")
  int maxIter;

  /** One design term: its columns and how to label them. */
  private record Term(String label, String note, double[] column) {}

  @Override
  public Integer call() {
    if (surv.by == null) {
      throw new InputException("cox needs --by COL: the arm whose hazard ratios are estimated");
    }
    if (maxIter < 1) {
      throw new InputException("--max-iter: expected a positive integer, found " + maxIter);
    }
    CoxTies method = chooseTies();
    Set<String> covs = new LinkedHashSet<>(covariates);
    covs.addAll(categorical);
    for (String c : covs) {
      if (c.equals(surv.by) || surv.strata.contains(c)) {
        throw new InputException(
            "--covariates " + c + ": already used as --by or --strata; give it once");
      }
    }
    SurvivalInput in = surv.load(data, covs);
    List<String> notes = new ArrayList<>(in.notes());
    if (!covs.isEmpty()) {
      DataTable t = in.table();
      boolean[] keep = new boolean[t.rowCount()];
      int dropped = 0;
      for (int i = 0; i < keep.length; i++) {
        keep[i] = true;
        for (String c : covs) {
          String v = t.cell(i, c);
          if (v == null || v.isEmpty()) {
            keep[i] = false;
          }
        }
        if (!keep[i]) {
          dropped++;
        }
      }
      if (dropped > 0) {
        in = surv.from(t.select(keep));
        notes = new ArrayList<>(in.notes());
        notes.add(
            dropped
                + " row(s) with a missing covariate excluded (complete cases, as R na.omit and"
                + " SAS PHREG)");
      }
    }
    SurvivalData d = in.data();
    int groups = d.groupCount();
    if (groups < 2) {
      throw new InputException("--by " + surv.by + ": at least two levels are needed");
    }
    List<String> levels = d.groupLevels();
    List<Term> terms = armTerms(d);
    for (String c : covs) {
      terms.addAll(covariateTerms(in.table(), d, c, categorical.contains(c)));
    }
    boolean stratified = d.strataCount() > 1;
    if (d.eventCount() == 0) {
      output.emit(spec, noEvents(d, terms, method, notes), notes);
      return ExitCodes.OK;
    }
    boolean sasRule = surv.convention == Convention.SAS;
    CoxFit fit = fit(d, terms, method, maxIter, sasRule);
    if (sasRule) {
      notes.add(
          "Newton-Raphson stopped by SAS PHREG's relative gradient criterion GCONV=1E-8 (R stops"
              + " on a relative log-likelihood change of 1e-9; estimates agree to about 4 digits)");
    }
    List<ResultRow> rows = rows(fit, d, terms, notes, covs.isEmpty(), stratified, conf.level());
    List<String> heading = new ArrayList<>();
    heading.add(
        String.format(
            "Cox proportional hazards: %s vs reference %s (by %s), ties %s%s; %d subjects, %d"
                + " events",
            String.join(", ", levels.subList(1, levels.size())),
            levels.get(0),
            surv.by,
            method.label() + tieOrigin(method),
            stratified ? ", stratified by " + String.join("/", surv.strata) : "",
            fit.n(),
            fit.events()));
    heading.add(
        fit.converged()
            ? "Newton-Raphson converged in " + fit.iterations() + " iteration(s)"
            : "Newton-Raphson did NOT converge in " + fit.iterations() + " iterations");
    if (!covs.isEmpty()) {
      heading.add("Adjusted for: " + String.join(", ", covs));
    }
    heading.addAll(notes);
    output.emit(spec, rows, heading);
    return ExitCodes.OK;
  }

  /**
   * The treatment-only model (each --by level vs the reference, stratified by the data's strata) as
   * {@code hr} rows: shared with {@code km --hr} so both commands report the same numbers. Efron
   * and Breslow are fitted from the per-time count table ({@link CoxAggregated}: the same iteration
   * on sums per stratum x group x distinct time, O(distinct times) per iteration instead of
   * O(subjects)); exact ties use the subject-level {@link CoxModel}.
   *
   * @param counts {@code d.counts(d.strataCount() > 1)} if already computed, else null
   */
  static List<ResultRow> treatmentHr(
      SurvivalData d, CountTable counts, CoxTies method, double level, String note) {
    List<String> notes = note == null ? List.of() : List.of(note);
    boolean stratified = d.strataCount() > 1;
    CoxFit fit = null;
    List<Term> terms;
    if (method != CoxTies.EXACT && d.eventCount() > 0) {
      terms = new ArrayList<>();
      List<String> levels = d.groupLevels();
      for (int g = 1; g < d.groupCount(); g++) {
        terms.add(new Term(levels.get(g) + " vs " + levels.get(0), null, null));
      }
      fit = CoxAggregated.fit(counts != null ? counts : d.counts(stratified), method);
    } else {
      terms = armTerms(d);
      if (d.eventCount() > 0) {
        fit = fit(d, terms, method, Control.DEFAULT.iterMax(), false);
      }
    }
    List<ResultRow> all =
        fit == null
            ? noEvents(d, terms, method, notes)
            : rows(fit, d, terms, notes, true, stratified, level);
    List<ResultRow> hr = new ArrayList<>();
    for (ResultRow r : all) {
      if (r.term().equals("hr")) {
        hr.add(r);
      }
    }
    return hr;
  }

  /** One dummy column per non-reference level of the group, in sorted subject order. */
  private static List<Term> armTerms(SurvivalData d) {
    int n = d.size();
    List<String> levels = d.groupLevels();
    List<Term> terms = new ArrayList<>();
    for (int g = 1; g < d.groupCount(); g++) {
      double[] col = new double[n];
      for (int k = 0; k < n; k++) {
        col[k] = d.group(k) == g ? 1 : 0;
      }
      terms.add(new Term(levels.get(g) + " vs " + levels.get(0), null, col));
    }
    return terms;
  }

  /**
   * Fits the Cox model on {@code terms}; {@code sasRule} stops Newton-Raphson on PHREG's gradient
   * criterion instead of R's log-likelihood change.
   */
  private static CoxFit fit(
      SurvivalData d, List<Term> terms, CoxTies method, int maxIter, boolean sasRule) {
    double[][] x = new double[terms.size()][];
    for (int j = 0; j < x.length; j++) {
      x[j] = terms.get(j).column();
    }
    try {
      Control ctl = Control.DEFAULT;
      return CoxModel.fit(
          d.times(),
          d.events(),
          d.strataCount() > 1 ? d.strata() : null,
          x,
          method,
          sasRule
              ? new Control(maxIter, ctl.eps(), ctl.tolerChol(), ctl.tolerInf()).sasConvergence()
              : new Control(maxIter, ctl.eps(), ctl.tolerChol(), ctl.tolerInf()));
    } catch (IllegalArgumentException e) {
      throw new InputException("cox: " + e.getMessage());
    }
  }

  /** All subjects censored: every row is empty with a note (not an error, as in km). */
  private static List<ResultRow> noEvents(
      SurvivalData d, List<Term> terms, CoxTies method, List<String> notes) {
    List<ResultRow> rows = new ArrayList<>();
    String why = "not estimable: no events (all subjects censored)";
    for (Term t : terms) {
      rows.add(
          ResultRow.of("cox", t.label(), "hr")
              .n(d.size())
              .events(0)
              .method(method.label())
              .note(why)
              .build());
    }
    for (String term : List.of("wald", "lr", "score")) {
      rows.add(
          ResultRow.of("cox", "ALL", term)
              .n(d.size())
              .events(0)
              .method(method.label())
              .note(why)
              .build());
    }
    return rows;
  }

  private String tieOrigin(CoxTies m) {
    if (ties != null) {
      return "";
    }
    return surv.convention == Convention.SAS ? " (SAS PHREG default)" : " (R coxph default)";
  }

  private CoxTies chooseTies() {
    return chooseTies(ties, surv.convention);
  }

  /** {@code --ties} if given, else the convention's default (R: efron, SAS: breslow). */
  static CoxTies chooseTies(String ties, Convention convention) {
    if (ties != null) {
      try {
        return CoxTies.parse(ties);
      } catch (IllegalArgumentException e) {
        throw new InputException(
            "--ties: expected efron, breslow or exact (SAS: discrete), found '" + ties + "'");
      }
    }
    return convention == Convention.SAS ? CoxTies.BRESLOW : CoxTies.EFRON;
  }

  /** Design columns of one covariate, in the sorted subject order of {@code d}. */
  private static List<Term> covariateTerms(
      DataTable t, SurvivalData d, String c, boolean forceCategorical) {
    int n = d.size();
    String[] cells = t.column(c);
    boolean numeric = !forceCategorical;
    if (numeric) {
      for (String v : cells) {
        try {
          double z = Double.parseDouble(v);
          if (!Double.isFinite(z)) {
            numeric = false;
          }
        } catch (NumberFormatException e) {
          numeric = false;
        }
        if (!numeric) {
          break;
        }
      }
    }
    List<Term> out = new ArrayList<>();
    if (numeric) {
      double[] all = Columns.numbers(t, c, "a number");
      double[] col = new double[n];
      for (int k = 0; k < n; k++) {
        col[k] = all[d.inputRow(k)];
      }
      out.add(new Term(c, "per unit of " + c, col));
      return out;
    }
    List<String> lv = Levels.sorted(t.levels(c));
    if (lv.size() < 2) {
      throw new InputException(
          String.format(
              "%s: covariate %s has a single level (%s); it cannot be adjusted for",
              t.source(c), c, String.join(", ", lv)));
    }
    for (int l = 1; l < lv.size(); l++) {
      String level = lv.get(l);
      double[] col = new double[n];
      for (int k = 0; k < n; k++) {
        col[k] = cells[d.inputRow(k)].equals(level) ? 1 : 0;
      }
      out.add(new Term(c + ": " + level + " vs " + lv.get(0), null, col));
    }
    return out;
  }

  private static List<ResultRow> rows(
      CoxFit fit,
      SurvivalData d,
      List<Term> terms,
      List<String> notes,
      boolean treatmentOnly,
      boolean stratified,
      double level) {
    String m = fit.ties().label();
    int[] size = d.groupSizes();
    int[] ev = d.groupEvents();
    List<String> levels = d.groupLevels();
    List<ResultRow> rows = new ArrayList<>();
    for (int j = 0; j < terms.size(); j++) {
      Term term = terms.get(j);
      boolean arm = j < d.groupCount() - 1;
      List<String> extra = new ArrayList<>();
      if (term.note() != null) {
        extra.add(term.note());
      }
      if (j == 0) {
        extra.addAll(notes);
      }
      rows.add(
          StatRows.coxHr(
              "cox",
              term.label(),
              fit,
              j,
              arm ? size[0] + size[j + 1] : fit.n(),
              arm ? ev[0] + ev[j + 1] : fit.events(),
              level,
              StatRows.coxNotEstimable(
                  fit, j, arm ? levels.get(j + 1) : null, arm ? ev : null, levels),
              extra));
    }
    double df = fit.rank();
    ResultRow.Builder wald =
        ResultRow.of("cox", "ALL", "wald").df(df).n(fit.n()).events(fit.events()).method(m);
    if (fit.allEstimable()) {
      wald.statistic(fit.waldTest()).pValue(fit.chiSquareP(fit.waldTest()));
    } else {
      wald.note("not reported: a coefficient is not estimable, so the Wald test is meaningless");
    }
    rows.add(wald.build());
    ResultRow.Builder lr =
        ResultRow.of("cox", "ALL", "lr")
            .df(df)
            .n(fit.n())
            .events(fit.events())
            .method(m)
            .note("likelihood-ratio test of all model terms");
    if (fit.converged()) {
      lr.statistic(fit.lrTest()).pValue(fit.chiSquareP(fit.lrTest()));
    } else {
      lr.note("not reported: the fit did not converge");
    }
    rows.add(lr.build());
    String scoreNote = "score test at beta = 0 of all model terms";
    if (treatmentOnly && fit.ties() == CoxTies.EXACT) {
      scoreNote += "; equals the " + (stratified ? "stratified " : "") + "log-rank test";
    }
    rows.add(
        ResultRow.of("cox", "ALL", "score")
            .statistic(fit.scoreTest())
            .pValue(fit.chiSquareP(fit.scoreTest()))
            .df(df)
            .n(fit.n())
            .events(fit.events())
            .method(m)
            .note(scoreNote)
            .build());
    return rows;
  }
}

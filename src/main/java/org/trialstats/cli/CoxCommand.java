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
import org.trialstats.survival.Convention;
import org.trialstats.survival.CoxFit;
import org.trialstats.survival.CoxModel;
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
    int n = d.size();
    int groups = d.groupCount();
    if (groups < 2) {
      throw new InputException("--by " + surv.by + ": at least two levels are needed");
    }
    List<String> levels = d.groupLevels();
    List<Term> terms = new ArrayList<>();
    for (int g = 1; g < groups; g++) {
      double[] col = new double[n];
      for (int k = 0; k < n; k++) {
        col[k] = d.group(k) == g ? 1 : 0;
      }
      terms.add(new Term(levels.get(g) + " vs " + levels.get(0), null, col));
    }
    for (String c : covs) {
      terms.addAll(covariateTerms(in.table(), d, c, categorical.contains(c)));
    }
    double[][] x = new double[terms.size()][];
    for (int j = 0; j < x.length; j++) {
      x[j] = terms.get(j).column();
    }
    boolean stratified = d.strataCount() > 1;
    if (d.eventCount() == 0) {
      output.emit(spec, noEvents(d, terms, method, notes), notes);
      return ExitCodes.OK;
    }
    CoxFit fit;
    try {
      CoxModel.Control ctl = CoxModel.Control.DEFAULT;
      fit =
          CoxModel.fit(
              d.times(),
              d.events(),
              stratified ? d.strata() : null,
              x,
              method,
              surv.convention == Convention.SAS
                  ? new CoxModel.Control(maxIter, ctl.eps(), ctl.tolerChol(), ctl.tolerInf())
                      .sasConvergence()
                  : new CoxModel.Control(maxIter, ctl.eps(), ctl.tolerChol(), ctl.tolerInf()));
    } catch (IllegalArgumentException e) {
      throw new InputException("cox: " + e.getMessage());
    }
    if (surv.convention == Convention.SAS) {
      notes.add(
          "Newton-Raphson stopped by SAS PHREG's relative gradient criterion GCONV=1E-8 (R stops"
              + " on a relative log-likelihood change of 1e-9; estimates agree to about 4 digits)");
    }
    List<ResultRow> rows = rows(fit, d, terms, notes, covs.isEmpty(), stratified);
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
    if (ties != null) {
      try {
        return CoxTies.parse(ties);
      } catch (IllegalArgumentException e) {
        throw new InputException(
            "--ties: expected efron, breslow or exact (SAS: discrete), found '" + ties + "'");
      }
    }
    return surv.convention == Convention.SAS ? CoxTies.BRESLOW : CoxTies.EFRON;
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
              t.source(), c, String.join(", ", lv)));
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

  private List<ResultRow> rows(
      CoxFit fit,
      SurvivalData d,
      List<Term> terms,
      List<String> notes,
      boolean treatmentOnly,
      boolean stratified) {
    String m = fit.ties().label();
    double level = conf.level();
    int[] size = d.groupSizes();
    int[] ev = new int[d.groupCount()];
    for (int k = 0; k < d.size(); k++) {
      if (d.event(k)) {
        ev[d.group(k)]++;
      }
    }
    List<String> levels = d.groupLevels();
    List<ResultRow> rows = new ArrayList<>();
    for (int j = 0; j < terms.size(); j++) {
      Term term = terms.get(j);
      boolean arm = j < d.groupCount() - 1;
      ResultRow.Builder b = ResultRow.of("cox", term.label(), "hr").method(m);
      if (arm) {
        b.n(size[0] + size[j + 1]).events(ev[0] + ev[j + 1]);
      } else {
        b.n(fit.n()).events(fit.events());
      }
      List<String> note = new ArrayList<>();
      if (fit.estimable(j)) {
        double[] ci = fit.hrCi(j, level);
        b.estimate(fit.hr(j)).ci(ci[0], ci[1], level).pValue(fit.pWald(j)).statistic(fit.z(j));
        note.add("Wald CI and p; statistic = z");
      } else {
        note.add(notEstimable(fit, j, arm ? levels.get(j + 1) : null, arm ? ev : null, levels));
      }
      if (term.note() != null) {
        note.add(term.note());
      }
      if (j == 0) {
        note.addAll(notes);
      }
      rows.add(b.note(String.join("; ", note)).build());
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

  private static String notEstimable(
      CoxFit fit, int j, String armLevel, int[] ev, List<String> levels) {
    if (fit.aliased()[j]) {
      return "not estimable: collinear with the other terms (R gives NA)";
    }
    String why;
    if (ev != null && ev[0] == 0) {
      why = "no events in the reference group " + levels.get(0);
    } else if (ev != null && armLevel != null && ev[levels.indexOf(armLevel)] == 0) {
      why = "no events in " + armLevel;
    } else {
      why = "monotone likelihood, e.g. complete separation";
    }
    if (!fit.converged()) {
      String s =
          "not estimable: Newton-Raphson did not converge in " + fit.iterations() + " iterations";
      return fit.infinite()[j] ? s + "; the coefficient appears to diverge: " + why : s;
    }
    return "not estimable: " + why + "; the coefficient diverges (infinite hazard ratio)";
  }
}

package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.InputException;
import org.trialstats.report.Cells;
import org.trialstats.report.OutputFormat;
import org.trialstats.report.ResultRow;
import org.trialstats.report.StatRows;
import org.trialstats.survival.ConfType;
import org.trialstats.survival.Convention;
import org.trialstats.survival.CountTable;
import org.trialstats.survival.CoxTies;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.LogRank;
import org.trialstats.survival.RiskGrid;
import org.trialstats.survival.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats km}: Kaplan–Meier estimates per group (median and quartiles with
 * Brookmeyer–Crowley limits, landmark survival, numbers at risk, median follow-up by reverse
 * Kaplan–Meier, optional step table) and, with {@code --by}, tests of the log-rank family. See
 * docs/survival-km.md.
 */
@Command(
    name = "km",
    mixinStandardHelpOptions = true,
    description = {
      "Kaplan-Meier estimates (median, quartiles, landmark survival, numbers at risk, median"
          + " follow-up) and, with --by, log-rank family tests.",
      "R conventions by default (CI log, R quantile rules); --convention sas: log-log CIs and"
          + " PROC LIFETEST quantile rules."
    })
public final class KmCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin DataOptions data;
  @Mixin SurvivalOptions surv;
  @Mixin ConfidenceOptions conf;
  @Mixin OutputOptions output;

  @Option(
      names = "--conf-type",
      paramLabel = "TYPE",
      description =
          "Pointwise CI transform: plain, log, log-log, logit, arcsine (default: log with"
              + " --convention r, log-log with --convention sas).")
  String confType;

  @Option(
      names = "--at",
      paramLabel = "T",
      split = ",",
      description = "Landmark times (in the report unit) for survival estimates, e.g. 6,12,24.")
  List<Double> at = new ArrayList<>();

  @Option(
      names = "--risk-times",
      paramLabel = "T",
      split = ",",
      description =
          "Times (report unit) for numbers at risk (default: 0 and about ten round steps to the"
              + " last observed time).")
  List<Double> riskTimes;

  @Option(
      names = "--test",
      paramLabel = "TEST",
      description =
          "Test(s) with --by (repeatable): logrank (default), gehan (SAS Wilcoxon), peto (R"
              + " rho=1), tarone-ware, fh:RHO,GAMMA.")
  List<String> tests = new ArrayList<>();

  @Option(
      names = "--table",
      description =
          "Print the full step table (time, n.risk, n.event, n.censor, survival, std.err, lower,"
              + " upper) per group instead of the summary rows.")
  boolean table;

  @Option(
      names = "--hr",
      description =
          "With --by: also the Cox hazard ratio of each level vs --ref (Wald CI and p),"
              + " stratified by --strata, as trialstats cox without covariates.")
  boolean hr;

  @Option(
      names = "--ties",
      paramLabel = "METHOD",
      description =
          "Ties for --hr: efron, breslow or exact (default: efron with --convention r,"
              + " breslow with --convention sas).")
  String ties;

  @Override
  public void run() {
    ConfType ct = confType();
    if (ties != null && !hr) {
      throw new InputException("--ties applies to the hazard ratio: add --hr");
    }
    CoxTies coxTies = CoxCommand.chooseTies(ties, surv.convention);
    if (!surv.strata.isEmpty() && surv.by == null) {
      throw new InputException(
          "--strata needs --by COL: strata apply to the comparison of the --by groups");
    }
    if (hr && surv.by == null) {
      throw new InputException("--hr needs --by COL: the arm whose hazard ratios are estimated");
    }
    List<LogRank.Test> testList = tests();
    for (Double t : at) {
      if (t == null || !(t >= 0) || t.isInfinite()) {
        throw new InputException("--at: expected non-negative times, found " + t);
      }
    }
    if (riskTimes != null) {
      for (Double t : riskTimes) {
        if (t == null || !(t >= 0) || t.isInfinite()) {
          throw new InputException("--risk-times: expected non-negative times, found " + t);
        }
      }
    }
    SurvivalInput in = surv.load(data);
    SurvivalData d = in.data();
    Convention cv = surv.convention;
    double level = conf.level();
    int k = d.groupCount();
    // On large inputs the group comparisons (stratified counts, log-rank, Cox) are computed in a
    // second thread while the Kaplan-Meier rows are built; the rows keep their order.
    Beside<List<ResultRow>> comparisons =
        Beside.start(
            table || k < 2 ? 0 : d.size(),
            () -> table || k < 2 ? List.of() : comparisons(d, testList, coxTies, level));
    CountTable pooled = d.counts(false);
    List<KaplanMeier> fits = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      fits.add(KaplanMeier.fit(pooled, 0, g, false, ct, level));
    }
    List<String> heading = heading(in, ct, cv, level);
    if (table) {
      emitTable(d, fits, heading);
      return;
    }
    List<ResultRow> rows = new ArrayList<>();
    // input notes (timefix, one-subject strata, no events) travel with the median rows in csv/json
    String inputNote = in.notes().isEmpty() ? null : String.join("; ", in.notes());
    for (int g = 0; g < k; g++) {
      KaplanMeier f = fits.get(g);
      String grp = d.groupLevels().get(g);
      double[] probs = {0.5, 0.25, 0.75};
      String[] terms = {"median", "q25", "q75"};
      for (int j = 0; j < 3; j++) {
        rows.add(
            StatRows.kmQuantile(
                "km", grp, terms[j], f, probs[j], ct, cv, level, j == 0 ? inputNote : null));
      }
      for (double t : at) {
        rows.add(StatRows.kmSurvival("km", grp, f, t, ct, cv, level));
      }
      double[] grid =
          riskTimes != null
              ? riskTimes.stream().mapToDouble(Double::doubleValue).toArray()
              : RiskGrid.of(maxTime(d), surv.outputUnit());
      for (double t : grid) {
        rows.add(StatRows.kmAtRisk("km", grp, f, t));
      }
      KaplanMeier rev = KaplanMeier.fit(pooled, 0, g, true, ct, level);
      rows.add(StatRows.kmFollowup("km", grp, rev, f.n(), ct, cv, level));
    }
    rows.addAll(comparisons.get());
    output.emit(spec, rows, heading);
  }

  /** Log-rank family rows (overall and, with 3+ groups, pairwise) and the Cox rows with --hr. */
  private List<ResultRow> comparisons(
      SurvivalData d, List<LogRank.Test> testList, CoxTies coxTies, double level) {
    int k = d.groupCount();
    List<ResultRow> rows = new ArrayList<>();
    CountTable t = d.counts(d.strataCount() > 1);
    String grp = k == 2 ? d.groupLevels().get(1) + " vs " + d.groupLevels().get(0) : "overall";
    String strat =
        d.strataCount() > 1
            ? "stratified by " + String.join(",", surv.strata) + " (" + d.strataCount() + " strata)"
            : null;
    List<String> labels = new ArrayList<>();
    List<CountTable> tables = new ArrayList<>();
    labels.add(grp);
    tables.add(t);
    if (k > 2) {
      // pairwise against the reference (unadjusted for multiplicity)
      for (int h = 1; h < k; h++) {
        labels.add(d.groupLevels().get(h) + " vs " + d.groupLevels().get(0));
        tables.add(t.select(0, h));
      }
    }
    for (LogRank.Test test : testList) {
      for (int j = 0; j < tables.size(); j++) {
        LogRank.Result r = LogRank.test(tables.get(j), test);
        String note = strat;
        if (j > 0) {
          note = (strat == null ? "" : strat + "; ") + "pairwise vs reference, unadjusted";
        }
        rows.add(
            StatRows.logrank(
                "logrank",
                labels.get(j),
                test,
                r,
                j == 0 ? d.size() : n(d, 0, j),
                j == 0 ? d.eventCount() : (int) (r.observed()[0] + r.observed()[1]),
                note));
      }
    }
    if (hr) {
      rows.addAll(CoxCommand.treatmentHr(d, t, coxTies, level, strat));
    }
    return rows;
  }

  private static int n(SurvivalData d, int a, int b) {
    int[] sz = d.groupSizes();
    return sz[a] + sz[b];
  }

  private static double maxTime(SurvivalData d) {
    return d.size() == 0 ? 0 : d.time(d.size() - 1);
  }

  ConfType confType() {
    if (confType == null) {
      return surv.convention == Convention.SAS ? ConfType.LOG_LOG : ConfType.LOG;
    }
    try {
      return ConfType.parse(confType);
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "--conf-type: expected plain, log, log-log, logit or arcsine, found '" + confType + "'");
    }
  }

  List<LogRank.Test> tests() {
    List<LogRank.Test> out = new ArrayList<>();
    for (String s : tests.isEmpty() ? List.of("logrank") : tests) {
      try {
        out.add(LogRank.Test.parse(s));
      } catch (IllegalArgumentException e) {
        throw new InputException(
            "--test: expected logrank, gehan, peto, tarone-ware or fh:RHO,GAMMA (RHO, GAMMA >= 0),"
                + " found '"
                + s
                + "'");
      }
    }
    return out;
  }

  private List<String> heading(SurvivalInput in, ConfType ct, Convention cv, double level) {
    SurvivalData d = in.data();
    List<String> h = new ArrayList<>();
    h.add(
        String.format(
            Locale.ROOT,
            "Kaplan-Meier: %d subjects, %d events; times in %s; %s%% CIs, %s transform, %s"
                + " convention",
            d.size(),
            d.eventCount(),
            in.unit(),
            num(level * 100),
            ct.label(),
            cv.label()));
    if (d.groupCount() > 1) {
      h.add(
          "Groups ("
              + surv.by
              + "): "
              + String.join(", ", d.groupLevels())
              + "; reference "
              + d.groupLevels().get(0));
    }
    for (String n : in.notes()) {
      h.add("Note: " + n);
    }
    return h;
  }

  private static String num(double v) {
    return Cells.number(v);
  }

  private void emitTable(SurvivalData d, List<KaplanMeier> fits, List<String> heading) {
    String[] cols = {
      "group", "time", "n_risk", "n_event", "n_censor", "survival", "std_err", "lower", "upper"
    };
    List<Object[]> rows = new ArrayList<>();
    for (int g = 0; g < fits.size(); g++) {
      KaplanMeier f = fits.get(g);
      for (int i = 0; i < f.size(); i++) {
        rows.add(
            new Object[] {
              d.groupLevels().get(g),
              f.time(i),
              f.nRisk(i),
              f.nEvent(i),
              f.nCensor(i),
              f.surv(i),
              f.stdErr(i),
              f.lower(i),
              f.upper(i)
            });
      }
    }
    if (output.out != null) {
      AtomicFiles.writeText(output.out, w -> writeTable(w, output.format, cols, rows, heading));
    } else {
      PrintWriter w = spec.commandLine().getOut();
      writeTable(w, output.format, cols, rows, heading);
    }
  }

  /** The step table in the chosen format (same column names in csv, json and text). */
  static void writeTable(
      Writer w, OutputFormat fmt, String[] cols, List<Object[]> rows, List<String> heading) {
    try {
      switch (fmt) {
        case CSV -> {
          w.write(String.join(",", cols));
          w.write('\n');
          for (Object[] r : rows) {
            for (int i = 0; i < r.length; i++) {
              if (i > 0) {
                w.write(',');
              }
              w.write(
                  Cells.csvField(r[i] instanceof String s ? Cells.safeText(s) : Cells.plain(r[i])));
            }
            w.write('\n');
          }
        }
        case JSON -> {
          w.write("[");
          for (int k = 0; k < rows.size(); k++) {
            w.write(k == 0 ? "\n  {" : ",\n  {");
            Object[] r = rows.get(k);
            for (int i = 0; i < r.length; i++) {
              if (i > 0) {
                w.write(", ");
              }
              w.write(Cells.jsonString(cols[i]) + ": ");
              Object o = r[i];
              if (o instanceof String s) {
                w.write(Cells.jsonString(s));
              } else if (o instanceof Double x && (x.isNaN() || x.isInfinite())) {
                w.write("null");
              } else {
                w.write(Cells.plain(o));
              }
            }
            w.write("}");
          }
          w.write(rows.isEmpty() ? "]\n" : "\n]\n");
        }
        case TEXT -> {
          for (String h : heading) {
            w.write(h + "\n");
          }
          w.write("\n");
          List<String[]> cells = new ArrayList<>();
          int[] width = new int[cols.length];
          for (int i = 0; i < cols.length; i++) {
            width[i] = cols[i].length();
          }
          for (Object[] r : rows) {
            String[] s = new String[cols.length];
            for (int i = 0; i < r.length; i++) {
              s[i] = r[i] instanceof Double x ? Cells.readable(x, 4) : Cells.plain(r[i]);
              width[i] = Math.max(width[i], s[i].length());
            }
            cells.add(s);
          }
          StringBuilder b = new StringBuilder();
          line(b, cols, width);
          for (String[] s : cells) {
            line(b, s, width);
          }
          w.write(b.toString());
        }
      }
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(StringBuilder b, String[] s, int[] width) {
    for (int i = 0; i < s.length; i++) {
      if (i > 0) {
        b.append("  ");
      }
      b.append(s[i]).append(" ".repeat(width[i] - s[i].length()));
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
      b.setLength(b.length() - 1);
    }
    b.append('\n');
  }
}

package org.trialstats.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trialstats.io.Columns;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.preclinical.PAdjust;
import org.trialstats.report.ReportModel.Block;
import org.trialstats.report.ReportModel.Figure;
import org.trialstats.report.ReportModel.Table;
import org.trialstats.survival.ConfType;
import org.trialstats.survival.Convention;
import org.trialstats.survival.CountTable;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.KmQuantile;
import org.trialstats.survival.LogRank;
import org.trialstats.survival.SurvivalData;

/**
 * Animal survival in the preclinical section (issue 9): Kaplan–Meier by group with the median and
 * its CI (log transform, R convention), the log-rank test of each treated group against the control
 * (p-values adjusted across the groups), and the increase in median lifespan {@code ILS = median(T)
 * / median(C) - 1}. The same cores as {@code trialstats km}; rows go to {@code results.csv} as
 * {@code ANIMAL_SURV:km} and {@code ANIMAL_SURV:logrank}.
 */
final class AnimalSurvivalSection {
  static final String ENDPOINT = "ANIMAL_SURV";

  private AnimalSurvivalSection() {}

  static void add(
      ReportSpec.AnimalSurvival s,
      double level,
      List<Block> blocks,
      List<ResultRow> rows,
      List<String> methods,
      List<ReportModel.InputFile> inputs) {
    DataTable t = PreclinicalSection.read("animal survival", s.data(), inputs);
    String[] grp = Columns.labels(t, s.group(), "a group label");
    double[] time = Columns.times(t, s.time());
    boolean[] event = Columns.eventsFromEvent(t, s.event());
    if (t.has(s.animal())) {
      String[] id = Columns.labels(t, s.animal(), "an animal id");
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < id.length; i++) {
        if (!seen.add(id[i])) {
          throw Columns.bad(t, i, s.animal(), "one row per animal", id[i]);
        }
      }
    }
    // groups in order of first appearance, the control first (as the tgi section)
    List<String> levels = new ArrayList<>(t.levels(s.group()));
    String ctl = s.control() == null ? levels.get(0) : s.control();
    if (!levels.contains(ctl)) {
      throw new InputException(
          String.format(
              "preclinical.survival.control %s: no such group in column %s of %s; the groups are:"
                  + " %s",
              ctl, s.group(), t.source(), String.join(", ", levels)));
    }
    if (levels.size() < 2) {
      throw new InputException(
          String.format(
              "%s: column %s has 1 level (%s); a control and at least one treated group are"
                  + " needed",
              t.source(s.group()), s.group(), ctl));
    }
    levels.remove(ctl);
    levels.add(0, ctl);
    int[] g = new int[grp.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = levels.indexOf(grp[i]);
    }
    SurvivalData d = SurvivalData.of(time, event, g, levels);
    CountTable table = d.counts(false);
    String an = ENDPOINT + ":km";
    ConfType ct = ConfType.LOG;
    Convention conv = Convention.R;
    List<KaplanMeier> kms = new ArrayList<>();
    KmQuantile.Estimate[] medianCi = new KmQuantile.Estimate[levels.size()];
    double[] median = new double[levels.size()];
    for (int k = 0; k < levels.size(); k++) {
      KaplanMeier km = KaplanMeier.fit(table, 0, k, false, ct, level);
      kms.add(km);
      medianCi[k] = KmQuantile.of(km, 0.5, conv);
      median[k] = medianCi[k].estimate();
      rows.add(StatRows.kmQuantile(an, levels.get(k), "median", km, 0.5, ct, conv, level, null));
    }
    // log-rank of each group against the control, adjusted across the groups
    PAdjust adj = PAdjust.parse(s.adjust());
    int m = levels.size() - 1;
    LogRank.Result[] lr = new LogRank.Result[m];
    double[] p = new double[m];
    for (int h = 1; h <= m; h++) {
      lr[h - 1] = LogRank.test(table.select(0, h), LogRank.Test.LOGRANK);
      p[h - 1] = lr[h - 1].pValue();
    }
    double[] pAdj = adj.adjust(p);
    int[] size = d.groupSizes();
    int[] events = d.groupEvents();
    List<List<String>> cells = new ArrayList<>();
    for (int k = 0; k < levels.size(); k++) {
      KmQuantile.Estimate e = medianCi[k];
      List<String> row = new ArrayList<>();
      row.add(levels.get(k) + (k == 0 ? " (control)" : ""));
      row.add(Integer.toString(size[k]));
      row.add(Integer.toString(events[k]));
      row.add(Fmt.num(e.estimate()));
      row.add(Fmt.ci(e.lower(), e.upper()));
      if (k == 0) {
        row.addAll(List.of("", "", ""));
      } else {
        String vs = levels.get(k) + " vs " + ctl;
        double ils = median[k] / median[0] - 1;
        boolean est = Double.isFinite(ils);
        rows.add(
            ResultRow.of(an, vs, "ils")
                .estimate(est ? ils : null)
                .n(size[0] + size[k])
                .events(events[0] + events[k])
                .method("median-ratio-minus-1")
                .note(
                    est
                        ? "increase in median lifespan: median(T) / median(C) - 1"
                        : "not estimable: a median is not reached")
                .build());
        LogRank.Result r = lr[k - 1];
        rows.add(
            StatRows.logrank(
                ENDPOINT + ":logrank",
                vs,
                LogRank.Test.LOGRANK,
                r,
                size[0] + size[k],
                events[0] + events[k],
                null));
        if (adj != PAdjust.NONE) {
          rows.add(
              ResultRow.of(ENDPOINT + ":logrank", vs, "logrank")
                  .pValue(Double.isNaN(pAdj[k - 1]) ? null : pAdj[k - 1])
                  .n(size[0] + size[k])
                  .events(events[0] + events[k])
                  .method("logrank/" + adj.label())
                  .build());
        }
        row.add(est ? Fmt.pct(ils) : "");
        row.add(Double.isNaN(p[k - 1]) ? "" : Cells.readable(p[k - 1], 3));
        row.add(Double.isNaN(pAdj[k - 1]) ? "" : Cells.readable(pAdj[k - 1], 3));
      }
      cells.add(row);
    }
    double tMax = 0;
    for (KaplanMeier km : kms) {
      tMax = Math.max(tMax, km.n() > 0 ? km.lastTime() : 0);
    }
    double[] ticks = KmPlot.ticks(tMax, s.unit());
    List<KmPlot.Curve> curves = new ArrayList<>();
    for (int k = 0; k < levels.size(); k++) {
      for (double tick : ticks) {
        rows.add(StatRows.kmAtRisk(an, levels.get(k), kms.get(k), tick));
      }
      curves.add(KmPlot.Curve.of(levels.get(k), kms.get(k), median[k], ticks));
    }
    String pct = Fmt.level(level) + "% CI";
    blocks.add(
        new Figure(
            KmPlot.svg(
                new KmPlot.Spec(
                    s.label() + " by group (Kaplan\u2013Meier)",
                    "Time (" + s.unit() + ")",
                    s.label(),
                    ticks,
                    curves,
                    List.of(),
                    false,
                    true)),
            s.label()
                + " by group ("
                + ReportBuilder.display(s.data())
                + "); ticks mark censored animals; dashed lines show medians.",
            "animal-survival"));
    blocks.add(
        new Table(
            s.label()
                + ": median ("
                + s.unit()
                + "), increase in median lifespan, log-rank vs "
                + ctl,
            List.of("Group", "n", "Events", "Median", pct, "ILS (%)", "Log-rank p", "Adjusted p"),
            cells,
            new boolean[] {false, true, true, true, true, true, true, true}));
    methods.add(
        "Animal survival as `trialstats km` (docs/preclinical.md): Kaplan\u2013Meier by group,"
            + " median with "
            + Fmt.level(level)
            + "% CI (Brookmeyer\u2013Crowley, log transform, R convention), log-rank test of"
            + " each group against "
            + ctl
            + " with p-values adjusted by "
            + adj.label()
            + "; ILS = median(T) / median(C) \u2212 1.");
  }
}

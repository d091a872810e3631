package org.trialstats.report;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.preclinical.FourParameterLogistic;
import org.trialstats.preclinical.PAdjust;
import org.trialstats.preclinical.TTests;
import org.trialstats.preclinical.TumourGrowth;

/**
 * Maps the preclinical core results to tidy contract rows (analysis {@code tgi} and {@code ic50}).
 * Used by the {@code tgi} and {@code ic50} commands and available to the report builder.
 */
public final class PreclinicalRows {
  private PreclinicalRows() {}

  /**
   * Rows of a tumour growth analysis: per group and day {@code mean}/{@code sem}/{@code median};
   * per group at the analysis day {@code delta_mean}, {@code rtv_mean}, {@code partial_regression},
   * {@code complete_regression}, {@code growth_rate} and (treated groups) {@code tgi}, {@code
   * t_over_c}; per animal (when asked) {@code rtv} and {@code growth_rate} with group {@code
   * <group>/<animal>}; comparisons {@code <group> vs <control>}: {@code log_rtv} (welch-t), {@code
   * rtv} (wilcoxon-exact or wilcoxon-normal-cc), {@code growth_rate} (welch-t/log-linear-slope),
   * then the adjusted p-values with method {@code <method>/<adjust>}.
   */
  public static List<ResultRow> tgi(TumourGrowth.Result r, boolean perAnimal) {
    List<ResultRow> rows = new ArrayList<>();
    String a = "tgi";
    for (TumourGrowth.DaySummary s : r.summaries()) {
      rows.add(
          ResultRow.of(a, s.group(), "mean")
              .time(s.day())
              .estimate(s.mean())
              .n(s.n())
              .method("arithmetic-mean")
              .build());
      rows.add(
          ResultRow.of(a, s.group(), "sem")
              .time(s.day())
              .estimate(s.sem())
              .n(s.n())
              .method("sd/sqrt(n)")
              .note(s.n() < 2 ? "one animal" : null)
              .build());
      rows.add(
          ResultRow.of(a, s.group(), "median")
              .time(s.day())
              .estimate(s.median())
              .n(s.n())
              .method("median")
              .build());
    }
    double d = r.day();
    double level = r.options().level();
    for (TumourGrowth.GroupResult g : r.groups()) {
      rows.add(
          ResultRow.of(a, g.group(), "delta_mean")
              .time(d)
              .estimate(g.deltaMean())
              .n(g.n())
              .method("mean-change-from-baseline")
              .note(g.n() == 0 ? g.note() : null)
              .build());
      if (g.n() == 0) {
        continue;
      }
      rows.add(
          ResultRow.of(a, g.group(), "rtv_mean")
              .time(d)
              .estimate(g.rtvMean())
              .n(g.n())
              .method("mean-relative-volume")
              .build());
      for (var e :
          List.of(
              java.util.Map.entry("partial_regression", g.partial()),
              java.util.Map.entry("complete_regression", g.complete()))) {
        TumourGrowth.Proportion p = e.getValue();
        rows.add(
            ResultRow.of(a, g.group(), e.getKey())
                .time(d)
                .estimate(p.estimate())
                .ci(p.confLow(), p.confHigh(), level)
                .n(p.n())
                .events(p.events())
                .method("clopper-pearson")
                .build());
      }
      if (!g.control()) {
        rows.add(
            ResultRow.of(a, g.group(), "tgi")
                .time(d)
                .estimate(g.tgi())
                .n(g.n())
                .method("tgi-mean-change")
                .note("1 - dT/dC (fraction)")
                .build());
        rows.add(
            ResultRow.of(a, g.group(), "t_over_c")
                .time(d)
                .estimate(g.tOverC())
                .n(g.n())
                .method("tc-ratio-means")
                .build());
      }
      TTests.Result gr = g.growthRate();
      rows.add(
          ResultRow.of(a, g.group(), "growth_rate")
              .time(d)
              .estimate(gr == null ? null : gr.estimate())
              .ci(gr == null ? null : gr.confLow(), gr == null ? null : gr.confHigh(), level)
              .n(g.nSlopes())
              .method("log-linear-slope")
              .note(g.note())
              .build());
    }
    if (perAnimal) {
      for (TumourGrowth.Animal an : r.animals()) {
        String grp = an.group() + "/" + an.animal();
        rows.add(
            ResultRow.of(a, grp, "rtv")
                .time(d)
                .estimate(an.rtv())
                .n(1)
                .method("ratio-to-baseline")
                .note(Double.isNaN(an.volume()) ? "not measured on the analysis day" : null)
                .build());
        rows.add(
            ResultRow.of(a, grp, "growth_rate")
                .time(d)
                .estimate(an.slope())
                .n(an.slopePoints())
                .method("log-linear-slope")
                .note(Double.isNaN(an.slope()) ? "not estimable" : null)
                .build());
      }
    }
    PAdjust adj = r.options().adjust();
    for (TumourGrowth.Comparison c : r.comparisons()) {
      rows.add(
          ResultRow.of(a, c.group() + " vs " + c.control(), c.term())
              .time(d)
              .estimate(c.estimate())
              .ci(c.confLow(), c.confHigh(), Double.isNaN(c.confLow()) ? null : level)
              .pValue(c.pValue())
              .statistic(c.statistic())
              .df(Double.isNaN(c.df()) ? null : c.df())
              .n(c.n())
              .method(c.method())
              .note(c.note())
              .build());
    }
    if (adj != PAdjust.NONE) {
      for (TumourGrowth.Comparison c : r.comparisons()) {
        rows.add(
            ResultRow.of(a, c.group() + " vs " + c.control(), c.term())
                .time(d)
                .pValue(c.pAdjusted())
                .n(c.n())
                .method(c.method() + "/" + adj.label())
                .note(Double.isNaN(c.pAdjusted()) ? c.note() : null)
                .build());
      }
    }
    return rows;
  }

  /**
   * Rows of one 4PL fit: {@code ic50} and {@code log10_ic50} (Wald t interval on log10 IC50),
   * {@code bottom}, {@code top}, {@code hill} (fixed ones with method {@code fixed}), {@code
   * residual_se}, {@code r_squared}.
   */
  public static List<ResultRow> ic50(String group, FourParameterLogistic.Fit f) {
    List<ResultRow> rows = new ArrayList<>();
    String a = "ic50";
    String m = "4pl-lm/wald-t";
    Double df = (double) f.df();
    if (!f.converged()) {
      rows.add(ResultRow.of(a, group, "ic50").n(f.n()).method("4pl-lm").note(f.note()).build());
      return rows;
    }
    if (!f.ic50Estimable()) { // singular gradient: location and slope not identified
      rows.add(ResultRow.of(a, group, "ic50").df(df).n(f.n()).method(m).note(f.note()).build());
      rows.add(
          ResultRow.of(a, group, "log10_ic50").df(df).n(f.n()).method(m).note(f.note()).build());
      addParam(rows, group, "bottom", f.bottom(), f.seBottom(), f.bottomFixed(), f);
      addParam(rows, group, "top", f.top(), f.seTop(), f.topFixed(), f);
      rows.add(ResultRow.of(a, group, "hill").df(df).n(f.n()).method(m).note(f.note()).build());
      addFit(rows, group, f);
      return rows;
    }
    double[] ci = f.ic50Ci();
    double[] lci = f.log10Ic50Ci();
    rows.add(
        ResultRow.of(a, group, "ic50")
            .estimate(f.ic50())
            .ci(ci[0], ci[1], f.level())
            .df(df)
            .n(f.n())
            .method(m)
            .note(f.note())
            .build());
    rows.add(
        ResultRow.of(a, group, "log10_ic50")
            .estimate(f.log10Ic50())
            .ci(lci[0], lci[1], f.level())
            .df(df)
            .n(f.n())
            .method(m)
            .build());
    addParam(rows, group, "bottom", f.bottom(), f.seBottom(), f.bottomFixed(), f);
    addParam(rows, group, "top", f.top(), f.seTop(), f.topFixed(), f);
    addParam(rows, group, "hill", f.hill(), f.seHill(), false, f);
    addFit(rows, group, f);
    return rows;
  }

  private static void addFit(List<ResultRow> rows, String group, FourParameterLogistic.Fit f) {
    String a = "ic50";
    Double df = (double) f.df();
    rows.add(
        ResultRow.of(a, group, "residual_se")
            .estimate(f.residualSe())
            .df(df)
            .n(f.n())
            .method("4pl-lm")
            .build());
    rows.add(
        ResultRow.of(a, group, "r_squared")
            .estimate(f.rSquared())
            .n(f.n())
            .method("4pl-lm")
            .note("1 - RSS/TSS")
            .build());
  }

  private static void addParam(
      List<ResultRow> rows,
      String group,
      String term,
      double est,
      double se,
      boolean fixed,
      FourParameterLogistic.Fit f) {
    if (fixed) {
      rows.add(
          ResultRow.of("ic50", group, term)
              .estimate(est)
              .n(f.n())
              .method("fixed")
              .note("held fixed")
              .build());
      return;
    }
    double[] ci = FourParameterLogistic.Fit.wald(est, se, f.tQuantile());
    rows.add(
        ResultRow.of("ic50", group, term)
            .estimate(est)
            .ci(ci[0], ci[1], Double.isNaN(se) ? null : f.level())
            .df((double) f.df())
            .n(f.n())
            .method("4pl-lm/wald-t")
            .build());
  }
}

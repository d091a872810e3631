package org.trialstats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstats.response.BinomialInterval;
import org.trialstats.response.BinomialMethod;
import org.trialstats.response.BinomialTest;
import org.trialstats.response.RiskDifference;
import org.trialstats.survival.ConfType;
import org.trialstats.survival.Convention;
import org.trialstats.survival.CoxFit;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.KmQuantile;
import org.trialstats.survival.LogRank;
import org.trialstats.survival.Rmst;

/**
 * The tidy rows of one statistic, shared by the CLI commands ({@code km}, {@code cox}, {@code
 * rmst}, {@code orr}) and the report builder, so that the same statistic gets the same term,
 * method, numbers and notes wherever it is printed (shared/docs/output-contract.md). Only the
 * {@code analysis} and {@code group} are the caller's.
 */
public final class StatRows {
  private StatRows() {}

  // ---------------------------------------------------------------- Kaplan–Meier

  /** Method of KM quantile rows: Brookmeyer–Crowley interval, transform and quantile rules. */
  public static String kmQuantileMethod(ConfType ct, Convention cv) {
    return "brookmeyer-crowley/" + ct.label() + " (" + cv.label() + " rules)";
  }

  /** Method of KM landmark survival rows: Greenwood variance and the CI transform. */
  public static String kmSurvivalMethod(ConfType ct) {
    return "greenwood/" + ct.label();
  }

  /**
   * A KM quantile row (term {@code median}, {@code q25}, {@code q75}); {@code extraNote} is
   * appended to the estimate's own note (e.g. input notes).
   */
  public static ResultRow kmQuantile(
      String analysis,
      String group,
      String term,
      KaplanMeier f,
      double prob,
      ConfType ct,
      Convention cv,
      double level,
      String extraNote) {
    KmQuantile.Estimate q = KmQuantile.of(f, prob, cv);
    return ResultRow.of(analysis, group, term)
        .estimate(q.estimate())
        .ci(q.lower(), q.upper(), level)
        .n(f.n())
        .events(f.events())
        .method(kmQuantileMethod(ct, cv))
        .note(join(q.note(), extraNote))
        .build();
  }

  /** Landmark survival S(t) with CI (R carries forward beyond the last time, SAS does not). */
  public static ResultRow kmSurvival(
      String analysis,
      String group,
      KaplanMeier f,
      double t,
      ConfType ct,
      Convention cv,
      double level) {
    boolean extend = cv == Convention.R;
    double[] s = f.at(t, extend);
    String note = null;
    if (t > f.lastTime()) {
      note =
          "beyond the last observation ("
              + Cells.number(f.lastTime())
              + (extend ? "): carried forward" : "): not estimable");
    } else if (Double.isNaN(s[1]) && !Double.isNaN(s[0])) {
      note = "confidence limits not defined at S = " + Cells.number(s[0]) + " for " + ct.label();
    }
    return ResultRow.of(analysis, group, "survival")
        .time(t)
        .estimate(s[0])
        .ci(s[1], s[2], level)
        .n(f.atRisk(t))
        .method(kmSurvivalMethod(ct))
        .note(note)
        .build();
  }

  /** Number at risk at {@code t} (subjects with time at least t), as the estimate. */
  public static ResultRow kmAtRisk(String analysis, String group, KaplanMeier f, double t) {
    return ResultRow.of(analysis, group, "at_risk")
        .time(t)
        .estimate((double) f.atRisk(t))
        .method("subjects with time >= t")
        .build();
  }

  /**
   * Median follow-up by reverse Kaplan–Meier ({@code reverse} fitted with censoring as the event),
   * with its Brookmeyer–Crowley interval and the note of any empty cell.
   */
  public static ResultRow kmFollowup(
      String analysis,
      String group,
      KaplanMeier reverse,
      int n,
      ConfType ct,
      Convention cv,
      double level) {
    KmQuantile.Estimate fu = KmQuantile.of(reverse, 0.5, cv);
    return ResultRow.of(analysis, group, "followup_median")
        .estimate(fu.estimate())
        .ci(fu.lower(), fu.upper(), level)
        .n(n)
        .method("reverse-kaplan-meier/" + kmQuantileMethod(ct, cv))
        .note(fu.note())
        .build();
  }

  /**
   * A test of the log-rank family. {@code label}: {@code B vs A} for two arms, {@code overall}
   * across more; a test without expected events in two groups is not estimable (note says so).
   */
  public static ResultRow logrank(
      String analysis,
      String label,
      LogRank.Test test,
      LogRank.Result r,
      int n,
      int events,
      String note) {
    boolean ne = Double.isNaN(r.statistic());
    return ResultRow.of(
            analysis, label, test.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .statistic(r.statistic())
        .df(ne ? null : (double) r.df())
        .pValue(r.pValue())
        .n(n)
        .events(events)
        .method(test.method())
        .note(ne ? "not estimable: fewer than two groups with expected events" : note)
        .build();
  }

  // ---------------------------------------------------------------- Cox

  /**
   * Hazard ratio of design column {@code j} (Wald CI and p, statistic z). {@code n} and {@code
   * events} are the caller's (for an arm: the two compared arms); {@code notEstimable} is the note
   * when the coefficient is not estimable; {@code extra} notes are appended.
   */
  public static ResultRow coxHr(
      String analysis,
      String label,
      CoxFit fit,
      int j,
      int n,
      int events,
      double level,
      String notEstimable,
      List<String> extra) {
    ResultRow.Builder b =
        ResultRow.of(analysis, label, "hr").method(fit.ties().label()).n(n).events(events);
    List<String> note = new ArrayList<>();
    if (fit.estimable(j)) {
      double[] ci = fit.hrCi(j, level);
      b.estimate(fit.hr(j)).ci(ci[0], ci[1], level).pValue(fit.pWald(j)).statistic(fit.z(j));
      note.add("Wald CI and p; statistic = z");
    } else {
      note.add(notEstimable);
    }
    note.addAll(extra);
    return b.note(String.join("; ", note)).build();
  }

  /**
   * Why coefficient {@code j} is not estimable. {@code armLevel}/{@code ev} (events per group,
   * reference first) are given for an arm term, else null.
   */
  public static String coxNotEstimable(
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

  // ---------------------------------------------------------------- RMST

  /** Method of every RMST row (area under the KM curve, survRM2 variance). */
  public static final String RMST_METHOD = "km-area";

  /** RMST of one arm up to tau; {@code extraNote} is appended to the standard error note. */
  public static ResultRow rmstArm(
      String analysis, String group, Rmst.Arm r, double level, String extraNote) {
    double[] ci = r.ci(level);
    return ResultRow.of(analysis, group, "rmst")
        .time(r.tau())
        .estimate(r.estimate())
        .ci(ci[0], ci[1], level)
        .n(r.n())
        .events(r.events())
        .method(RMST_METHOD)
        .note(
            join("se = " + Cells.plain(r.se()) + "; Greenwood-type variance (survRM2)", extraNote))
        .build();
  }

  /** The difference and the ratio of RMST, arm {@code a} vs {@code ref} (as survRM2::rmst2). */
  public static List<ResultRow> rmstContrasts(
      String analysis, String label, Rmst.Arm a, Rmst.Arm ref, double level) {
    return List.of(
        contrast(
            analysis,
            label,
            "difference",
            Rmst.difference(a, ref, level),
            a,
            ref,
            level,
            "normal CI; statistic = z"),
        contrast(
            analysis,
            label,
            "ratio",
            Rmst.ratio(a, ref, level),
            a,
            ref,
            level,
            "CI and p on the log scale; z"));
  }

  private static ResultRow contrast(
      String analysis,
      String label,
      String term,
      Rmst.Contrast c,
      Rmst.Arm a,
      Rmst.Arm ref,
      double level,
      String note) {
    return ResultRow.of(analysis, label, term)
        .time(a.tau())
        .estimate(c.estimate())
        .ci(c.low(), c.high(), level)
        .pValue(c.p())
        .statistic(c.statistic())
        .n(a.n() + ref.n())
        .events(a.events() + ref.events())
        .method(RMST_METHOD)
        .note(note)
        .build();
  }

  // ---------------------------------------------------------------- response

  /** A response rate with its interval ({@code x} responders of {@code n}). */
  public static ResultRow proportion(
      String analysis,
      String group,
      String term,
      BinomialMethod m,
      BinomialInterval ci,
      int x,
      int n,
      double level,
      String note) {
    boolean degenerate = m == BinomialMethod.WALD && (x == 0 || x == n);
    String w =
        degenerate
            ? RiskDifference.WALD_DEGENERATE
                + " (zero width at x = 0 or x = n; use an exact method)"
            : null;
    return ResultRow.of(analysis, group, term)
        .estimate(ci.estimate())
        .ci(degenerate ? null : ci.lower(), degenerate ? null : ci.upper(), level)
        .n(n)
        .events(x)
        .method(m.id())
        .note(join(note, w))
        .build();
  }

  /** The exact binomial tests of {@code p0}: one-sided (H0: p <= p0) and two-sided (as R). */
  public static List<ResultRow> binomialTests(
      String analysis, String group, int x, int n, double p0) {
    BinomialTest bt = BinomialTest.compute(x, n, p0);
    String h0 = "H0: p <= " + Cells.number(p0);
    return List.of(
        ResultRow.of(analysis, group, "binom_test")
            .pValue(bt.pUpper())
            .n(n)
            .events(x)
            .method("exact-binomial-one-sided")
            .note(h0 + " vs p > " + Cells.number(p0) + "; P(X >= x)")
            .build(),
        ResultRow.of(analysis, group, "binom_test")
            .pValue(bt.pTwoSided())
            .n(n)
            .events(x)
            .method("exact-binomial-two-sided")
            .note("H0: p = " + Cells.number(p0) + "; R binom.test two-sided definition")
            .build());
  }

  static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "; " + b;
  }
}

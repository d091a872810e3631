package org.trialstats.verify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstats.verify.PrintedNumber.Rounding;

/**
 * Checks a published median time-to-event and its confidence interval against patient-level (or
 * reconstructed) data: the Kaplan–Meier median and its Brookmeyer–Crowley interval are recomputed
 * under each convention of the {@link MedianSource} and compared at the printed precision (half up
 * and half to even). The verdict is {@code inconsistent-estimate} when no convention reproduces the
 * median itself, {@code reproduced} when one reproduces the median and both limits, and {@code
 * not-reproduced} otherwise (with the nearest convention).
 */
public final class MedianVerifier {
  private MedianVerifier() {}

  /** Checks {@code c} against the data behind {@code source}. */
  public static VerifyResult check(MedianClaim c, MedianSource source) {
    List<MethodCheck> checks = new ArrayList<>();
    LinkedHashSet<String> matching = new LinkedHashSet<>();
    Set<Rounding> used = EnumSet.noneOf(Rounding.class);
    boolean medianOk = false;
    double recomputed = Double.NaN;
    for (String conv : source.conventions()) {
      double[] v = source.median(conv, c.level());
      if (v == null || v.length != 3) {
        continue;
      }
      if (Double.isNaN(recomputed)) {
        recomputed = v[0];
      }
      Set<Rounding> mm = matches(c.median(), c.medianNotReached(), c.median() == null, v[0]);
      Set<Rounding> lm = matches(c.low(), false, c.low() == null, v[1]);
      Set<Rounding> hm = matches(c.high(), c.highNotReached(), c.high() == null, v[2]);
      Set<Rounding> lmm = EnumSet.noneOf(Rounding.class);
      lmm.addAll(lm);
      lmm.retainAll(mm);
      Set<Rounding> hmm = EnumSet.noneOf(Rounding.class);
      hmm.addAll(hm);
      hmm.retainAll(mm);
      double diff = Math.max(diff(c.median(), c.medianNotReached(), v[0]), 0);
      diff = Math.max(diff, diff(c.low(), false, v[1]));
      diff = Math.max(diff, diff(c.high(), c.highNotReached(), v[2]));
      MethodCheck mc = new MethodCheck(conv, c.level(), null, v[0], v[1], v[2], lmm, hmm, diff);
      checks.add(mc);
      medianOk |= !mm.isEmpty();
      if (mc.reproduced()) {
        matching.add(conv);
        used.addAll(mc.modes());
      }
    }
    StringBuilder note = new StringBuilder("median");
    Verdict verdict;
    if (checks.isEmpty()) {
      verdict = Verdict.NOT_REPRODUCED;
      note.append("; no convention could be computed");
    } else if (!medianOk) {
      verdict = Verdict.INCONSISTENT_ESTIMATE;
      note.append(
          String.format(
              Locale.ROOT,
              "; the data give a median of %s, printed %s",
              BinomialVerifier.fmt(recomputed),
              c.medianText()));
    } else if (!matching.isEmpty()) {
      verdict = Verdict.REPRODUCED;
      note.append("; rounding ").append(Rounding.describe(used));
    } else {
      verdict = Verdict.NOT_REPRODUCED;
      MethodCheck best = checks.get(0);
      for (MethodCheck mc : checks) {
        if (mc.maxAbsDiff() < best.maxAbsDiff()) {
          best = mc;
        }
      }
      note.append(
          String.format(
              Locale.ROOT,
              "; nearest: %s (%s-%s vs %s-%s)",
              best.method(),
              BinomialVerifier.fmt(best.low()),
              BinomialVerifier.fmt(best.high()),
              c.low() == null ? "" : c.low().text(),
              c.highText()));
    }
    return new VerifyResult(
        c.claimId(),
        "median",
        "",
        source.n(),
        c.medianText(),
        c.low() == null ? "" : c.low().text(),
        c.highText(),
        Double.isNaN(recomputed) ? null : recomputed,
        new ArrayList<>(matching),
        verdict,
        note.toString(),
        c.source(),
        checks);
  }

  private static Set<Rounding> matches(
      PrintedNumber p, boolean notReached, boolean absent, double v) {
    if (notReached) {
      return Double.isFinite(v) ? EnumSet.noneOf(Rounding.class) : EnumSet.allOf(Rounding.class);
    }
    if (absent || p == null) {
      return EnumSet.allOf(Rounding.class);
    }
    return p.matches(v);
  }

  private static double diff(PrintedNumber p, boolean notReached, double v) {
    if (notReached) {
      return Double.isFinite(v) ? Double.POSITIVE_INFINITY : 0;
    }
    if (p == null) {
      return 0;
    }
    return Double.isFinite(v) ? Math.abs(v - p.doubleValue()) : Double.POSITIVE_INFINITY;
  }
}

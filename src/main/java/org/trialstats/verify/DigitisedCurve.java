package org.trialstats.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A digitised Kaplan–Meier curve and its published numbers-at-risk table, cleaned for the Guyot
 * reconstruction. Cleaning (each step is reported in {@link #changes()}):
 *
 * <ol>
 *   <li>survival given in percent (any value above 1.5) is divided by 100;
 *   <li>negative times (digitising noise at the origin) are set to 0;
 *   <li>points are sorted by time (then by decreasing survival);
 *   <li>survival is clamped to [0, 1] and made non-increasing (cumulative minimum);
 *   <li>points sharing a time keep the lowest survival (the foot of a vertical drop);
 *   <li>the curve starts at (0, 1) (the point is added, or an origin below 1 is set to 1);
 *   <li>a point is added at each risk-table time inside the curve, carrying the curve's value
 *       there, so that every risk interval holds a point (Guyot et al. 2012 ask the digitiser for
 *       these points);
 *   <li>risk-table rows after the last digitised time are dropped.
 * </ol>
 *
 * Impossible input is rejected with {@link IllegalArgumentException} and a message saying what to
 * fix: non-finite values, fewer than two points, a risk table that does not start at time 0 or
 * whose times are not strictly increasing, increasing numbers at risk, no one at risk at the start,
 * or zero at risk while the curve still drops later.
 *
 * @param time cleaned digitised times, strictly increasing, from 0
 * @param survival cleaned survival in [0, 1], non-increasing, 1 at time 0
 * @param riskTimes risk-table times (from 0, strictly increasing, within the curve)
 * @param riskCounts published numbers at risk at those times (non-increasing)
 * @param percent whether the survival column was read as percent
 * @param changes what cleaning changed, one sentence each (empty when nothing)
 */
public record DigitisedCurve(
    double[] time,
    double[] survival,
    double[] riskTimes,
    int[] riskCounts,
    boolean percent,
    List<String> changes) {

  public DigitisedCurve {
    changes = List.copyOf(changes);
  }

  /** Cleans and checks raw digitised points and a risk table (see the class comment). */
  public static DigitisedCurve clean(
      double[] rawTime, double[] rawSurv, double[] rawRiskTimes, int[] rawRiskCounts) {
    if (rawTime.length != rawSurv.length) {
      throw new IllegalArgumentException("time and survival have different lengths");
    }
    if (rawRiskTimes.length != rawRiskCounts.length) {
      throw new IllegalArgumentException("risk times and counts have different lengths");
    }
    if (rawTime.length < 2) {
      throw new IllegalArgumentException(
          "at least two digitised points are needed, found " + rawTime.length);
    }
    if (rawRiskTimes.length == 0) {
      throw new IllegalArgumentException("the numbers-at-risk table is empty");
    }
    List<String> changes = new ArrayList<>();
    int np = rawTime.length;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < np; i++) {
      if (!Double.isFinite(rawTime[i]) || !Double.isFinite(rawSurv[i])) {
        throw new IllegalArgumentException(
            "digitised point " + (i + 1) + " is not a finite number");
      }
      max = Math.max(max, rawSurv[i]);
    }
    boolean percent = max > 1.5;
    double[] t = rawTime.clone();
    double[] s = rawSurv.clone();
    if (percent) {
      for (int i = 0; i < np; i++) {
        s[i] /= 100;
      }
      changes.add(
          String.format(
              Locale.ROOT,
              "survival read as percent (largest value %s > 1.5): divided by 100",
              BinomialVerifier.fmt(max)));
    } else {
      changes.add("survival read as a proportion in [0, 1] (largest value " + fmtv(max) + ")");
    }
    int neg = 0;
    for (int i = 0; i < np; i++) {
      if (t[i] < 0) {
        t[i] = 0;
        neg++;
      }
    }
    if (neg > 0) {
      changes.add(neg + " negative time" + plural(neg) + " set to 0");
    }
    Integer[] order = new Integer[np];
    for (int i = 0; i < np; i++) {
      order[i] = i;
    }
    final double[] tt = t;
    final double[] ss = s;
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(tt[a], tt[b]);
          return c != 0 ? c : Double.compare(ss[b], ss[a]);
        });
    int moved = 0;
    double[] t2 = new double[np];
    double[] s2 = new double[np];
    for (int i = 0; i < np; i++) {
      if (order[i] != i) {
        moved++;
      }
      t2[i] = t[order[i]];
      s2[i] = s[order[i]];
    }
    if (moved > 0) {
      changes.add("points sorted by time (" + moved + " moved)");
    }
    int clamped = 0;
    for (int i = 0; i < np; i++) {
      double c = Math.min(1, Math.max(0, s2[i]));
      if (c != s2[i]) {
        clamped++;
        s2[i] = c;
      }
    }
    if (clamped > 0) {
      changes.add(clamped + " survival value" + plural(clamped) + " clamped to [0, 1]");
    }
    int lowered = 0;
    for (int i = 1; i < np; i++) {
      if (s2[i] > s2[i - 1]) {
        s2[i] = s2[i - 1];
        lowered++;
      }
    }
    if (lowered > 0) {
      changes.add(
          lowered + " point" + plural(lowered) + " lowered to keep the curve non-increasing");
    }
    // One point per time: the lowest survival (the last after the sort and cumulative minimum).
    List<double[]> pts = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < np; i++) {
      if (!pts.isEmpty() && pts.get(pts.size() - 1)[0] == t2[i]) {
        pts.get(pts.size() - 1)[1] = s2[i];
        dropped++;
      } else {
        pts.add(new double[] {t2[i], s2[i]});
      }
    }
    if (dropped > 0) {
      changes.add(
          dropped
              + " point"
              + plural(dropped)
              + " at an already digitised time dropped (the lowest survival kept)");
    }
    if (pts.get(0)[0] > 0) {
      pts.add(0, new double[] {0, 1});
      changes.add("point (0, 1) added at the origin");
    } else if (pts.get(0)[1] < 1) {
      changes.add(
          "survival at time 0 was " + fmtv(pts.get(0)[1]) + ": set to 1 (a KM curve starts at 1)");
      pts.get(0)[1] = 1;
    }

    // Risk table.
    int nr = rawRiskTimes.length;
    for (int i = 0; i < nr; i++) {
      if (!Double.isFinite(rawRiskTimes[i])) {
        throw new IllegalArgumentException("risk-table time " + (i + 1) + " is not finite");
      }
      if (rawRiskCounts[i] < 0) {
        throw new IllegalArgumentException(
            "number at risk at time " + fmtv(rawRiskTimes[i]) + " is negative");
      }
      if (i > 0 && !(rawRiskTimes[i] > rawRiskTimes[i - 1])) {
        throw new IllegalArgumentException(
            "risk-table times must be strictly increasing: "
                + fmtv(rawRiskTimes[i - 1])
                + " is followed by "
                + fmtv(rawRiskTimes[i]));
      }
      if (i > 0 && rawRiskCounts[i] > rawRiskCounts[i - 1]) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "numbers at risk cannot increase: %d at time %s, then %d at time %s",
                rawRiskCounts[i - 1],
                fmtv(rawRiskTimes[i - 1]),
                rawRiskCounts[i],
                fmtv(rawRiskTimes[i])));
      }
    }
    if (rawRiskTimes[0] != 0) {
      throw new IllegalArgumentException(
          "the risk table must start at time 0 (it starts at "
              + fmtv(rawRiskTimes[0])
              + "); the number at risk at 0 is the number of patients");
    }
    if (rawRiskCounts[0] <= 0) {
      throw new IllegalArgumentException("no one is at risk at time 0");
    }
    double lastT = pts.get(pts.size() - 1)[0];
    int keep = nr;
    while (keep > 1 && rawRiskTimes[keep - 1] > lastT) {
      keep--;
    }
    if (keep < nr) {
      changes.add(
          (nr - keep)
              + " risk-table row"
              + plural(nr - keep)
              + " after the last digitised time "
              + fmtv(lastT)
              + " dropped");
    }
    // Zero at risk: allowed only when the curve no longer drops afterwards; the table and the
    // curve are then cut at that time.
    for (int i = 0; i < keep; i++) {
      if (rawRiskCounts[i] == 0) {
        double at = rawRiskTimes[i];
        double sAt = valueAt(pts, at);
        for (double[] p : pts) {
          if (p[0] > at && p[1] < sAt) {
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT,
                    "zero at risk at time %s but the curve still drops later (to %s at time %s):"
                        + " check the risk table and the digitised points",
                    fmtv(at),
                    fmtv(p[1]),
                    fmtv(p[0])));
          }
        }
        if (i < keep - 1 || lastT > at) {
          changes.add("risk table and curve cut at time " + fmtv(at) + " where no one is at risk");
        }
        keep = i; // i >= 1: no one at risk at time 0 was rejected above
        List<double[]> cut = new ArrayList<>();
        for (double[] p : pts) {
          if (p[0] < at || cut.isEmpty()) {
            cut.add(p);
          }
        }
        pts = cut;
        break;
      }
    }
    double[] rt = Arrays.copyOf(rawRiskTimes, keep);
    int[] rc = Arrays.copyOf(rawRiskCounts, keep);
    if (pts.size() < 2) {
      throw new IllegalArgumentException("fewer than two digitised points remain after cleaning");
    }

    // A point at each risk time inside the curve, carrying the curve's value there.
    int added = 0;
    for (double r : rt) {
      boolean present = false;
      for (double[] p : pts) {
        if (p[0] == r) {
          present = true;
          break;
        }
      }
      if (!present && r < pts.get(pts.size() - 1)[0]) {
        double v = valueAt(pts, r);
        int at = 0;
        while (at < pts.size() && pts.get(at)[0] < r) {
          at++;
        }
        pts.add(at, new double[] {r, v});
        added++;
      }
    }
    if (added > 0) {
      changes.add(
          added
              + " point"
              + plural(added)
              + " added at risk-table times (the curve's value carried forward)");
    }
    double[] ct = new double[pts.size()];
    double[] cs = new double[pts.size()];
    for (int i = 0; i < ct.length; i++) {
      ct[i] = pts.get(i)[0];
      cs[i] = pts.get(i)[1];
    }
    return new DigitisedCurve(ct, cs, rt, rc, percent, changes);
  }

  /** The step curve's value at {@code t}: the survival of the last point at or before t. */
  static double valueAt(List<double[]> pts, double t) {
    double v = 1;
    for (double[] p : pts) {
      if (p[0] <= t) {
        v = p[1];
      } else {
        break;
      }
    }
    return v;
  }

  private static String plural(int k) {
    return k == 1 ? "" : "s";
  }

  static String fmtv(double v) {
    return BinomialVerifier.fmt(v);
  }
}

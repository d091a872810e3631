package org.trialstats.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Individual patient data reconstructed from a digitised Kaplan–Meier curve and its published
 * numbers at risk, by the iterative algorithm of Guyot, Ades, Ouwens &amp; Welton (2012), "Enhanced
 * secondary analysis of survival data: reconstructing the data from published Kaplan-Meier survival
 * curves", BMC Medical Research Methodology 12:9.
 *
 * <p>Within each interval of the risk table the number censored is first guessed from the drop in
 * survival and in the number at risk, the censorings are spread evenly over the interval, the
 * events at each digitised point are those that reproduce the curve (the KM step {@code d = round(n
 * (1 - S / S_last))}), and the number censored is adjusted until the reconstructed number at risk
 * at the start of the next interval equals the published one. The last interval uses the average
 * censoring rate of the earlier ones; a reported total number of events, if given, then fixes the
 * number censored in the last interval. Events happen at the digitised times, censorings at the
 * midpoint between consecutive digitised times, and patients still at risk at the end are censored
 * at the last digitised time.
 *
 * <p>This is an independent implementation of the published algorithm (R's {@code round} — half to
 * even — is used where the paper's code rounds). Guards the published code lacks: every adjustment
 * loop stops after {@link #MAX_ITERATIONS} passes (and says so), event counts are kept within [0,
 * at risk], and no more patients than the number at risk at time 0 are written.
 */
public final class GuyotReconstruction {
  /** The most adjustment passes per interval before giving up on an exact match. */
  public static final int MAX_ITERATIONS = 10_000;

  private GuyotReconstruction() {}

  /**
   * The reconstruction of one arm.
   *
   * @param curve the cleaned input
   * @param time reconstructed patient times (events first, then censorings)
   * @param event true for an event, false for a censoring
   * @param fitted the KM estimate of the reconstructed data at each digitised time
   * @param maxAbsDiff the largest |fitted - digitised| over the digitised points
   * @param riskReconstructed the number at risk (time &gt;= t) in the reconstructed data at each
   *     risk-table time
   * @param warnings what did not converge or had to be forced (empty when all went to plan)
   */
  public record Result(
      DigitisedCurve curve,
      double[] time,
      boolean[] event,
      double[] fitted,
      double maxAbsDiff,
      int[] riskReconstructed,
      List<String> warnings) {

    public Result {
      warnings = List.copyOf(warnings);
    }

    /** The number of patients. */
    public int n() {
      return time.length;
    }

    /** The number of events. */
    public int events() {
      int e = 0;
      for (boolean b : event) {
        if (b) {
          e++;
        }
      }
      return e;
    }
  }

  /**
   * Reconstructs one arm.
   *
   * @param curve cleaned digitised curve and risk table ({@link DigitisedCurve#clean})
   * @param totalEvents the published total number of events, or null when not reported
   */
  public static Result reconstruct(DigitisedCurve curve, Integer totalEvents) {
    double[] t = curve.time();
    double[] s = curve.survival();
    int[] nrisk = curve.riskCounts().clone();
    double[] tr = curve.riskTimes();
    int m = nrisk.length;
    int nt = t.length;
    if (totalEvents != null && (totalEvents < 0 || totalEvents > nrisk[0])) {
      throw new IllegalArgumentException(
          "total events must lie between 0 and the number at risk at time 0 ("
              + nrisk[0]
              + "), was "
              + totalEvents);
    }
    List<String> warnings = new ArrayList<>();
    int[] lower = new int[m];
    int[] upper = new int[m];
    for (int i = 0; i < m; i++) {
      int k = 0;
      while (k < nt && t[k] < tr[i]) {
        k++;
      }
      lower[i] = k;
    }
    for (int i = 0; i < m - 1; i++) {
      upper[i] = lower[i + 1] - 1;
      if (upper[i] < lower[i]) {
        throw new IllegalArgumentException(
            "no digitised point between risk-table times "
                + DigitisedCurve.fmtv(tr[i])
                + " and "
                + DigitisedCurve.fmtv(tr[i + 1]));
      }
    }
    upper[m - 1] = nt - 1;

    int[] ncensor = new int[m];
    int[] nhat = new int[nt + 1];
    Arrays.fill(nhat, nrisk[0] + 1);
    int[] cen = new int[nt];
    int[] d = new int[nt];
    double[] km = new double[nt];
    Arrays.fill(km, 1.0);
    int[] lastI = new int[m];
    int last = 0;

    for (int i = 0; i < m - 1; i++) {
      int lo = lower[i];
      int up = upper[i];
      int next = lower[i + 1];
      ncensor[i] = s[lo] > 0 ? (int) Math.rint(nrisk[i] * s[next] / s[lo] - nrisk[i + 1]) : 0;
      int iter = 0;
      while (nhat[next] > nrisk[i + 1] || (nhat[next] < nrisk[i + 1] && ncensor[i] > 0)) {
        if (++iter > MAX_ITERATIONS) {
          warnings.add(
              String.format(
                  Locale.ROOT,
                  "interval %s-%s: the number at risk did not converge in %d passes (%d"
                      + " reconstructed vs %d published)",
                  DigitisedCurve.fmtv(tr[i]),
                  DigitisedCurve.fmtv(tr[i + 1]),
                  MAX_ITERATIONS,
                  nhat[next],
                  nrisk[i + 1]));
          break;
        }
        if (ncensor[i] <= 0) {
          Arrays.fill(cen, lo, up + 1, 0);
          ncensor[i] = 0;
        } else {
          spread(cen, t, lo, next, ncensor[i]);
        }
        nhat[lo] = nrisk[i];
        last = lastI[i];
        for (int k = lo; k <= up; k++) {
          if (i == 0 && k == lo) {
            d[k] = 0;
            km[k] = 1;
          } else {
            d[k] = events(nhat[k], s[k], km[last]);
            km[k] = nhat[k] > 0 ? km[last] * (1 - (double) d[k] / nhat[k]) : km[last];
          }
          nhat[k + 1] = nhat[k] - d[k] - cen[k];
          if (nhat[k + 1] < 0) {
            nhat[k + 1] = 0;
            cen[k] = nhat[k] - d[k];
          }
          if (d[k] != 0) {
            last = k;
          }
        }
        ncensor[i] += nhat[next] - nrisk[i + 1];
      }
      if (nhat[next] < nrisk[i + 1]) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "at time %s the curve leaves only %d at risk, fewer than the published %d: %d used",
                DigitisedCurve.fmtv(tr[i + 1]),
                nhat[next],
                nrisk[i + 1],
                nhat[next]));
        nrisk[i + 1] = nhat[next];
      }
      lastI[i + 1] = last;
    }

    // Last interval: the average censoring rate of the earlier intervals.
    int lo = lower[m - 1];
    int up = upper[m - 1];
    if (m > 1) {
      int sum = 0;
      for (int i = 0; i < m - 1; i++) {
        sum += ncensor[i];
      }
      double span = t[upper[m - 2]] - t[lower[0]];
      long guess = span > 0 ? Math.round(Math.rint(sum * (t[up] - t[lo]) / span)) : 0;
      ncensor[m - 1] = (int) Math.min(guess, nrisk[m - 1]);
    } else {
      ncensor[m - 1] = 0;
    }
    lastInterval(t, s, nrisk[m - 1], lo, up, ncensor, m - 1, cen, d, km, nhat, lastI[m - 1]);

    if (totalEvents != null) {
      int sumdL = 0;
      if (m > 1) {
        for (int k = 0; k <= upper[m - 2]; k++) {
          sumdL += d[k];
        }
        if (sumdL >= totalEvents) {
          Arrays.fill(d, lo, up + 1, 0);
          Arrays.fill(cen, lo, up, 0);
          Arrays.fill(nhat, lo + 1, up + 2, nrisk[m - 1]);
          if (sumdL > totalEvents) {
            warnings.add(
                String.format(
                    Locale.ROOT,
                    "the curve before time %s already has %d events, more than the reported total"
                        + " %d",
                    DigitisedCurve.fmtv(tr[m - 1]),
                    sumdL,
                    totalEvents));
          }
        }
      }
      if (sumdL < totalEvents || m == 1) {
        int sumd = sum(d, 0, up);
        int iter = 0;
        while (sumd > totalEvents || (sumd < totalEvents && ncensor[m - 1] > 0)) {
          if (++iter > MAX_ITERATIONS) {
            warnings.add(
                String.format(
                    Locale.ROOT,
                    "the total number of events did not converge in %d passes (%d reconstructed"
                        + " vs %d reported)",
                    MAX_ITERATIONS,
                    sumd,
                    totalEvents));
            break;
          }
          int before = ncensor[m - 1];
          ncensor[m - 1] += sumd - totalEvents;
          lastInterval(t, s, nrisk[m - 1], lo, up, ncensor, m - 1, cen, d, km, nhat, lastI[m - 1]);
          sumd = sum(d, 0, up);
          if (ncensor[m - 1] == 0 && before == 0) {
            break; // no censoring left to move: the curve fixes the events
          }
        }
        if (sumd != totalEvents) {
          warnings.add(
              String.format(
                  Locale.ROOT,
                  "reconstructed %d events; the reported total is %d (the curve does not allow"
                      + " more or fewer)",
                  sumd,
                  totalEvents));
        }
      }
    }

    // Individual patient data.
    int n = nrisk[0];
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    int k = 0;
    boolean overflow = false;
    for (int j = 0; j < nt && !overflow; j++) {
      for (int e = 0; e < d[j]; e++) {
        if (k == n) {
          overflow = true;
          break;
        }
        time[k] = t[j];
        event[k++] = true;
      }
    }
    for (int j = 0; j < nt - 1 && !overflow; j++) {
      for (int c = 0; c < cen[j]; c++) {
        if (k == n) {
          overflow = true;
          break;
        }
        time[k] = (t[j] + t[j + 1]) / 2;
        event[k++] = false;
      }
    }
    if (overflow) {
      warnings.add("more events and censorings than patients: the excess was not written");
    }
    while (k < n) {
      time[k] = t[nt - 1];
      event[k++] = false;
    }

    double[] fitted = survivalAt(time, event, t);
    double maxDiff = 0;
    for (int j = 0; j < nt; j++) {
      maxDiff = Math.max(maxDiff, Math.abs(fitted[j] - s[j]));
    }
    int[] riskRec = new int[tr.length];
    for (int i = 0; i < tr.length; i++) {
      for (double x : time) {
        if (x >= tr[i]) {
          riskRec[i]++;
        }
      }
    }
    return new Result(curve, time, event, fitted, maxDiff, riskRec, warnings);
  }

  private static void lastInterval(
      double[] t,
      double[] s,
      int nriskLast,
      int lo,
      int up,
      int[] ncensor,
      int im,
      int[] cen,
      int[] d,
      double[] km,
      int[] nhat,
      int lastStart) {
    if (ncensor[im] <= 0 || up == lo) {
      Arrays.fill(cen, lo, up, 0);
      ncensor[im] = Math.max(0, up == lo ? 0 : ncensor[im]);
    } else {
      spread(cen, t, lo, up, ncensor[im]);
    }
    nhat[lo] = nriskLast;
    int last = lastStart;
    for (int k = lo; k <= up; k++) {
      d[k] = km[last] != 0 ? events(nhat[k], s[k], km[last]) : 0;
      km[k] = nhat[k] > 0 ? km[last] * (1 - (double) d[k] / nhat[k]) : km[last];
      nhat[k + 1] = nhat[k] - d[k] - cen[k];
      if (nhat[k + 1] < 0) {
        nhat[k + 1] = 0;
        cen[k] = nhat[k] - d[k];
      }
      if (d[k] != 0) {
        last = k;
      }
    }
  }

  /** Events at a point: the KM step to the digitised value, rounded (R), kept in [0, at risk]. */
  private static int events(int atRisk, double sk, double kmLast) {
    if (atRisk <= 0 || kmLast <= 0) {
      return 0;
    }
    double v = Math.rint(atRisk * (1 - sk / kmLast));
    return (int) Math.max(0, Math.min(atRisk, v));
  }

  /**
   * Spreads {@code count} censorings evenly over (t[from], t[to]) and counts them per digitised
   * interval: cen[k] for k in [from, to) receives those in (t[k], t[k+1]] (R {@code hist}, right
   * closed, lowest bin closed).
   */
  private static void spread(int[] cen, double[] t, int from, int to, int count) {
    Arrays.fill(cen, from, to, 0);
    double a = t[from];
    double w = (t[to] - a) / (count + 1.0);
    int k = from;
    for (int j = 1; j <= count; j++) {
      double c = a + j * w;
      while (k < to - 1 && c > t[k + 1]) {
        k++;
      }
      cen[k]++;
    }
  }

  private static int sum(int[] a, int from, int toInclusive) {
    int s = 0;
    for (int k = from; k <= toInclusive; k++) {
      s += a[k];
    }
    return s;
  }

  /**
   * The product-limit estimate of (time, event) evaluated at each of {@code at} (a fit diagnostic:
   * the reconstructed curve read at the digitised times; the survival package's Kaplan–Meier is the
   * estimator for analyses).
   */
  static double[] survivalAt(double[] time, boolean[] event, double[] at) {
    int n = time.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(time[a], time[b]));
    double[] out = new double[at.length];
    double surv = 1;
    int atRisk = n;
    int i = 0;
    int[] order = new int[at.length];
    Integer[] oi = new Integer[at.length];
    for (int j = 0; j < at.length; j++) {
      oi[j] = j;
    }
    Arrays.sort(oi, (a, b) -> Double.compare(at[a], at[b]));
    for (int j = 0; j < at.length; j++) {
      order[j] = oi[j];
    }
    for (int q : order) {
      while (i < n && time[idx[i]] <= at[q]) {
        double tcur = time[idx[i]];
        int deaths = 0;
        int leaving = 0;
        while (i < n && time[idx[i]] == tcur) {
          if (event[idx[i]]) {
            deaths++;
          }
          leaving++;
          i++;
        }
        if (deaths > 0) {
          surv *= 1 - (double) deaths / atRisk;
        }
        atRisk -= leaving;
      }
      out[q] = surv;
    }
    return out;
  }
}

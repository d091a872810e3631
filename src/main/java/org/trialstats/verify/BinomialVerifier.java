package org.trialstats.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.trialstats.verify.PrintedNumber.Rounding;

/**
 * Checks a published response rate and its confidence interval: is the printed percentage
 * consistent with responders/n at the printed precision, and which binomial interval methods
 * reproduce both printed limits (rounding half up and half to even both tried).
 *
 * <p>"Reproduces" follows the usual reading of a published table: the recomputed value, rounded to
 * the number of decimals printed, equals the printed value. Rounding is applied to the exact value
 * (percentages x/n as exact decimals; computed limits at their full binary value).
 */
public final class BinomialVerifier {
  private final IntervalSource intervals;

  public BinomialVerifier(IntervalSource intervals) {
    this.intervals = intervals;
  }

  /** The responder counts x in [0, n] whose percentage prints as {@code estimate}. */
  public static List<Integer> consistentCounts(PrintedNumber estimate, int n) {
    List<Integer> out = new ArrayList<>();
    for (int x = 0; x <= n; x++) {
      if (!estimate.matches(PrintedNumber.percent(x, n)).isEmpty()) {
        out.add(x);
      }
    }
    return out;
  }

  /** Checks one claim against every method of the interval source. */
  public VerifyResult check(BinomialClaim c) {
    List<Integer> candidates;
    Set<Rounding> estimateModes = EnumSet.allOf(Rounding.class);
    StringBuilder note = new StringBuilder();
    boolean inconsistent = false;
    if (c.responders() != null) {
      candidates = List.of(c.responders());
      if (c.estimate() != null) {
        estimateModes = c.estimate().matches(PrintedNumber.percent(c.responders(), c.n()));
        if (estimateModes.isEmpty()) {
          inconsistent = true;
          note.append(
              String.format(
                  Locale.ROOT,
                  "%d/%d = %s%% does not print as %s (%d decimal%s)",
                  c.responders(),
                  c.n(),
                  fmt(PrintedNumber.percent(c.responders(), c.n()).doubleValue()),
                  c.estimate().text(),
                  c.estimate().decimals(),
                  c.estimate().decimals() == 1 ? "" : "s"));
          List<Integer> alt = consistentCounts(c.estimate(), c.n());
          note.append(
              alt.isEmpty()
                  ? "; no count out of " + c.n() + " does"
                  : "; consistent counts: " + join(alt));
        }
      }
    } else {
      candidates = consistentCounts(c.estimate(), c.n());
      if (candidates.isEmpty()) {
        inconsistent = true;
        note.append(
            String.format(
                Locale.ROOT,
                "no responder count out of %d prints as %s%%",
                c.n(),
                c.estimate().text()));
      } else {
        note.append(
            candidates.size() == 1
                ? "responders inferred from the estimate: " + candidates.get(0)
                : "responder counts consistent with the estimate: " + join(candidates));
      }
    }

    List<MethodCheck> checks = new ArrayList<>();
    LinkedHashSet<String> matching = new LinkedHashSet<>();
    Set<Rounding> usedModes = EnumSet.noneOf(Rounding.class);
    boolean hasInterval = c.low() != null || c.high() != null;
    if (hasInterval) {
      for (int li = 0; li < c.levels().size(); li++) {
        double level = c.levels().get(li);
        double two = c.twoSidedLevel(level);
        for (int x : candidates) {
          for (String m : intervals.methods()) {
            MethodCheck mc = checkMethod(c, m, x, two);
            if (mc == null) {
              continue;
            }
            checks.add(mc);
            if (mc.reproduced() && !inconsistent) {
              matching.add(label(m, li == 0 ? null : level, candidates.size() > 1 ? x : null));
              usedModes.addAll(mc.modes());
            }
          }
        }
      }
    }

    Verdict verdict;
    if (inconsistent) {
      verdict = Verdict.INCONSISTENT_ESTIMATE;
      List<String> would =
          checks.stream()
              .filter(MethodCheck::reproduced)
              .map(MethodCheck::method)
              .distinct()
              .collect(Collectors.toList());
      if (!would.isEmpty()) {
        sep(note).append("the interval alone is reproduced by ").append(String.join(";", would));
      }
    } else if (!hasInterval) {
      verdict = Verdict.REPRODUCED;
      sep(note).append("no interval printed; estimate consistent");
    } else if (!matching.isEmpty()) {
      verdict = Verdict.REPRODUCED;
      if (c.estimate() != null && c.responders() != null) {
        sep(note).append("estimate rounding ").append(Rounding.describe(estimateModes));
      }
      sep(note).append("limits rounding ").append(Rounding.describe(usedModes));
    } else {
      verdict = Verdict.NOT_REPRODUCED;
      MethodCheck best = null;
      for (MethodCheck mc : checks) {
        if (best == null || mc.maxAbsDiff() < best.maxAbsDiff()) {
          best = mc;
        }
      }
      if (best == null) {
        sep(note).append("no interval method applies");
      } else {
        sep(note).append(nearest(c, best));
      }
    }

    Double recomputed =
        candidates.size() == 1
            ? PrintedNumber.percent(candidates.get(0), c.n()).doubleValue()
            : null;
    String respText =
        c.responders() != null
            ? Integer.toString(c.responders())
            : candidates.stream().map(String::valueOf).collect(Collectors.joining(";"));
    return new VerifyResult(
        c.claimId(),
        "orr",
        respText,
        c.n(),
        text(c.estimate()),
        text(c.low()),
        text(c.high()),
        recomputed,
        new ArrayList<>(matching),
        verdict,
        note.toString(),
        c.source(),
        checks);
  }

  private MethodCheck checkMethod(BinomialClaim c, String method, int x, double level) {
    double[] lim = intervals.limits(method, x, c.n(), level);
    if (lim == null || lim.length != 2) {
      return null;
    }
    double lo = 100 * lim[0];
    double hi = 100 * lim[1];
    Set<Rounding> all = EnumSet.allOf(Rounding.class);
    Set<Rounding> lm = c.low() == null ? all : c.low().matches(lo);
    Set<Rounding> hm = c.high() == null ? all : c.high().matches(hi);
    double diff = 0;
    if (c.low() != null) {
      diff = Math.max(diff, Double.isFinite(lo) ? Math.abs(lo - c.low().doubleValue()) : 1e300);
    }
    if (c.high() != null) {
      diff = Math.max(diff, Double.isFinite(hi) ? Math.abs(hi - c.high().doubleValue()) : 1e300);
    }
    return new MethodCheck(
        method, level, x, PrintedNumber.percent(x, c.n()).doubleValue(), lo, hi, lm, hm, diff);
  }

  private static String nearest(BinomialClaim c, MethodCheck b) {
    StringBuilder s = new StringBuilder("nearest: ").append(b.method());
    if (b.level() != c.twoSidedLevel(c.levels().get(0))) {
      s.append(" at level ").append(fmt(b.level()));
    }
    s.append(" (");
    boolean first = true;
    if (c.low() != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "low %s vs %s, %s",
              fmt(b.low()),
              c.low().text(),
              signed(b.low() - c.low().doubleValue())));
      first = false;
    }
    if (c.high() != null) {
      if (!first) {
        s.append("; ");
      }
      s.append(
          String.format(
              Locale.ROOT,
              "high %s vs %s, %s",
              fmt(b.high()),
              c.high().text(),
              signed(b.high() - c.high().doubleValue())));
    }
    return s.append(")").toString();
  }

  static String label(String method, Double otherLevel, Integer x) {
    StringBuilder s = new StringBuilder(method);
    if (otherLevel != null) {
      s.append("@").append(fmt(otherLevel));
    }
    if (x != null) {
      s.append("[x=").append(x).append("]");
    }
    return s.toString();
  }

  static StringBuilder sep(StringBuilder b) {
    if (b.length() > 0) {
      b.append("; ");
    }
    return b;
  }

  static String text(PrintedNumber p) {
    return p == null ? "" : p.text();
  }

  /** A value for notes: 4 decimals, trailing zeros dropped. */
  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return "NE";
    }
    return new BigDecimal(v)
        .setScale(4, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  static String signed(double d) {
    if (!Double.isFinite(d)) {
      return "not estimable";
    }
    return (d >= 0 ? "+" : "") + fmt(d);
  }

  private static String join(List<Integer> l) {
    return l.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}

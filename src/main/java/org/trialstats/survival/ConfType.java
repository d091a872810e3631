package org.trialstats.survival;

import java.util.Locale;

/**
 * Pointwise confidence-interval transforms for a survival probability S with Greenwood standard
 * error {@code se} of log S (R's {@code std.err} of a {@code survfit}, i.e. {@code sqrt(sum d / (n
 * (n - d)))}). The formulas are those of R {@code survival:::survfit_confint} (survival 3.5-3),
 * which agree with SAS PROC LIFETEST CONFTYPE= (SAS/STAT User's Guide, LIFETEST, "Pointwise
 * Confidence Limits in the OUTSURV= Data Set"):
 *
 * <ul>
 *   <li>{@code plain} (SAS LINEAR): S ± z·S·se, clipped to [0, 1];
 *   <li>{@code log}: S·exp(∓z·se), upper capped at 1; undefined at S = 0;
 *   <li>{@code log-log} (SAS LOGLOG, the SAS default): S^exp(∓z·se/log S); undefined at S = 0 and S
 *       = 1;
 *   <li>{@code logit}: expit(logit S ∓ z·se/(1 − S)); undefined at S = 0 and 1;
 *   <li>{@code arcsine} (R "arcsin", SAS ASINSQRT): sin²(asin √S ∓ ½·z·se·√(S/(1−S))), clipped to
 *       [0, π/2]; undefined at S = 0 and 1.
 * </ul>
 *
 * Undefined limits are NaN (R gives NA). At S = 1 with se = 0 the plain and log limits are [1, 1].
 */
public enum ConfType {
  PLAIN("plain"),
  LOG("log"),
  LOG_LOG("log-log"),
  LOGIT("logit"),
  ARCSINE("arcsine");

  private final String label;

  ConfType(String label) {
    this.label = label;
  }

  /** The name used on the command line and in the {@code method} column. */
  public String label() {
    return label;
  }

  /** Parses {@code plain|log|log-log|logit|arcsine} (also {@code loglog}, {@code arcsin}). */
  public static ConfType parse(String s) {
    String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (k) {
      case "plain", "linear" -> PLAIN;
      case "log" -> LOG;
      case "log-log", "loglog" -> LOG_LOG;
      case "logit" -> LOGIT;
      case "arcsine", "arcsin", "asinsqrt" -> ARCSINE;
      default -> throw new IllegalArgumentException(s);
    };
  }

  /**
   * Lower limit for survival {@code s}, log-scale standard error {@code se}, quantile {@code z}.
   */
  public double lower(double s, double se, double z) {
    return limit(s, se, -z);
  }

  /** Upper limit. */
  public double upper(double s, double se, double z) {
    return limit(s, se, z);
  }

  private double limit(double p, double se, double zz) {
    switch (this) {
      case PLAIN:
        {
          double v = p + zz * se * p;
          return Math.min(1, Math.max(0, v));
        }
      case LOG:
        {
          if (p == 0) {
            return Double.NaN;
          }
          return Math.min(1, Math.exp(Math.log(p) + zz * se));
        }
      case LOG_LOG:
        {
          if (p == 0 || p == 1) {
            return Double.NaN;
          }
          double se2 = zz * se / Math.log(p);
          return Math.exp(-Math.exp(Math.log(-Math.log(p)) + se2));
        }
      case LOGIT:
        {
          if (p == 0 || p == 1) {
            return Double.NaN;
          }
          double se2 = zz * se * (1 + p / (1 - p));
          return 1 - 1 / (1 + Math.exp(Math.log(p / (1 - p)) + se2));
        }
      case ARCSINE:
        {
          if (p == 0 || p == 1) {
            return Double.NaN;
          }
          double se2 = 0.5 * zz * se * Math.sqrt(p / (1 - p));
          double a = Math.asin(Math.sqrt(p)) + se2;
          a = Math.min(Math.PI / 2, Math.max(0, a));
          double s = Math.sin(a);
          return s * s;
        }
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The Brookmeyer–Crowley test statistic of SAS LIFETEST for a quantile: {@code |g(S) − g(level)|
   * / (|g'(S)|·σ(S))}, with σ(S) = S·se the Greenwood standard error; NaN where g is undefined.
   */
  public double bcStatistic(double s, double se, double level) {
    double num;
    double den;
    switch (this) {
      case PLAIN -> {
        num = s - level;
        den = s * se;
      }
      case LOG -> {
        if (s == 0) {
          return Double.NaN;
        }
        num = Math.log(s) - Math.log(level);
        den = se;
      }
      case LOG_LOG -> {
        if (s == 0 || s == 1) {
          return Double.NaN;
        }
        num = Math.log(-Math.log(s)) - Math.log(-Math.log(level));
        den = se / Math.abs(Math.log(s));
      }
      case LOGIT -> {
        if (s == 0 || s == 1) {
          return Double.NaN;
        }
        num = Math.log(s / (1 - s)) - Math.log(level / (1 - level));
        den = se / (1 - s);
      }
      case ARCSINE -> {
        if (s == 0 || s == 1) {
          return Double.NaN;
        }
        num = Math.asin(Math.sqrt(s)) - Math.asin(Math.sqrt(level));
        den = 0.5 * se * Math.sqrt(s / (1 - s));
      }
      default -> throw new AssertionError(this);
    }
    if (den == 0) {
      return num == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(num) / den;
  }
}

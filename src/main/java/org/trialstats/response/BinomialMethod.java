package org.trialstats.response;

import java.util.Locale;

/**
 * Confidence interval methods for a single binomial proportion, with the exact names used in the
 * output contract's {@code method} column ({@link #id()}) and a readable label ({@link #label()}).
 *
 * <p>The formulas and their sources are documented in {@link BinomialInterval}.
 */
public enum BinomialMethod {
  /** Exact (Clopper &amp; Pearson 1934); R {@code binom.test}, SAS PROC FREQ default. */
  CLOPPER_PEARSON("clopper-pearson", "Clopper–Pearson"),
  /**
   * Wilson (1927) score interval without continuity correction; R {@code prop.test(correct=FALSE)}.
   */
  WILSON("wilson", "Wilson"),
  /** Wilson score interval with continuity correction (Newcombe 1998, method 4). */
  WILSON_CC("wilson-cc", "Wilson, continuity-corrected"),
  /** Jeffreys equal-tailed Beta(x+1/2, n-x+1/2) interval (Brown, Cai &amp; DasGupta 2001). */
  JEFFREYS("jeffreys", "Jeffreys"),
  /** Agresti &amp; Coull (1998) "add z²/2 successes and failures" interval. */
  AGRESTI_COULL("agresti-coull", "Agresti–Coull"),
  /** Wald (normal approximation) interval, truncated to [0, 1]. */
  WALD("wald", "Wald"),
  /** Mid-p exact interval (Lancaster 1961; Berry &amp; Armitage 1995). */
  MID_P("mid-p", "mid-p"),
  /** Blaker (2000) exact interval from the acceptability function. */
  BLAKER("blaker", "Blaker");

  private final String id;
  private final String label;

  BinomialMethod(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The exact contract name, e.g. {@code clopper-pearson}. */
  public String id() {
    return id;
  }

  /** A readable name for text output, e.g. {@code Clopper–Pearson}. */
  public String label() {
    return label;
  }

  /**
   * The method named {@code name} (contract id, case-insensitive; underscores accepted for
   * hyphens).
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  public static BinomialMethod parse(String name) {
    String s = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (BinomialMethod m : values()) {
      if (m.id.equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown binomial interval method '" + name + "'; known: " + names());
  }

  /** The contract names of all methods, comma separated. */
  public static String names() {
    StringBuilder b = new StringBuilder();
    for (BinomialMethod m : values()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(m.id);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return id;
  }
}

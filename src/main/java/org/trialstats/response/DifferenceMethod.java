package org.trialstats.response;

import java.util.Locale;

/** Confidence interval methods for a difference of two proportions (exact contract names). */
public enum DifferenceMethod {
  /** Wald (normal approximation, unpooled variance), truncated to [-1, 1]. */
  WALD("wald", "Wald"),
  /** Newcombe (1998) hybrid score interval from two Wilson intervals (method 10). */
  NEWCOMBE("newcombe", "Newcombe hybrid score"),
  /** Miettinen &amp; Nurminen (1985) score interval with the N/(N-1) variance factor. */
  MIETTINEN_NURMINEN("miettinen-nurminen", "Miettinen–Nurminen");

  private final String id;
  private final String label;

  DifferenceMethod(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The exact contract name, e.g. {@code newcombe}. */
  public String id() {
    return id;
  }

  /** A readable name for text output. */
  public String label() {
    return label;
  }

  /** The method named {@code name} (contract id, case-insensitive). */
  public static DifferenceMethod parse(String name) {
    String s = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (DifferenceMethod m : values()) {
      if (m.id.equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown difference method '" + name + "'; known: wald, newcombe, miettinen-nurminen");
  }

  @Override
  public String toString() {
    return id;
  }
}

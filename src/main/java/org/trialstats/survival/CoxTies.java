package org.trialstats.survival;

/**
 * Handling of tied event times in the Cox partial likelihood.
 *
 * <ul>
 *   <li>{@link #EFRON}: Efron (1977) approximation; R {@code coxph} default ({@code ties="efron"}),
 *       SAS PHREG {@code TIES=EFRON}.
 *   <li>{@link #BRESLOW}: Breslow (1974) approximation; SAS PHREG default ({@code TIES=BRESLOW}), R
 *       {@code ties="breslow"}.
 *   <li>{@link #EXACT}: the discrete (conditional logistic) likelihood of Cox (1972); SAS PHREG
 *       {@code TIES=DISCRETE}, R {@code ties="exact"} for right-censored data. Computed with the
 *       recursion of Gail, Lubin and Rubinstein (1981, Biometrika 68:703-707).
 * </ul>
 */
public enum CoxTies {
  EFRON("efron"),
  BRESLOW("breslow"),
  EXACT("exact");

  private final String label;

  CoxTies(String label) {
    this.label = label;
  }

  /** The name used in the contract's {@code method} column. */
  public String label() {
    return label;
  }

  /** Parses {@code efron|breslow|exact} (also SAS's {@code discrete} for exact). */
  public static CoxTies parse(String s) {
    String v = s.trim().toLowerCase(java.util.Locale.ROOT);
    switch (v) {
      case "efron":
        return EFRON;
      case "breslow":
        return BRESLOW;
      case "exact":
      case "discrete":
        return EXACT;
      default:
        throw new IllegalArgumentException("unknown ties method: " + s);
    }
  }
}

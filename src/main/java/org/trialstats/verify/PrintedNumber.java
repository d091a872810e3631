package org.trialstats.verify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;

/**
 * A number as printed in a publication, kept as text: {@code "44"} has 0 decimals, {@code "42.3"}
 * has 1, {@code "20.10"} has 2. The value is a {@link BigDecimal} parsed from the text (never from
 * a double), so the printed precision is exact.
 *
 * @param text the printed text (trimmed)
 * @param value the exact decimal value
 * @param decimals the number of printed decimals (0 for integers)
 */
public record PrintedNumber(String text, BigDecimal value, int decimals) {

  /**
   * Parses a printed decimal such as {@code 42.3}, {@code 44}, {@code 0.5} or {@code .5}; a leading
   * {@code <} or {@code >} or exponent notation is not a printed figure and is refused.
   *
   * @throws IllegalArgumentException when the text is not a plain decimal number
   */
  public static PrintedNumber parse(String text) {
    String t = text == null ? "" : text.trim();
    if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      throw new IllegalArgumentException("not a plain decimal number: '" + t + "'");
    }
    BigDecimal v = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
    int dot = t.indexOf('.');
    int decimals = dot < 0 ? 0 : t.length() - dot - 1;
    return new PrintedNumber(t, v, decimals);
  }

  /** The value as a double (for differences and display only, never for matching). */
  public double doubleValue() {
    return value.doubleValue();
  }

  /** {@code x} rounded to this number's printed precision with {@code mode}. */
  public BigDecimal round(BigDecimal x, Rounding mode) {
    return x.setScale(decimals, mode.mode());
  }

  /**
   * The rounding modes under which {@code x} prints as this number. {@code x} is taken exactly (a
   * double's full binary value), so ties are real ties only when {@code x} is one exactly.
   */
  public Set<Rounding> matches(BigDecimal x) {
    EnumSet<Rounding> out = EnumSet.noneOf(Rounding.class);
    for (Rounding r : Rounding.values()) {
      if (round(x, r).compareTo(value) == 0) {
        out.add(r);
      }
    }
    return out;
  }

  /** {@link #matches(BigDecimal)} for a double. Non-finite values match nothing. */
  public Set<Rounding> matches(double x) {
    if (!Double.isFinite(x)) {
      return EnumSet.noneOf(Rounding.class);
    }
    return matches(new BigDecimal(x));
  }

  /** The exact percentage {@code 100 x / n} to 34 significant digits (ties stay exact ties). */
  public static BigDecimal percent(int x, int n) {
    return BigDecimal.valueOf(100L * x).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
  }

  @Override
  public String toString() {
    return text;
  }

  /** The two rounding rules tried for every printed figure. */
  public enum Rounding {
    /** Round half away from zero (SAS {@code ROUND}, most hand rounding). */
    HALF_UP("half-up", RoundingMode.HALF_UP),
    /** Round half to even (R {@code round()}, IEC 60559). */
    HALF_EVEN("half-even", RoundingMode.HALF_EVEN);

    private final String label;
    private final RoundingMode mode;

    Rounding(String label, RoundingMode mode) {
      this.label = label;
      this.mode = mode;
    }

    public String label() {
      return label;
    }

    public RoundingMode mode() {
      return mode;
    }

    /** "half-up", "half-even" or "half-up or half-even" for a set of matching modes. */
    public static String describe(Set<Rounding> modes) {
      if (modes.size() == values().length) {
        return "half-up or half-even";
      }
      return modes.isEmpty() ? "none" : modes.iterator().next().label();
    }
  }
}

package org.trialstats.io;

import java.util.List;

/**
 * Typed, checked views of {@link DataTable} columns. Each conversion fails on the first bad cell
 * with an {@link InputException} naming the file, row, line and column.
 */
public final class Columns {
  private Columns() {}

  /** A numeric column with no missing values. */
  public static double[] numbers(DataTable t, String column, String expected) {
    if (t.hasNumbers(column)) {
      return t.numbers(column).clone(); // checked when read: plain, finite, not negative
    }
    String[] c = t.column(column);
    double[] out = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      out[i] = parse(t, i, column, c[i], expected);
    }
    return out;
  }

  /** Times: numbers, not missing, not negative. */
  public static double[] times(DataTable t, String column) {
    double[] x = numbers(t, column, "a non-negative time");
    if (t.hasNumbers(column)) {
      return x; // no sign: not negative
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] < 0) {
        throw bad(t, i, column, "a non-negative time", t.column(column)[i]);
      }
    }
    return x;
  }

  /**
   * Event indicator from an ADaM censor column: {@code 0} = event, a positive integer = censored
   * (the opposite of R's status). Returns true for an event.
   */
  public static boolean[] eventsFromCensor(DataTable t, String column) {
    return indicator(t, column, true);
  }

  /**
   * Event indicator from an event column: {@code 1} = event, {@code 0} = censored. As R's {@code
   * Surv()}, a column whose values are all 1 or 2, with at least one 2, is read as 1 = censored, 2
   * = event (the coding of R's {@code lung} data).
   */
  public static boolean[] eventsFromEvent(DataTable t, String column) {
    String[] c = t.hasNumbers(column) ? null : t.column(column);
    if (isOneTwoCoded(t, column)) {
      boolean[] out = new boolean[t.rowCount()];
      double[] x = t.hasNumbers(column) ? t.numbers(column) : null;
      for (int i = 0; i < out.length; i++) {
        out[i] = x != null ? x[i] == 2 : c[i].equals("2");
      }
      return out;
    }
    return indicator(t, column, false);
  }

  /**
   * True when an event column holds only 1 and 2 with at least one 2: R's {@code Surv()} then reads
   * 1 = censored, 2 = event, and so does {@link #eventsFromEvent} (callers should say so).
   */
  public static boolean isOneTwoCoded(DataTable t, String column) {
    boolean two = false;
    if (t.hasNumbers(column)) {
      for (double v : t.numbers(column)) {
        if (v == 2) {
          two = true;
        } else if (v != 1) {
          return false;
        }
      }
      return two;
    }
    for (String v : t.column(column)) {
      if (v.equals("2")) {
        two = true;
      } else if (!v.equals("1")) {
        return false;
      }
    }
    return two;
  }

  private static boolean[] indicator(DataTable t, String column, boolean cnsr) {
    String[] c = t.hasNumbers(column) ? null : t.column(column);
    double[] x = c == null ? t.numbers(column) : null;
    boolean[] out = new boolean[t.rowCount()];
    String expected =
        cnsr
            ? "a censor code (0 = event, a positive integer = censored)"
            : "an event indicator (1 = event, 0 = censored)";
    for (int i = 0; i < out.length; i++) {
      double v = x != null ? x[i] : parse(t, i, column, c[i], expected);
      // (long) v: an integer test cheaper than Math.rint for the usual small codes
      if ((v < 1e15 ? v != (long) v : v != Math.rint(v)) || v < 0 || (!cnsr && v > 1)) {
        throw bad(t, i, column, expected, t.cell(i, column));
      }
      out[i] = cnsr ? v == 0 : v == 1;
    }
    return out;
  }

  /** A text column with no empty cells (group, strata, subject id). */
  public static String[] labels(DataTable t, String column, String expected) {
    String[] c = t.column(column);
    if (!t.hasEmpty(column)) {
      return c;
    }
    for (int i = 0; i < c.length; i++) {
      if (c[i] == null || c[i].isEmpty()) {
        throw bad(t, i, column, expected, c[i]);
      }
    }
    return c;
  }

  /**
   * A grouping column that must have at least {@code min} levels; the message lists the levels
   * found.
   */
  public static String[] groups(DataTable t, String column, int min) {
    String[] c = labels(t, column, "a group label");
    List<String> lv = t.levels(column);
    if (lv.size() < min) {
      throw new InputException(
          String.format(
              "%s: column %s has %d level%s (%s); at least %d are needed to compare groups",
              t.source(column),
              column,
              lv.size(),
              lv.size() == 1 ? "" : "s",
              String.join(", ", lv),
              min));
    }
    return c;
  }

  private static double parse(DataTable t, int i, String column, String s, String expected) {
    if (s == null || s.isEmpty()) {
      throw bad(t, i, column, expected, s);
    }
    double fast = plainDecimal(s);
    if (!Double.isNaN(fast)) {
      return fast;
    }
    try {
      double v = Double.parseDouble(s);
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw bad(t, i, column, expected, s);
      }
      return v;
    } catch (NumberFormatException e) {
      throw bad(t, i, column, expected, s);
    }
  }

  /**
   * The error for row {@code i} (0-based) of {@code t}, naming the file, row and line the cell
   * comes from (the ADSL file for columns joined from it).
   */
  public static InputException bad(DataTable t, int i, String column, String expected, String s) {
    return InputException.cell(
        t.source(column), t.fileRow(column, i), t.line(column, i), column, expected, s);
  }

  static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * Clinger's fast path for plain decimals such as {@code 20.75}: digits with at most one point, at
   * most 15 significant digits and 22 decimals. The digits form an integer m < 2^53 and 10^k is
   * exact, so {@code m / 10^k} is one correctly rounded division: the same double as {@link
   * Double#parseDouble}. Anything else (signs, exponents, more digits) returns NaN and takes the
   * general parser.
   */
  static double plainDecimal(String s) {
    int n = s.length();
    if (n == 0 || n > 24) {
      return Double.NaN;
    }
    long m = 0;
    int digits = 0;
    int point = -1;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits > 0 || c != '0') {
          digits++;
        }
        m = m * 10 + (c - '0');
      } else if (c == '.' && point < 0) {
        point = i;
      } else {
        return Double.NaN;
      }
    }
    int decimals = point < 0 ? 0 : n - point - 1;
    if (digits > 15 || decimals > 22 || n == (point < 0 ? 0 : 1)) {
      return Double.NaN;
    }
    return decimals == 0 ? (double) m : m / POW10[decimals];
  }
}

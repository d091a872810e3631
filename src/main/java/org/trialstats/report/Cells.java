package org.trialstats.report;

import java.util.Locale;

/** Formatting and escaping of single cell values, shared by every writer. */
public final class Cells {
  private Cells() {}

  /**
   * A number at full precision: integers without a decimal point, everything else as the shortest
   * decimal that reads back to the same double (at least 10 significant digits are never lost).
   */
  public static String number(Double d) {
    if (d == null || d.isNaN() || d.isInfinite()) {
      return "";
    }
    double v = d;
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** Any cell value as CSV/JSON text: numbers at full precision, null as empty. */
  public static String plain(Object o) {
    if (o == null) {
      return "";
    }
    if (o instanceof Double d) {
      return number(d);
    }
    return o.toString();
  }

  /**
   * A number rounded for reading: {@code digits} significant digits, no exponent for usual sizes.
   */
  public static String readable(Double d, int digits) {
    if (d == null || d.isNaN() || d.isInfinite()) {
      return "";
    }
    double v = d;
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e9)) {
      return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }
    int mag = a == 0 ? 0 : (int) Math.floor(Math.log10(a));
    int decimals = Math.max(0, digits - 1 - mag);
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /**
   * Neutralises spreadsheet formula injection: a text cell starting with {@code = + - @} (or a tab
   * or carriage return) that is not a number gets a leading apostrophe.
   */
  public static String safeText(String s) {
    if (s == null || s.isEmpty()) {
      return s == null ? "" : s;
    }
    char c = s.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      if (!isNumber(s)) {
        return "'" + s;
      }
    }
    return s;
  }

  static boolean isNumber(String s) {
    try {
      Double.parseDouble(s.trim());
      return !s.isBlank();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
  public static String csvField(String s) {
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /** A JSON string literal. */
  public static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** HTML-escapes text for element content and attribute values. */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
